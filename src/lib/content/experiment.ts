// Reads and writes one experiment folder: content/experiments/<slug>/
//   experiment.yaml            the manifest (schema.ts)
//   <source>.md                the source material
//   skills/<participant>/...   every file of each skill
//   evaluations/<judge>.md     each judge's evaluation
//   runs/calls/<key>.json      each model call of a run (runner only)
//   post.md                    the article about it (optional; front matter: title, description, author, date)
import { promises as fs } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { CallRecordSchema, ManifestSchema, PostMetaSchema, describeIssues, type CallRecord, type Manifest, type ManifestInput, type PostMeta } from './schema.ts';
import { parseFrontMatter } from './frontmatter.ts';
import { experimentsDir } from './paths.ts';
import { readTextFiles, writeFileAtomic, type TextFile } from './files.ts';
import { UserError, isMissing, readFailure } from './errors.ts';
import { parseYaml } from './yaml.ts';

export { UserError } from './errors.ts';

export const MANIFEST = 'experiment.yaml';
export const CALLS_DIR = 'runs/calls';
export const POST = 'post.md';

export interface Skill {
  participant: string;
  files: TextFile[];
}

export interface Evaluation {
  judge: string;
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

export async function readManifest(dir: string): Promise<Manifest> {
  const manifest = await readManifestIfAny(dir);
  if (!manifest) throw new UserError(`${path.join(dir, MANIFEST)}: no such file`);
  return manifest;
}

/** An experiment's folder from a command-line argument: a path, or a slug under content/experiments. */
export async function findExperimentDir(arg: string): Promise<string> {
  for (const dir of [path.resolve(arg), path.join(experimentsDir(), arg)]) {
    if (await fs.stat(path.join(dir, MANIFEST)).then(() => true, () => false)) return dir;
  }
  throw new UserError(`${arg}: no ${MANIFEST} there nor in ${path.join(experimentsDir(), arg)}`);
}

/** The manifest, or null when there is no experiment.yaml; one that cannot be read or parsed throws. */
export async function readManifestIfAny(dir: string): Promise<Manifest | null> {
  const file = path.join(dir, MANIFEST);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if (isMissing(err)) return null;
    throw readFailure(file, err);
  }
  return parseManifest(text, file);
}

export function parseManifest(text: string, file: string): Manifest {
  const parsed = ManifestSchema.safeParse(parseYaml(text, file));
  if (!parsed.success) throw new UserError(describeIssues(file, parsed.error));
  return parsed.data;
}

export function manifestToYaml(manifest: ManifestInput): string {
  const plain = JSON.parse(
    JSON.stringify(manifest, (key, value) => (key === 'date' && typeof value === 'string' ? value.slice(0, 10) : value)),
  );
  return YAML.stringify(plain, { lineWidth: 0 });
}

export async function writeManifest(dir: string, manifest: ManifestInput): Promise<void> {
  await writeFileAtomic(path.join(dir, MANIFEST), manifestToYaml(manifest));
}

/** The source material the manifest names, with its line ends made plain ('' when it has none). */
export async function readSource(dir: string, manifest: Manifest): Promise<string> {
  if (manifest.source === null) return '';
  const file = path.join(dir, manifest.source);
  const text = await fs.readFile(file, 'utf8').catch((err) => {
    if (isMissing(err)) throw new UserError(`${path.join(dir, MANIFEST)}: field source names ${manifest.source}, which does not exist`);
    throw readFailure(file, err);
  });
  return text.replace(/\r\n?/g, '\n');
}

export async function readExperiment(dir: string): Promise<Experiment> {
  const manifest = await readManifest(dir);
  const source = await readSource(dir, manifest);
  const skills: Skill[] = [];
  for (const p of manifest.participants) {
    const files = await readTextFiles(path.join(dir, 'skills', p.id));
    if (files.length) skills.push({ participant: p.id, files });
  }
  const evaluations: Evaluation[] = [];
  for (const p of manifest.participants) {
    const rel = `evaluations/${p.id}.md`;
    const content = await fs.readFile(path.join(dir, rel), 'utf8').catch((err) => {
      if (isMissing(err)) return null;
      throw readFailure(path.join(dir, rel), err);
    });
    if (content !== null) evaluations.push({ judge: p.id, path: rel, content: content.replace(/\r\n?/g, '\n') });
  }
  const calls = await readCalls(dir);
  const post = await readPost(dir);
  return { slug: path.basename(dir), manifest, source, skills, evaluations, calls, post };
}

/** post.md, when the experiment has one; its front matter is checked against PostMetaSchema. */
export async function readPost(dir: string): Promise<Post | null> {
  const file = path.join(dir, POST);
  const text = await fs.readFile(file, 'utf8').catch((err) => {
    if (isMissing(err)) return null;
    throw readFailure(file, err);
  });
  return text === null ? null : parsePost(text.replace(/\r\n?/g, '\n'), file);
}

export function parsePost(text: string, file: string): Post {
  const fm = parseFrontMatter(text);
  if (fm.error) throw new UserError(`${file}: the front matter is not valid YAML: ${fm.error}`);
  if (fm.body === text) throw new UserError(`${file}: no front matter; start the file with ---, then title, description, author and date, then ---`);
  const parsed = PostMetaSchema.safeParse(fm.data);
  if (!parsed.success) throw new UserError(describeIssues(file, parsed.error, 'post front matter'));
  const bodyOffset = text.slice(0, text.length - fm.body.length).split('\n').length - 1;
  return { meta: parsed.data, body: fm.body, bodyOffset, file };
}

export async function readCalls(experimentDir: string): Promise<CallRecord[]> {
  const dir = path.join(experimentDir, CALLS_DIR);
  const names = (
    await fs.readdir(dir).catch((err) => {
      if (isMissing(err)) return [] as string[];
      throw readFailure(dir, err);
    })
  ).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (n) => {
      const file = path.join(dir, n);
      const text = await fs.readFile(file, 'utf8').catch((err) => {
        throw readFailure(file, err);
      });
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (err) {
        throw new UserError(`${file} is not valid JSON: ${(err as Error).message}`);
      }
      const parsed = CallRecordSchema.safeParse(raw);
      if (!parsed.success) throw new UserError(describeIssues(file, parsed.error, 'call record'));
      return parsed.data;
    }),
  );
}

/**
 * Every experiment below `root` (content/experiments); folders half-written by an import are skipped.
 * When some cannot be read, one UserError reports every one of them.
 */
export async function readAllExperiments(root: string): Promise<Experiment[]> {
  const entries = await fs.readdir(root, { withFileTypes: true }).catch((err) => {
    if (isMissing(err)) return [];
    throw readFailure(root, err);
  });
  const dirs = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.') && !/\.(new|old)-[0-9a-f]+$/.test(e.name));
  const results = await Promise.allSettled(dirs.map((e) => readExperiment(path.join(root, e.name))));
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  const bug = errors.find((e) => !(e instanceof UserError));
  if (bug) throw bug;
  if (errors.length)
    throw new UserError(`${errors.length} of ${dirs.length} experiments cannot be read:\n\n${errors.map((e) => (e as UserError).message).join('\n\n')}`);
  return results.map((r) => (r as PromiseFulfilledResult<Experiment>).value);
}
