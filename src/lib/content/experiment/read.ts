// Reads one experiment folder (location.ts says where each part is) into an Experiment, every
// manifest, post and call record checked against the zod schema (schema.ts).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  CallRecordSchema,
  ManifestSchema,
  PostMetaSchema,
  describeIssues,
  type CallRecord,
  type Manifest,
  type PostMeta,
} from '../schema.ts';
import { parseFrontMatter } from '../frontmatter.ts';
import { experimentsDir } from '../paths.ts';
import { readTree, type TextFile } from '../files.ts';
import { LINK, SPECIAL, listContained, readContainedText } from '../contain.ts';
import { UserError, isMissing, readFailure } from '../errors.ts';
import { parseYaml } from '../yaml.ts';
import { migrateManifest } from '../migrate.ts';
import { recoverFolder, recoverSwaps } from '../swap.ts';
import { CALLS_DIR, MANIFEST, POST, SKILLS_DIR, pathOf, skillDir } from './location.ts';

export interface Skill {
  participant: string;
  files: TextFile[];
}

export interface Evaluation {
  judge: string;
  /** Its path in the experiment folder (location.ts), as quotes and claims name their file. */
  path: string;
  content: string;
}

export interface Post {
  meta: PostMeta;
  /** The markdown after the front matter. */
  body: string;
  /** Lines of post.md before the body (the front matter), so body line n is file line n + bodyOffset. */
  bodyOffset: number;
  /** The file, for messages. */
  file: string;
}

export interface Experiment {
  slug: string;
  manifest: Manifest;
  source: string;
  skills: Skill[];
  evaluations: Evaluation[];
  calls: CallRecord[];
  post: Post | null;
}

/** A text file of the experiment folder, or null when it is not there; links are refused (contain.ts). */
const readText = readContainedText;

/** Links and special files are refused in an experiment folder: a link could publish a file outside it. */
async function refuseSkipped(dir: string, skipped: string[]): Promise<void> {
  if (!skipped.length) return;
  const file = path.join(dir, skipped[0]);
  const link = (await fs.lstat(file)).isSymbolicLink();
  throw new UserError(`${file}: ${link ? LINK : SPECIAL}`);
}

export async function readManifest(dir: string): Promise<Manifest> {
  const manifest = await readManifestIfAny(dir);
  if (!manifest) throw new UserError(`${path.join(dir, MANIFEST)}: no such file`);
  return manifest;
}

/**
 * An experiment's folder from a command-line argument: a path, or a slug under
 * content/experiments; a swap of it that a crash left half done is finished or rolled back first.
 */
export async function findExperimentDir(arg: string): Promise<string> {
  for (const dir of [path.resolve(arg), path.join(experimentsDir(), arg)]) {
    await recoverFolder(path.dirname(dir), path.basename(dir), false);
    const found = await fs.stat(path.join(dir, MANIFEST)).then(
      () => true,
      () => false,
    );
    if (found) return dir;
  }
  throw new UserError(`${arg}: no ${MANIFEST} there nor in ${path.join(experimentsDir(), arg)}`);
}

/** The manifest, or null when there is no experiment.yaml; one that cannot be read or parsed throws. */
export async function readManifestIfAny(dir: string): Promise<Manifest | null> {
  const text = await readText(dir, MANIFEST);
  return text === null ? null : parseManifest(text, path.join(dir, MANIFEST));
}

export function parseManifest(text: string, file: string): Manifest {
  const parsed = ManifestSchema.safeParse(migrateManifest(parseYaml(text, file), file));
  if (!parsed.success) throw new UserError(describeIssues(file, parsed.error));
  return parsed.data;
}

/** The source material the manifest names, with its line ends made plain ('' when it has none). */
export async function readSource(dir: string, manifest: Manifest): Promise<string> {
  if (manifest.source === null) return '';
  const text = await readText(dir, pathOf({ kind: 'source' }, manifest));
  if (text === null)
    throw new UserError(
      `${path.join(dir, MANIFEST)}: field source names ${manifest.source}, which does not exist`,
    );
  return text;
}

/** Every participant's skill that has files, in the manifest's order. */
export async function readSkills(dir: string, manifest: Manifest): Promise<Skill[]> {
  const skills: Skill[] = [];
  for (const p of manifest.participants) {
    const tree = await readTree(dir, skillDir(p.id));
    await refuseSkipped(path.join(dir, skillDir(p.id)), tree.skipped);
    if (tree.files.length) skills.push({ participant: p.id, files: tree.files });
  }
  return skills;
}

