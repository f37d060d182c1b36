// Text from outside (file names, model text, server errors) is printed with its control characters
// escaped, so that escape sequences cannot clear lines or draw fake output; on a page, characters
// that reorder text are shown as what they are, so "rtl-\u202edm.exe" does not read "rtl-exe.md".
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync, spawn } from 'node:child_process';
import path from 'node:path';
import { forTerminal, visibleControls } from '../../src/lib/text/controls.ts';
import { renderMarkdown } from '../../src/lib/site/render/markdown.ts';
import { sourceHtml } from '../../src/lib/site/render/source.ts';
import { runEnv } from '../support/runner-setup.ts';
import { closeDoubles, definitionWithDouble } from '../support/hostile.ts';
import { tempDir, writeTree } from '../support/helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ESC = '\u001b';
const FAKE = `${ESC}[2K${ESC}[1A\rimported 0 problems\u0007`;
/** Whether the text holds an escape, a carriage return or a bell as such. */
const raw = (text: string) => [ESC, '\r', '\u0007'].some((c) => text.includes(c));

describe('forTerminal', () => {
  it('escapes control and direction characters, and keeps line breaks and tabs', () => {
    expect(forTerminal(`a${FAKE}\tb\nc\u009b\u202ed`)).toBe(
      'a\\x1B[2K\\x1B[1A\\x0Dimported 0 problems\\x07\tb\nc\\x9B\\u202Ed',
    );
    expect(forTerminal('plain text, «quotes», 日本語, emoji 👨‍👩‍👧')).toBe(
      'plain text, «quotes», 日本語, emoji 👨‍👩‍👧',
    );
  });
});

function importFolder(dir: string) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts/import.ts'), dir],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CROSSJUDGE_CONTENT: path.join(dir, '..', 'content') },
    },
  );
}

async function folder(files: Record<string, string>) {
  const dir = path.join(await tempDir(), 'their-experiment');
  await writeTree(dir, {
    'source.md': '# Note\n\nKeep it small.\n',
    'skills/gpt-5/SKILL.md': '---\nname: gpt-5-small\ndescription: d\n---\n\nA.\n',
    'skills/opus-4-6/SKILL.md': '---\nname: opus-4-6-small\ndescription: d\n---\n\nB.\n',
    ...files,
  });
  return dir;
}

describe('what the commands print', () => {
  it('escapes a file name in what it inferred', async () => {
    const run = importFolder(
      await folder({
        [`evaluations/gpt-5_vs_opus-4-6/gpt-5${FAKE}.md`]: '# Review\n\nWinner: opus-4-6\n',
      }),
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'gpt-5\\x1B[2K\\x1B[1A\\x0Dimported 0 problems\\x07.md: judge gpt-5',
    );
    expect(raw(run.stdout + run.stderr)).toBe(false);
  });

  it('escapes a file name in an error', async () => {
    const run = importFolder(await folder({ [`skills/gpt-5/notes${FAKE}.md`]: 'notes\n' }));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: .*control character/);
    expect(run.stderr).toContain('notes\\u001b[2K');
    expect(raw(run.stdout + run.stderr)).toBe(false);
  });
});

afterEach(closeDoubles);

describe('a run', () => {
  it("escapes a server's error text", async () => {
    const { api, dir } = await definitionWithDouble({
      faults: [
        { model: 'gpt-test', kind: 'generate', status: 400, message: `bad ${FAKE}`, times: 9 },
      ],
    });
    const content = path.resolve(dir, '../..');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(ROOT, 'scripts/experiment.ts'),
        path.basename(dir),
        '--only',
        'generate',
      ],
      { cwd: ROOT, env: { ...process.env, ...runEnv(api.url), CROSSJUDGE_CONTENT: content } },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(out).toContain('failed: generate gpt-test: 400 bad \\x1B[2K');
    expect(raw(out)).toBe(false);
  });
});

describe('a page', () => {
  const name = 'rtl-\u202edm.exe';
  it('shows a right-to-left override in rendered markdown and in source', async () => {
    expect(visibleControls(name)).toBe('rtl-⟨U+202E⟩dm.exe');
    const html = await renderMarkdown(`Run \`${name}\` and ${name}.`, {
      files: {},
      ids: {},
    } as never);
    expect(html).toContain('rtl-⟨U+202E⟩dm.exe');
    expect(html).not.toContain('\u202e');
    const code = await sourceHtml(`run ${name}\n`, 'bash', 'file-x');
    expect(code).toContain('⟨U+202E⟩');
    expect(code).not.toContain('\u202e');
  });
});
