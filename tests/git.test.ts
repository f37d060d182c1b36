// Cloning and remotes: shallow, only allowed transports, git's whole error, and no credentials
// anywhere they could be read. Local repositories only (file://); nothing reaches the network.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { clone } from '../src/lib/content/git.ts';
import { stripCredentials } from '../src/lib/content/secrets.ts';
import { ManifestSchema } from '../src/lib/content/schema.ts';
import { tempDir, writeTree } from './support/helpers.ts';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();

/** A bare repository with two commits. */
async function bareRepo(): Promise<string> {
  const work = await tempDir();
  await writeTree(work, { 'a.md': 'one' });
  git(work, 'init', '-q');
  git(work, 'add', '.');
  git(work, 'commit', '-qm', 'one');
  await fs.writeFile(`${work}/a.md`, 'two');
  git(work, 'commit', '-qam', 'two');
  const bare = await tempDir();
  git(bare, 'clone', '-q', '--bare', work, '.');
  return bare;
}

describe('cloning', () => {
  it('clones only the last commit', async () => {
    const dir = await clone(`file://${await bareRepo()}`);
    expect(git(dir, 'rev-parse', '--is-shallow-repository')).toBe('true');
    expect(git(dir, 'rev-list', '--count', 'HEAD')).toBe('1');
    expect(await fs.readFile(`${dir}/a.md`, 'utf8')).toBe('two');
    await fs.rm(dir, { recursive: true });
  });

  it("shows git's whole error for a missing repository", async () => {
    const err = await clone('file:///nonexistent/repository').catch((e) => e);
    expect(err.message).toMatch(
      /^git could not clone file:\/\/\/nonexistent\/repository; git said:\n/,
    );
    expect(err.message).toContain(
      "  fatal: '/nonexistent/repository' does not appear to be a git repository\n",
    );
    expect(err.message).toMatch(
      /Please make sure you have the correct access rights\n\s+and the repository exists\.$/,
    );
  });

  it('refuses transports outside the allow-list, and never shows the credentials', async () => {
    const err = await clone('ftp://someone:s3cret-token@127.0.0.1/repo.git').catch((e) => e);
    expect(err.message).toContain("transport 'ftp' not allowed");
    expect(err.message).toContain('ftp://127.0.0.1/repo.git');
    expect(err.message).not.toContain('s3cret');
  });
});

describe('credentials in URLs', () => {
  it('are stripped from any URL in a text; an ssh user name stays', () => {
    expect(stripCredentials('https://user:tok@github.com/o/r.git')).toBe(
      'https://github.com/o/r.git',
    );
    expect(stripCredentials('https://ghp_abc@github.com/o/r')).toBe('https://github.com/o/r');
    expect(stripCredentials("fatal: unable to access 'http://a:b@h:8/x/': no")).toBe(
      "fatal: unable to access 'http://h:8/x/': no",
    );
    expect(stripCredentials('ssh://git@host/o/r.git')).toBe('ssh://git@host/o/r.git');
    expect(stripCredentials('ssh://git:pw@host/o/r.git')).toBe('ssh://host/o/r.git');
    expect(stripCredentials('git@github.com:o/r.git')).toBe('git@github.com:o/r.git');
  });

  it('never reach a published manifest, and its link is http or https only', () => {
    const manifest = (provenance: object) => ({
      title: 't',
      date: '2026-01-01',
      provenance: { kind: 'import', ...provenance },
      participants: [{ id: 'a', model: 'A' }],
    });
    const ok = ManifestSchema.parse(
      manifest({ origin: 'https://u:tok@host/o/r.git', url: 'https://host/o/r' }),
    );
    expect(ok.provenance.origin).toBe('https://host/o/r.git');
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd']) {
      const r = ManifestSchema.safeParse(manifest({ url }));
      expect(r.success, url).toBe(false);
      expect(r.error!.issues[0]).toMatchObject({
        path: ['provenance', 'url'],
        message: 'an http:// or https:// address',
      });
    }
  });
});
