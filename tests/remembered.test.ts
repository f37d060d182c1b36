// A build takes an experiment folder unchanged since the last build as it was read then
// (site/prepare/remembered.ts), and reads one that changed, or holds a link, again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { readExperiment } from '../src/lib/content/experiment.ts';
import { contentHash, readRemembered, stampOf } from '../src/lib/site/prepare/remembered.ts';
import { tempDir, writeTree } from './support/helpers.ts';

const MANIFEST = `title: Remembered
date: 2026-01-01
provenance: { kind: run }
participants:
  - { id: a, model: A }
`;

/** Files written more than the settling time ago, as a folder from an earlier day is. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2100));

describe('an experiment folder remembered between builds', () => {
  let dir: string;
  const cacheBefore = process.env.CROSSJUDGE_CACHE;

  beforeAll(async () => {
    const root = await tempDir();
    process.env.CROSSJUDGE_CACHE = path.join(root, 'cache');
    dir = path.join(root, 'experiments', 'remembered');
    await writeTree(dir, {
      'experiment.yaml': MANIFEST,
      'source.md': 'The source.\n',
      'skills/a/SKILL.md': '---\nname: x\ndescription: y\n---\nFirst.\n',
    });
  });
  afterAll(() => {
    if (cacheBefore === undefined) delete process.env.CROSSJUDGE_CACHE;
    else process.env.CROSSJUDGE_CACHE = cacheBefore;
  });

  it('is read, not taken, while its files changed in the last seconds', async () => {
    expect(stampOf(dir)).toBeNull();
    expect(await readRemembered(dir)).toEqual(await readExperiment(dir));
    const kept = path.join(process.env.CROSSJUDGE_CACHE!, 'read');
    expect(await fs.readdir(kept).catch(() => [])).toEqual([]);
  });

  it('is taken as read once settled, and read again after any change', async () => {
    await settle();
    const stamp = stampOf(dir);
    expect(stamp).toMatch(/^[0-9a-f]{64}$/);
    expect(stampOf(dir)).toBe(stamp);
    const first = await readRemembered(dir);
    expect(first).toEqual(await readExperiment(dir));
    expect(await fs.readdir(path.join(process.env.CROSSJUDGE_CACHE!, 'read'))).toHaveLength(1);

    // taken back with its content hash, the one its contents give
    const hit = await readRemembered(dir);
    expect(contentHash(hit)).toBe(contentHash(structuredClone(hit)));
    expect(contentHash(hit)).toBe(contentHash(await readExperiment(dir)));

    // what was kept is what is given back: marked in the cache, the mark comes back
    const [file] = await fs.readdir(path.join(process.env.CROSSJUDGE_CACHE!, 'read'));
    const at = path.join(process.env.CROSSJUDGE_CACHE!, 'read', file);
    const entry = v8.deserialize(await fs.readFile(at));
    entry.experiment.manifest.title = 'Taken from the cache';
    await fs.writeFile(at, v8.serialize(entry));
    const kept = await readRemembered(dir);
    expect(kept.manifest.title).toBe('Taken from the cache');
    expect(kept.manifest.date).toBeInstanceOf(Date);

    // a file of the same size, changed: the folder is read again, now and once it has settled
    await fs.writeFile(
      path.join(dir, 'skills/a/SKILL.md'),
      '---\nname: x\ndescription: y\n---\nLater.\n',
    );
    expect(stampOf(dir)).toBeNull();
    const changed = (await readRemembered(dir)).skills[0].files[0].content;
    expect(changed).toContain('Later.');
    await settle();
    expect(stampOf(dir)).not.toBe(stamp);
    expect((await readRemembered(dir)).skills[0].files[0].content).toContain('Later.');

    // a file added
    await fs.writeFile(path.join(dir, 'evaluations.md'), 'not read\n');
    await settle();
    expect(stampOf(dir)).not.toBe(stamp);
  }, 15_000);

  it('leaves a link in the folder to the reader, which refuses it', async () => {
    await fs.symlink('/etc/passwd', path.join(dir, 'skills/a/leak.md'));
    await settle();
    expect(stampOf(dir)).toBeNull();
    await expect(readRemembered(dir)).rejects.toThrow(/leak\.md: a symbolic link/);
  }, 10_000);
});
