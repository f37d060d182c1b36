// Folders too big to import: hundreds of files under a low open-file limit (the macOS default is
// 256), a file of hundreds of megabytes, too many files, too much in all. The importer reads a few
// files at a time and refuses a folder over its limits before reading it, naming the file or the
// folder and the limit.
import { describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { IMPORT_LIMITS } from '../../src/lib/importer/index.ts';
import { tempDir, writeTree } from '../support/helpers.ts';
import { HAND_RUN } from '../support/hand-run.ts';

const exec = promisify(execFile);
// tests here run the import command more than once, a few seconds each on a busy machine
vi.setConfig({ testTimeout: 120_000 });
async function folderWith(extra: (folder: string) => Promise<void>) {
  const folder = path.join(await tempDir(), 'folder');
  await writeTree(folder, HAND_RUN);
  await extra(folder);
  return folder;
}

/** `n` small files in one skill's folder. */
const manyFiles = (n: number) => async (folder: string) => {
  const dir = path.join(folder, 'skills/gpt-5-small-functions/refs');
  await fs.mkdir(dir, { recursive: true });
  for (let i = 0; i < n; i++)
    await fs.writeFile(path.join(dir, `ref-${i}.md`), `Reference ${i}.\n`);
};

/** A file of `bytes` (sparse: it takes no room on disk) at `rel`. */
const bigFile = (rel: string, bytes: number) => async (folder: string) => {
  await fs.mkdir(path.dirname(path.join(folder, rel)), { recursive: true });
  const handle = await fs.open(path.join(folder, rel), 'w');
  await handle.truncate(bytes);
  await handle.close();
};

/** The import command, under an open-file limit of 256 as on macOS. */
async function importFolder(folder: string) {
  const content = await tempDir();
  const command = `ulimit -n 256 && exec "${process.execPath}" --import tsx scripts/import.ts "${folder}" --slug x`;
  const result = await exec('sh', ['-c', command], {
    env: { ...process.env, CROSSJUDGE_CONTENT: content },
  }).then(
    (r) => ({ ...r, code: 0 }),
    (e) => e as { stdout: string; stderr: string; code: number },
  );
  return { ...result, dir: path.join(content, 'experiments/x') };
}

const exists = (p: string) =>
  fs.stat(p).then(
    () => true,
    () => false,
  );

describe('importing a large folder', () => {
  it('reads 600 files under a limit of 256 open files', async () => {
    const r = await importFolder(await folderWith(manyFiles(600)));
    expect(r.stderr).not.toContain('EMFILE');
    expect(r.code).toBe(0);
    const refs = await fs.readdir(path.join(r.dir, 'skills/gpt-5/refs'));
    expect(refs).toHaveLength(600);
  });

  it('refuses a file over the size limit before reading it, naming the file and the limit', async () => {
    const folder = await folderWith(bigFile('skills/opus-4-small-functions/data.bin', 200e6));
    const r = await importFolder(folder);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${path.join(folder, 'skills/opus-4-small-functions/data.bin')}: 200 MB, over the limit of ${IMPORT_LIMITS.fileBytes / 1e6}.0 MB a file`,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(await exists(r.dir)).toBe(false);
  });

  it('refuses a folder of too many files, or too many bytes in all', async () => {
    const many = await importFolder(await folderWith(manyFiles(IMPORT_LIMITS.files)));
    expect(many.code).toBe(1);
    expect(many.stderr).toMatch(
      new RegExp(
        `folder: ${IMPORT_LIMITS.files + 5} files, over the limit of ${IMPORT_LIMITS.files} files`,
      ),
    );
    const count = Math.ceil(IMPORT_LIMITS.totalBytes / IMPORT_LIMITS.fileBytes) + 1;
    const large = await folderWith(async (folder) => {
      for (let i = 0; i < count; i++)
        await bigFile(`skills/gpt-5-small-functions/part-${i}.md`, IMPORT_LIMITS.fileBytes)(folder);
    });
    const total = await importFolder(large);
    expect(total.code).toBe(1);
    expect(total.stderr).toMatch(/folder: [\d.]+ MB in all, over the limit of [\d.]+ MB/);
    expect(await exists(total.dir)).toBe(false);
  });
});
