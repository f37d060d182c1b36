// Rendered HTML kept by content hash, in memory and on disk across builds, so that a rebuild after
// one experiment changed renders about one page's worth of documents and diffs.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../content/files.ts';

/** Bump when rendering changes, so old cache entries are not used. */
const VERSION = '14';
const dir = () => path.resolve(process.env.CROSSJUDGE_CACHE ?? 'node_modules/.cache/crossjudge');
const memory = new Map<string, Promise<unknown>>();

export const stats = { hits: 0, misses: 0 };

/** The value `render` gives for these inputs (JSON-serializable), rendered once per content. */
export function cached<T>(kind: string, inputs: unknown[], render: () => Promise<T>): Promise<T> {
  const key = createHash('sha256')
    .update(JSON.stringify([VERSION, kind, inputs]))
    .digest('hex');
  let hit = memory.get(key) as Promise<T> | undefined;
  if (!hit) {
    const file = path.join(dir(), kind, `${key}.json`);
    hit = fs.readFile(file, 'utf8').then(
      (text) => {
        stats.hits++;
        return JSON.parse(text) as T;
      },
      async () => {
        stats.misses++;
        const value = await render();
        await writeFileAtomic(file, JSON.stringify(value)).catch(() => {}); // a read-only cache only costs speed
        return value;
      },
    );
    memory.set(key, hit);
  }
  return hit;
}
