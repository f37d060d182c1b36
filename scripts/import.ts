// npm run import -- <folder or git URL> [--slug S] [--map crossjudge.yaml] [--replace]
// Imports a hand-run experiment into content/experiments/<slug>/.
import { Command } from 'commander';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { runCli } from '../src/lib/cli.ts';
import {
  UserError,
  checkManifest,
  editManifest,
  readImportRecord,
  readManifestIfAny,
  writeImport,
} from '../src/lib/content/experiment.ts';
import { readTree, type TextFile } from '../src/lib/content/files.ts';
import { readContainedText } from '../src/lib/content/contain.ts';
import { recoverFolder } from '../src/lib/content/swap.ts';
import { clone, isGitUrl, repoInfo } from '../src/lib/content/git.ts';
import {
  IMPORT_LIMITS,
  MAP_FILE,
  mergeManifest,
  originId,
  otherOrigin,
  parseImportMap,
  planImport,
  webUrl,
  type ImportMap,
  type Origin,
  type PlannedExperiment,
} from '../src/lib/importer/index.ts';
import type { Manifest, Participant } from '../src/lib/content/schema.ts';
import { experimentDir } from '../src/lib/content/paths.ts';
import { isSlug } from '../src/lib/text/names.ts';
import { stripCredentials } from '../src/lib/content/secrets.ts';
import { parseReadWith, readOpenVerdicts } from '../src/lib/importer/read-with.ts';
import { checkKeys, providerFor } from '../src/lib/providers/index.ts';
import { CallStore } from '../src/lib/runner/store.ts';

const program = new Command()
  .name('npm run import --')
  .description(
    'Import a hand-run experiment (skills/, evaluations/, source markdown) from a folder or a git URL',
  )
  .argument('<source>', 'a folder, or any URL git can clone (https://, git@, file://)')
  .option('--slug <slug>', 'the experiment slug (default: the repository or folder name)')
  .option(
    '--map <file>',
    `mapping file that pins participants, judges, verdicts or the source (default: ${MAP_FILE} in the imported folder)`,
  )
  .option(
    '--read-with <provider:model>',
    'ask this model for the winner of each evaluation the reader left open (e.g. openai:gpt-5-mini)',
  )
  .option('--base-url <url>', 'the server of an openai-compatible --read-with model')
  .option(
    '--replace',
    'replace an experiment of the same slug imported from elsewhere (the files a person added stay)',
  )
  .showHelpAfterError();

/** The mapping file: the one given with --map, else crossjudge.yaml in the folder, if there. */
async function loadMap(dir: string, file?: string): Promise<ImportMap> {
  if (file) {
    const target = path.resolve(file);
    const text = await fs.readFile(target, 'utf8').catch((err) => {
      throw new UserError(`cannot read ${target}: ${err.message}`);
    });
    return parseImportMap(text, target);
  }
  const text = await readContainedText(dir, MAP_FILE);
  return text === null ? {} : parseImportMap(text, path.join(dir, MAP_FILE));
}

/** Every file of the folder, within the limits; links in it are never followed, and said so. */
async function readFolder(dir: string): Promise<TextFile[]> {
  const tree = await readTree(dir, '', { keepBinary: true, limits: IMPORT_LIMITS });
  if (tree.skipped.length)
    console.log(
      `  skipped ${tree.skipped.length} symbolic links and special files, never read: ${tree.skipped.join(', ')}`,
    );
  return tree.files;
}

/** What a re-import merges into: null for a new experiment; a folder it cannot safely replace stops it. */
async function existingManifest(target: string) {
  const exists = await fs.stat(target).then(
    () => true,
    () => false,
  );
  if (!exists) return null;
  const hint = 'fix it or move the folder away, then import again; nothing was written';
  const manifest = await readManifestIfAny(target).catch((err) => {
    throw err instanceof UserError ? new UserError(`${err.message}\n${hint}`) : err;
  });
  if (!manifest) throw new UserError(`${target} exists but holds no experiment.yaml; ${hint}`);
  return manifest;
}

interface Options {
  slug?: string;
  map?: string;
  readWith?: string;
  baseUrl?: string;
  replace?: boolean;
}

/** The folder to import: the one given, or a fresh clone of the URL given (the caller removes it). */
async function openInput(input: string): Promise<{ dir: string; fromUrl: boolean; shown: string }> {
  const fromUrl = isGitUrl(input);
  const shown = fromUrl ? stripCredentials(input) : input;
  if (fromUrl) {
    console.log(`cloning ${shown} ...`);
    return { dir: await clone(input), fromUrl, shown };
  }
  const dir = path.resolve(input);
  const isFolder = await fs
    .stat(dir)
    .then((s) => s.isDirectory())
    .catch(() => false);
  if (!isFolder) throw new UserError(`${input}: no such folder (give a folder or a git URL)`);
  return { dir, fromUrl, shown };
}

