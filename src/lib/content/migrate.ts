// The one place older manifests are brought to the current schema, as they are read and before a
// manifest is checked. Version 1 (no schemaVersion) had one artifact per participant and no
// `by`, `revisedWith` or `maker`: it reads as version 2 unchanged, every participant a model and
// its own artifact. A version this code does not know is refused, not guessed at.
import { SCHEMA_VERSION } from './schema.ts';
import { UserError } from './errors.ts';

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The manifest as the current schema reads it; `file` names it in an error. */
export function migrateManifest(raw: unknown, file: string): unknown {
  if (!isObject(raw)) return raw;
  const version = raw.schemaVersion;
  if (version === undefined) return { ...raw, schemaVersion: SCHEMA_VERSION };
  if (typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION)
    throw new UserError(
      `${file}: schemaVersion ${version} is newer than this crossjudge reads (${SCHEMA_VERSION}); update crossjudge`,
    );
  return raw;
}
