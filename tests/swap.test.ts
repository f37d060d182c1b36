// Replacing a folder when the process may die at any moment: whatever step it stopped after, the
// old folder or the new one is in place once the next command has looked, and nothing is left over.
import { describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fillingFolder, recoverFolder, replaceFolder, swapSteps } from '../src/lib/content/swap.ts';
import { readAllExperiments } from '../src/lib/content/experiment.ts';
import { tempDir, writeTree } from './support/helpers.ts';
import { HAND_RUN, command } from './support/hand-run.ts';

// tests here run the import command more than once, a few seconds each on a busy machine
vi.setConfig({ testTimeout: 120_000 });
const ROOT = path.resolve(import.meta.dirname, '..');

/** What is in `parent/x` (null when nothing is), and what else is in `parent`. */
async function state(parent: string) {
  const x = await fs.readdir(path.join(parent, 'x')).catch(() => null);
  const others = (await fs.readdir(parent)).filter((n) => n !== 'x');
  return { x, others };
}

describe('a crash while a folder is replaced', () => {
  for (const first of [false, true])
    it(`leaves the old folder or the new one, at every step${first ? ' (a first write)' : ''}`, async () => {
      const steps = swapSteps('/', 'x', '000000000000');
      for (let done = 0; done <= steps.length; done++) {
        const parent = await tempDir();
        if (!first) await writeTree(parent, { 'x/old.txt': 'old' });
        const id = 'abcdef012345';
        await writeTree(fillingFolder(parent, 'x', id), { 'new.txt': 'new' });
        for (const step of swapSteps(parent, 'x', id).slice(0, done)) await step.run();
        // the process died here; the next command looks first
        await recoverFolder(parent, 'x', true);
        const { x, others } = await state(parent);
        const label = `stopped after ${done} steps`;
        expect(others, label).toEqual([]);
        if (first) expect([null, ['new.txt']], label).toContainEqual(x);
        else expect([['old.txt'], ['new.txt']], label).toContainEqual(x);
        // and the next replace works from there
        await replaceFolder(parent, path.join(parent, 'x'), (tmp) =>
          writeTree(tmp, { 'next.txt': '' }),
        );
        expect(await state(parent), label).toEqual({ x: ['next.txt'], others: [] });
      }
    });

  it('is finished or rolled back by the build: the experiment stays on the site', async () => {
    const content = await tempDir();
    const root = path.join(content, 'experiments');
    const manifest =
      'title: Kept\ndate: 2026-01-01\nprovenance: { kind: run }\nsource: null\nparticipants: [{ id: a, model: A }]\n';
    await writeTree(root, { 'x/experiment.yaml': manifest });
    const id = 'abcdef012345';
    await writeTree(fillingFolder(root, 'x', id), {
      'experiment.yaml': manifest.replace('Kept', 'New'),
    });
    for (const step of swapSteps(root, 'x', id).slice(0, 2)) await step.run();
    expect(await fs.readdir(root)).not.toContain('x');
    const all = await readAllExperiments(root);
    expect(all.map((e) => [e.slug, e.manifest.title])).toEqual([['x', 'Kept']]);
    expect(await fs.readdir(root)).toEqual(['x']);
  });

  it('as the previous version left it, is rolled back by the next import, keeping the title', async () => {
    const folder = path.join(await tempDir(), 'small-functions');
    await writeTree(folder, HAND_RUN);
    const content = await tempDir();
    const importIt = () => command('import', [folder, '--slug', 'x'], content);
    expect((await importIt()).code).toBe(0);
    const dir = path.join(content, 'experiments/x');
    const file = path.join(dir, 'experiment.yaml');
    await fs.writeFile(
      file,
      (await fs.readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: Mine'),
    );
    // killed between its two renames: the old folder moved aside, the new one not yet in place
    await fs.rename(dir, `${dir}.old-0123456789ab`);
    await writeTree(`${dir}.new-0123456789ab`, { 'experiment.yaml': 'title: half\n' });
    expect((await importIt()).code).toBe(0);
    expect(await fs.readFile(file, 'utf8')).toMatch(/^title: Mine$/m);
    expect(await fs.readdir(path.join(content, 'experiments'))).toEqual(['x']);
  });

  it('leaves nothing git would pick up', async () => {
    const names = [
      'content/experiments/.x.fill-0123456789ab/experiment.yaml',
      'content/experiments/.x.ready-0123456789ab/experiment.yaml',
      'content/experiments/.x.old-0123456789ab/experiment.yaml',
      'content/experiments/x/skills/.a.fill-0123456789ab/SKILL.md',
      'content/experiments/x.new-0123456789ab/experiment.yaml',
    ];
    const ignored = execFileSync('git', ['check-ignore', '--no-index', ...names], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(ignored.trim().split('\n')).toEqual(names);
  });
});
