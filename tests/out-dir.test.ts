// A build empties its output folder by moving the last build's files aside (site/out-dir.ts),
// keeping a .git there as Astro does, and finding what an interrupted build left aside.
import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { moveAside } from '../src/lib/site/out-dir.ts';
import { tempDir, writeTree } from './support/helpers.ts';

describe('the output folder, emptied as a build starts', () => {
  it('has its files moved aside, all but .git, and lists what is to be removed', async () => {
    const root = await tempDir();
    const out = path.join(root, 'dist');
    await writeTree(out, {
      'index.html': 'old',
      'experiments/a/index.html': 'old',
      '.git/HEAD': 'ref: refs/heads/main\n',
    });
    await writeTree(path.join(root, '.dist.removing-0123456789ab'), { 'x.html': 'left over' });
    await writeTree(path.join(root, '.dist.removing-not-ours'), { 'x.html': 'not ours' });
    await writeTree(path.join(root, 'other'), { 'x.html': 'not ours' });

    const removed = moveAside(out);

    expect(await fs.readdir(out)).toEqual(['.git']);
    expect(removed).toHaveLength(2);
    expect(removed).toContain(path.join(root, '.dist.removing-0123456789ab'));
    const moved = removed.find((f) => !f.endsWith('0123456789ab'))!;
    expect(path.basename(moved)).toMatch(/^\.dist\.removing-[0-9a-f]{12}$/);
    expect((await fs.readdir(moved)).sort()).toEqual(['experiments', 'index.html']);
    expect(await fs.readFile(path.join(moved, 'experiments/a/index.html'), 'utf8')).toBe('old');
  });

  it('is left alone when it is missing, is a link, or holds the project', async () => {
    const root = await tempDir();
    await writeTree(path.join(root, 'project'), { 'package.json': '{}', 'src/x.ts': '' });
    expect(moveAside(path.join(root, 'project'), path.join(root, 'project'))).toEqual([]);
    expect(moveAside(root, path.join(root, 'project'))).toEqual([]);
    expect((await fs.readdir(path.join(root, 'project'))).sort()).toEqual(['package.json', 'src']);
    expect(moveAside(path.join(root, 'dist'))).toEqual([]);
    await writeTree(path.join(root, 'real'), { 'index.html': 'kept' });
    await fs.symlink(path.join(root, 'real'), path.join(root, 'dist'));
    expect(moveAside(path.join(root, 'dist'))).toEqual([]);
    expect(await fs.readdir(path.join(root, 'real'))).toEqual(['index.html']);
  });
});