/** Where the experiment comes from: its remote (credentials dropped), commit and date, and its id. */
async function originOf(input: {
  dir: string;
  fromUrl: boolean;
  shown: string;
}): Promise<{ origin: Origin; id: string }> {
  const info = await repoInfo(input.dir);
  const remote = input.fromUrl ? input.shown : info?.remote;
  const base = input.fromUrl
    ? input.shown.replace(/\/+$/, '').split(/[/:]/).pop()!
    : path.basename(input.dir);
  const name = base.replace(/\.git$/, '');
  const origin = {
    origin: remote ?? name,
    name,
    url: remote ? webUrl(remote) : undefined,
    commit: info?.commit,
    date: info?.date,
  };
  return { origin, id: originId(remote, { name, realPath: await fs.realpath(input.dir) }) };
}

/** What every experiment of one import shares: where it comes from, and whether to replace. */
interface Target {
  id: string;
  replace: boolean;
}

/**
 * Writes one planned experiment: merged into what a person edited there when it comes from the
 * same origin, written fresh with --replace, and refused when it comes from another; a person's
 * files stay.
 */
async function writeExperiment(exp: PlannedExperiment, t: Target) {
  const target = experimentDir(exp.slug);
  await recoverFolder(path.dirname(target), exp.slug, true);
  const existing = await existingManifest(target);
  const record = existing ? await readImportRecord(target) : null;
  const other = existing && !t.replace ? otherOrigin(target, t.id, existing, record) : null;
  if (other) throw new UserError(other);
  const merged = t.replace ? exp.manifest : mergeManifest(exp.manifest, existing);
  const manifest = checkManifest(merged, `${target}/experiment.yaml`);
  const write = { files: exp.files, manifest: merged, origin: t.id };
  const { kept } = await writeImport(target, write, existing);
  const done = !existing ? 'wrote' : t.replace ? 'replaced' : 'updated';
  return { manifest, done, kept } as const;
}

/** "kept 3 files you added: a, b, c", and the calls of runs, counted. */
function keptLines(kept: string[]): string[] {
  const calls = kept.filter((k) => k.startsWith('runs/'));
  const added = kept.filter((k) => !k.startsWith('runs/'));
  const names =
    added.length > 10 ? [...added.slice(0, 10), `and ${added.length - 10} more`] : added;
  return [
    ...(added.length
      ? [
          `  kept ${added.length} ${added.length === 1 ? 'file' : 'files'} you added: ${names.join(', ')}`,
        ]
      : []),
    ...(calls.length ? [`  kept the ${calls.length} files of earlier calls in runs/`] : []),
  ];
}

/** Asks the --read-with model about the verdicts the reader left open, and writes what it read. */
async function readWith(reader: Participant, exp: PlannedExperiment, manifest: Manifest) {
  const target = experimentDir(exp.slug);
  const store = new CallStore(target);
  await store.load();
  const evaluations = new Map(
    exp.files.flatMap((f) =>
      f.at.kind === 'evaluation' ? [[f.at.judge, String(f.content)] as const] : [],
    ),
  );
  const read = await readOpenVerdicts({
    verdicts: manifest.verdicts,
    evaluations,
    named: exp.named,
    reader,
    provider: () => providerFor(reader, process.env),
    store,
  });
  for (const note of read.notes) console.log(`  ${note}`);
  if (read.made + read.reused)
    console.log(
      `  ${reader.model}: ${read.made} calls made, ${read.reused} taken from earlier imports`,
    );
  await editManifest(target, (doc) => {
    doc.set('verdicts', doc.createNode(read.verdicts, { aliasDuplicateObjects: false }));
  });
}

/** Writes one experiment of the plan, has the reader read its open verdicts, and says what it did. */
async function importOne(exp: PlannedExperiment, t: Target, reader: Participant | null) {
  const { manifest, done, kept } = await writeExperiment(exp, t);
  if (reader) await readWith(reader, exp, manifest);
  const target = experimentDir(exp.slug);
  const shown = path.relative(process.cwd(), target) || target;
  const pinned = manifest.verdicts.filter((v) => v.pinned).length;
  console.log(
    done === 'updated'
      ? `updated ${shown}/ (kept the title, models and ${pinned} pinned verdicts)`
      : `${done} ${shown}/`,
  );
  for (const line of keptLines(kept)) console.log(line);
}

async function main() {
  program.parse();
  const [input] = program.args;
  const opts = program.opts<Options>();
  if (opts.slug !== undefined && !isSlug(opts.slug))
    throw new UserError(
      `--slug "${opts.slug}": use lowercase letters, digits and dashes, starting with a letter or digit`,
    );
  const reader = opts.readWith ? parseReadWith(opts.readWith, opts.baseUrl) : null;
  if (reader) checkKeys([reader], process.env);
  const opened = await openInput(input);
  try {
    const { origin, id } = await originOf(opened);
    const files = await readFolder(opened.dir);
    const plan = planImport(files, origin, await loadMap(opened.dir, opts.map), opts.slug);
    for (const note of plan.notes) console.log(`  ${note}`);
    const target = { id, replace: !!opts.replace };
    for (const exp of plan.experiments) await importOne(exp, target, reader);
    console.log(
      'Edit experiment.yaml to fix a model name or pin a verdict ("pinned: true"); re-importing keeps it. Then: npm run build',
    );
  } finally {
    if (opened.fromUrl) await fs.rm(opened.dir, { recursive: true, force: true });
  }
}

await runCli(main);
