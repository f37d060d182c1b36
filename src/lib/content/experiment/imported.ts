// An import's writes into an experiment folder. The files it writes are recorded
// (.crossjudge/imported.json), so that importing again replaces exactly those and keeps every other
// file: the author's post, notes and images, the calls of runs. A file a person added where the
// import would now write stops it, with nothing written.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ImportRecordSchema, type ImportRecord, type Manifest } from '../schema.ts';
import { listContained, readContainedText } from '../contain.ts';
import { writeFileAtomic } from '../files.ts';
import { isLeftover, replaceFolder } from '../swap.ts';
import { UserError } from '../errors.ts';
import {
  EVALUATIONS_DIR,
  IMPORT_RECORD,
  MANIFEST,
  SKILLS_DIR,
  pathOf,
  type Location,
} from './location.ts';
import { checkManifest, writeManifest, writeText } from './write.ts';
import { parseJson } from './read.ts';

/** What an import writes: its files by location, and the manifest; and where it comes from. */
export interface ImportWrite {
  files: { at: Location; content: string | Buffer }[];
  manifest: Parameters<typeof writeManifest>[1];
  origin: string;
}

/** The record of what the last import wrote, or null when there is none. */
export async function readImportRecord(dir: string): Promise<ImportRecord | null> {
  const text = await readContainedText(dir, IMPORT_RECORD);
  if (text === null) return null;
  return parseJson(text, path.join(dir, IMPORT_RECORD), ImportRecordSchema, 'import record');
}

/**
 * Whether the last import wrote `rel`: by its record, or, for an experiment imported before
 * imports were recorded, whether it is a file an import writes (the source, skills, evaluations).
 */
function wroteBefore(rel: string, record: ImportRecord | null, previous: Manifest | null): boolean {
  if (rel === MANIFEST || rel === IMPORT_RECORD) return true;
  if (record) return record.files.includes(rel);
  const top = rel.split('/')[0];
  return rel === previous?.source || top === SKILLS_DIR || top === EVALUATIONS_DIR;
}

/** The files of the folder the last import did not write: a person's, or a run's. */
async function filesToKeep(dir: string, previous: Manifest | null): Promise<string[]> {
  const exists = await fs.lstat(dir).then(
    () => true,
    () => false,
  );
  if (!exists) return [];
  const record = await readImportRecord(dir);
  const listing = await listContained(dir, '', new Set());
  const all = [...listing.files.map((f) => f.path), ...listing.skipped];
  const ours = (rel: string) =>
    wroteBefore(rel, record, previous) || rel.split('/').some(isLeftover);
  return all.filter((rel) => !ours(rel)).sort();
}

/** A kept file that the import would now write (or that stands in the way of one) stops it. */
function checkClashes(dir: string, kept: string[], written: string[]): void {
  const clash = kept.find((k) =>
    written.some((w) => w === k || w.startsWith(`${k}/`) || k.startsWith(`${w}/`)),
  );
  if (clash)
    throw new UserError(
      `${path.join(dir, clash)} was added by hand, and the import would now write it; move it away, then import again; nothing was written`,
    );
}

/** Moves a kept file into the new folder: a hard link (a copy across file systems), a link as a link. */
async function keepFile(from: string, to: string): Promise<void> {
  await fs.mkdir(path.dirname(to), { recursive: true });
  const stat = await fs.lstat(from);
  if (stat.isSymbolicLink()) return fs.symlink(await fs.readlink(from), to);
  if (!stat.isFile()) return;
  await fs.link(from, to).catch(() => fs.copyFile(from, to));
}

/**
 * Writes an imported experiment into `dir` at once (readers see the old folder or the new), keeping
 * every file the last import did not write. Returns the files kept.
 */
export async function writeImport(
  dir: string,
  write: ImportWrite,
  previous: Manifest | null,
): Promise<{ kept: string[] }> {
  const manifest = checkManifest(write.manifest, path.join(dir, MANIFEST));
  const written = write.files.map((f) => pathOf(f.at, manifest));
  const reserved = written.find((w) => w === IMPORT_RECORD || w === MANIFEST);
  if (reserved)
    throw new UserError(`${path.join(dir, reserved)}: the import cannot write this file`);
  const kept = await filesToKeep(dir, previous);
  checkClashes(dir, kept, written);
  await replaceFolder(path.dirname(dir), dir, async (tmp) => {
    for (const f of write.files) await writeText(tmp, f.at, manifest, f.content);
    await writeManifest(tmp, write.manifest);
    for (const rel of kept) await keepFile(path.join(dir, rel), path.join(tmp, rel));
    const record = ImportRecordSchema.parse({
      origin: write.origin,
      files: [MANIFEST, ...written],
    });
    await writeFileAtomic(path.join(tmp, IMPORT_RECORD), JSON.stringify(record, null, 2) + '\n');
  });
  return { kept };
}
