// Pure logic: where an import comes from, and whether an experiment already at its slug came from
// the same place. Two repositories of the same name (alice/llm-guidance, bob/llm-guidance) get the
// same slug; the second must not replace the first under the first's title without being asked.
import { createHash } from 'node:crypto';
import type { ImportRecord, Manifest } from '../content/schema.ts';

export interface Origin {
  /** What the user gave: a URL or a folder name. */
  origin: string;
  /** The repository's or folder's name, for the default slug and title. */
  name: string;
  url?: string;
  commit?: string;
  /** The last commit's date, when there is one. */
  date?: Date;
}

/** Web address of a git remote, when it is a hosted one: git@host:o/r.git and https://host/o/r.git -> https://host/o/r */
export function webUrl(remote: string): string | undefined {
  const ssh = remote.match(/^git@([^:]+):(.+?)(?:\.git)?\/?$/);
  if (ssh) return `https://${ssh[1]}/${ssh[2]}`;
  const https = remote.match(/^https?:\/\/(?:[^@/]+@)?([^/]+)\/(.+?)(?:\.git)?\/?$/);
  return https ? `https://${https[1]}/${https[2]}` : undefined;
}

/** One spelling of a remote: the ssh and https addresses of a hosted repository are the same. */
export const remoteId = (remote: string) => webUrl(remote) ?? remote.replace(/\/+$/, '');

/**
 * What tells an origin from another of the same name: the repository's address, or for a folder
 * without a remote its name and a fingerprint of its real path (the path itself is not recorded).
 */
export const originId = (remote: string | undefined, folder: { name: string; realPath: string }) =>
  remote
    ? remoteId(remote)
    : `folder ${folder.name} (${createHash('sha256').update(folder.realPath).digest('hex').slice(0, 12)})`;

/**
 * The origin id of an experiment imported before records were kept, from its manifest's origin: a
 * remote, or the folder's name alone (taken for `id` when `id` is a folder of that name).
 */
function legacyId(origin: string | undefined, id: string): string | null {
  if (!origin) return null;
  return id.startsWith(`folder ${origin} (`) ? id : remoteId(origin);
}

/**
 * Why the experiment at `dir` may not be updated from the origin `id` (originId), or null when it
 * may: it was imported from somewhere else (by its import record, or by its manifest for an
 * experiment imported before records were kept), or it was not imported at all.
 */
export function otherOrigin(
  dir: string,
  id: string,
  existing: Manifest,
  record: ImportRecord | null,
): string | null {
  const ask =
    'give --slug <another slug> to import this one beside it, or --replace to replace it; nothing was written';
  const { provenance } = existing;
  if (provenance.kind !== 'import')
    return `${dir} holds an experiment that was not imported (provenance: ${provenance.kind}): ${ask}`;
  const theirs = record?.origin ?? legacyId(provenance.origin, id);
  if (theirs === id || theirs === null) return null;
  return `${dir} holds the experiment imported from ${theirs}, not from ${id}: ${ask}`;
}
