// Writes into one experiment folder (location.ts says where each part goes). Every manifest and
// call record is checked against the zod schema before it is written: no command leaves a file
// behind that the site cannot read.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import {
  CallRecordSchema,
  ManifestSchema,
  describeIssues,
  type CallRecord,
  type Manifest,
  type ManifestInput,
} from '../schema.ts';
import { isSafeRelativePath, writeFileAtomic } from '../files.ts';
import { replaceFolder } from '../swap.ts';
import { UserError, isMissing } from '../errors.ts';
import { containedPath, readContainedText } from '../contain.ts';
import {
  CALLS_DIR,
  MANIFEST,
  POST,
  POST_DRAFT,
  callPath,
  pathOf,
  skillDir,
  type Location,
} from './location.ts';
import { parseManifest } from './read.ts';

/**
 * Where `rel` is written inside the experiment folder `dir`: never through a link (contain.ts),
 * so a folder on the way that is a link to elsewhere cannot take the write outside.
 */
async function inside(dir: string, rel: string): Promise<string> {
  await containedPath(dir, rel);
  return path.join(dir, rel);
}

/** A manifest as about to be written, checked: the error names the file and every wrong field. */
export function checkManifest(manifest: unknown, file: string): Manifest {
  const parsed = ManifestSchema.safeParse(manifest);
  if (!parsed.success)
    throw new UserError(describeIssues(`${file} (as it would be written)`, parsed.error));
  return parsed.data;
}

export function manifestToYaml(manifest: ManifestInput): string {
  const plain = JSON.parse(
    JSON.stringify(manifest, (key, value) =>
      key === 'date' && typeof value === 'string' ? value.slice(0, 10) : value,
    ),
  );
  return YAML.stringify(plain, { lineWidth: 0 });
}

/** Writes experiment.yaml whole, once the manifest is checked. */
export async function writeManifest(dir: string, manifest: ManifestInput): Promise<Manifest> {
  const file = await inside(dir, MANIFEST);
  const checked = checkManifest(manifest, file);
  await writeFileAtomic(file, manifestToYaml(manifest));
  return checked;
}

/**
 * Changes experiment.yaml where it stands, keeping its comments and layout: `edit` gets the YAML
 * document and the manifest as it is now; what it makes of them is checked before it is written.
 */
export async function editManifest(
  dir: string,
  edit: (doc: YAML.Document, manifest: Manifest) => void,
): Promise<Manifest> {
  const file = path.join(dir, MANIFEST);
  const text = await readContainedText(dir, MANIFEST);
  if (text === null) throw new UserError(`${file}: no such file`);
  const manifest = parseManifest(text, file);
  const doc = YAML.parseDocument(text);
  edit(doc, manifest);
  const checked = checkManifest(doc.toJS(), file);
  await writeFileAtomic(file, doc.toString({ lineWidth: 0 }));
  return checked;
}

/** Writes a text of the experiment (its source, a skill's file, an evaluation) where it belongs. */
export async function writeText(
  dir: string,
  at: Location,
  manifest: { source: string | null },
  content: string | Buffer,
): Promise<string> {
  const rel = pathOf(at, manifest);
  await writeFileAtomic(await inside(dir, rel), content);
  return rel;
}

export async function removeEvaluation(dir: string, judge: string): Promise<void> {
  const rel = pathOf({ kind: 'evaluation', judge }, { source: null });
  await fs.rm(await inside(dir, rel), { force: true });
}

/** Replaces a participant's skill folder with `files` at once: readers see the old skill or the new. */
export async function writeSkill(
  dir: string,
  participant: string,
  files: { path: string; content: string }[],
): Promise<void> {
  const bad = files.find((f) => !isSafeRelativePath(f.path));
  if (bad) throw new UserError(`${participant}'s skill: "${bad.path}" is not a path inside it`);
  const target = await inside(dir, skillDir(participant));
  await replaceFolder(path.dirname(target), target, async (tmp) => {
    for (const f of files) await writeFileAtomic(path.join(tmp, f.path), f.content);
  });
}

/** Stores a call record (runs/calls/<key>.json), once it is checked. */
export async function writeCall(dir: string, record: CallRecord): Promise<void> {
  const file = await inside(dir, callPath(record.key));
  const parsed = CallRecordSchema.safeParse(record);
  if (!parsed.success) throw new UserError(describeIssues(file, parsed.error, 'call record'));
  await writeFileAtomic(file, JSON.stringify(record, null, 2) + '\n');
}

/** Moves the stored calls aside (runs/calls-<time>/), nothing deleted; the folder, or null without calls. */
export async function setCallsAside(dir: string): Promise<string | null> {
  const calls = path.join(dir, CALLS_DIR);
  const target = `${calls}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  return fs.rename(calls, target).then(
    () => target,
    (err) => (isMissing(err) ? null : Promise.reject(err)),
  );
}

/** Writes a post: post.md when there is none, else post.draft.md beside it. The file written. */
export async function writePost(
  dir: string,
  text: string,
): Promise<{ file: string; draft: boolean }> {
  const post = path.join(dir, POST);
  const exists = await fs.lstat(post).then(
    () => true,
    () => false,
  );
  const file = exists ? path.join(dir, POST_DRAFT) : post;
  await writeFileAtomic(file, text);
  return { file, draft: exists };
}
