// The calls of a run, each stored as runs/calls/<key>.json the moment it returns.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CallRecord } from '../content/schema.ts';
import { CALLS_DIR, readCalls } from '../content/experiment.ts';
import { writeFileAtomic } from '../content/files.ts';

export class CallStore {
  private byKey = new Map<string, CallRecord>();
  constructor(private experimentDir: string) {}

  async load(): Promise<void> {
    for (const c of await readCalls(this.experimentDir)) this.byKey.set(c.key, c);
  }

  /** A completed call with this key, if one is stored. */
  done(key: string): CallRecord | undefined {
    const c = this.byKey.get(key);
    return c?.status === 'ok' ? c : undefined;
  }

  async put(record: CallRecord): Promise<void> {
    this.byKey.set(record.key, record);
    await writeFileAtomic(
      path.join(this.experimentDir, CALLS_DIR, `${record.key}.json`),
      JSON.stringify(record, null, 2) + '\n',
    );
  }

  /** Moves the stored calls aside (runs/calls-<time>/) so a fresh run starts empty; nothing is deleted. */
  async setAside(): Promise<string | null> {
    const dir = path.join(this.experimentDir, CALLS_DIR);
    const target = `${dir}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    const moved = await fs.rename(dir, target).then(
      () => true,
      (err) => (err.code === 'ENOENT' ? false : Promise.reject(err)),
    );
    this.byKey.clear();
    return moved ? target : null;
  }
}
