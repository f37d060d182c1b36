// The calls of a run, each stored as runs/calls/<key>.json the moment it returns.
import type { CallRecord } from '../content/schema.ts';
import { readCalls, setCallsAside, writeCall } from '../content/experiment.ts';

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
    await writeCall(this.experimentDir, record);
  }

  /** Moves the stored calls aside (runs/calls-<time>/) so a fresh run starts empty; nothing is deleted. */
  async setAside(): Promise<string | null> {
    this.byKey.clear();
    return setCallsAside(this.experimentDir);
  }
}