/** Every judge's evaluation that is there, in the manifest's order. */
export async function readEvaluations(dir: string, manifest: Manifest): Promise<Evaluation[]> {
  const evaluations: Evaluation[] = [];
  for (const p of manifest.participants) {
    const rel = pathOf({ kind: 'evaluation', judge: p.id }, manifest);
    const content = await readText(dir, rel);
    if (content !== null) evaluations.push({ judge: p.id, path: rel, content });
  }
  return evaluations;
}

export async function readExperiment(dir: string): Promise<Experiment> {
  const manifest = await readManifest(dir);
  await recoverSwaps(path.join(dir, SKILLS_DIR));
  return {
    slug: path.basename(dir),
    manifest,
    source: await readSource(dir, manifest),
    skills: await readSkills(dir, manifest),
    evaluations: await readEvaluations(dir, manifest),
    calls: await readCalls(dir),
    post: await readPost(dir),
  };
}

/** post.md, when the experiment has one; its front matter is checked against PostMetaSchema. */
export async function readPost(dir: string): Promise<Post | null> {
  const text = await readText(dir, POST);
  return text === null ? null : parsePost(text, path.join(dir, POST));
}

export function parsePost(text: string, file: string): Post {
  const fm = parseFrontMatter(text);
  if (fm.error) throw new UserError(`${file}: the front matter is not valid YAML: ${fm.error}`);
  if (fm.body === text)
    throw new UserError(
      `${file}: no front matter; start the file with ---, then title, description, author and date, then ---`,
    );
  const parsed = PostMetaSchema.safeParse(fm.data);
  if (!parsed.success) throw new UserError(describeIssues(file, parsed.error, 'post front matter'));
  const bodyOffset = text.slice(0, text.length - fm.body.length).split('\n').length - 1;
  return { meta: parsed.data, body: fm.body, bodyOffset, file };
}

/** A JSON file of the folder, checked against its schema; errors name the file and each field. */
export function parseJson<T>(text: string, file: string, schema: z.ZodType<T>, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new UserError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new UserError(describeIssues(file, parsed.error, what));
  return parsed.data;
}

export const parseCall = (text: string, file: string): CallRecord =>
  parseJson(text, file, CallRecordSchema, 'call record');

/** Every stored call (runs/calls/<key>.json), sorted by file name. */
export async function readCalls(experimentDir: string): Promise<CallRecord[]> {
  const listing = await listContained(experimentDir, CALLS_DIR);
  await refuseSkipped(path.join(experimentDir, CALLS_DIR), listing.skipped);
  const names = listing.files
    .map((f) => f.path)
    .filter((n) => !n.includes('/') && n.endsWith('.json'));
  const calls: CallRecord[] = [];
  for (const n of names) {
    const rel = `${CALLS_DIR}/${n}`;
    const file = path.join(experimentDir, rel);
    const text = await readText(experimentDir, rel);
    if (text === null) throw new UserError(`${file}: removed while it was read`);
    calls.push(parseCall(text, file));
  }
  return calls;
}

/** Import and run leftovers that are no experiment: hidden folders, half-swapped ones. */
const isExperimentFolder = (name: string) =>
  !name.startsWith('.') && !/\.(new|old)-[0-9a-f]+$/.test(name);

/**
 * Every experiment below `root` (content/experiments), after finishing or rolling back the swaps a
 * crash left half done (swap.ts); folders still being written are skipped. Each folder is read by
 * `read` (readExperiment, or one that remembers what it read: site/prepare/remembered.ts).
 * When some cannot be read, one UserError reports every one of them.
 */
export async function readAllExperiments(
  root: string,
  read: (dir: string) => Promise<Experiment> = readExperiment,
): Promise<Experiment[]> {
  await recoverSwaps(root);
  const entries = await fs.readdir(root, { withFileTypes: true }).catch((err) => {
    if (isMissing(err)) return [];
    throw readFailure(root, err);
  });
  const dirs = entries.filter((e) => e.isDirectory() && isExperimentFolder(e.name));
  const results = await Promise.allSettled(dirs.map((e) => read(path.join(root, e.name))));
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  const bug = errors.find((e) => !(e instanceof UserError));
  if (bug) throw bug;
  if (errors.length)
    throw new UserError(
      `${errors.length} of ${dirs.length} experiments cannot be read:\n\n${errors.map((e) => (e as UserError).message).join('\n\n')}`,
    );
  return results.map((r) => (r as PromiseFulfilledResult<Experiment>).value);
}
