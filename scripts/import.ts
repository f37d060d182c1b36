// npm run import -- <folder or git URL> [--slug S] [--map crossjudge.yaml]
// Imports a hand-run experiment into content/experiments/<slug>/.
import { Command } from 'commander';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { runCli } from '../src/lib/cli.ts';
import { UserError, readManifestIfAny, writeManifest } from '../src/lib/content/experiment.ts';
import { readTextFiles, replaceFolder, writeFileAtomic } from '../src/lib/content/files.ts';
import { clone, isGitUrl, repoInfo } from '../src/lib/content/git.ts';
import {
  MAP_FILE,
  mergeManifest,
  parseImportMap,
  planImport,
  webUrl,
  type ImportMap,
} from '../src/lib/importer/index.ts';
import { ManifestSchema, describeIssues } from '../src/lib/content/schema.ts';
import { experimentDir, experimentsDir } from '../src/lib/content/paths.ts';
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
  .showHelpAfterError();

async function loadMap(dir: string, file?: string): Promise<ImportMap> {
  const target = file ? path.resolve(file) : path.join(dir, MAP_FILE);
  const text = await fs.readFile(target, 'utf8').catch((err) => {
    if (file || err.code !== 'ENOENT') throw new UserError(`cannot read ${target}: ${err.message}`);
    return null;
  });
  return text === null ? {} : parseImportMap(text, target);
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

// oxlint-disable-next-line max-lines-per-function -- TODO(issue 12): split into named steps
async function main() {
  program.parse();
  const [input] = program.args;
  const opts = program.opts<{ slug?: string; map?: string; readWith?: string; baseUrl?: string }>();
  if (opts.slug !== undefined && !isSlug(opts.slug))
    throw new UserError(
      `--slug "${opts.slug}": use lowercase letters, digits and dashes, starting with a letter or digit`,
    );
  const reader = opts.readWith ? parseReadWith(opts.readWith, opts.baseUrl) : null;
  if (reader) checkKeys([reader], process.env);
  const fromUrl = isGitUrl(input);
  const shown = fromUrl ? stripCredentials(input) : input;
  let dir = path.resolve(input);
  if (fromUrl) {
    console.log(`cloning ${shown} ...`);
    dir = await clone(input);
  } else if (
    !(await fs
      .stat(dir)
      .then((s) => s.isDirectory())
      .catch(() => false))
  ) {
    throw new UserError(`${input}: no such folder (give a folder or a git URL)`);
  }
  try {
    const info = await repoInfo(dir);
    const remote = fromUrl ? shown : info?.remote;
    const name = (
      fromUrl ? shown.replace(/\/+$/, '').split(/[/:]/).pop()! : path.basename(dir)
    ).replace(/\.git$/, '');
    const origin = {
      origin: remote ?? name,
      name,
      url: remote ? webUrl(remote) : undefined,
      commit: info?.commit,
      date: info?.date,
    };
    const plan = planImport(
      await readTextFiles(dir, true),
      origin,
      await loadMap(dir, opts.map),
      opts.slug,
    );
    for (const note of plan.notes) console.log(`  ${note}`);
    for (const exp of plan.experiments) {
      const target = experimentDir(exp.slug);
      const existing = await existingManifest(target);
      const manifest = mergeManifest(exp.manifest, existing);
      const checked = ManifestSchema.safeParse(manifest);
      if (!checked.success)
        throw new UserError(
          describeIssues(`${target}/experiment.yaml (as imported)`, checked.error),
        );
      await replaceFolder(experimentsDir(), target, async (tmp) => {
        for (const f of exp.files) await writeFileAtomic(path.join(tmp, f.path), f.content);
        await writeManifest(tmp, manifest);
        // calls of runs made on the imported experiment (npm run experiment -- --only evaluate) stay
        await fs
          .cp(path.join(target, 'runs'), path.join(tmp, 'runs'), { recursive: true })
          .catch((err) => {
            if (err.code !== 'ENOENT') throw err;
          });
      });
      if (reader) {
        const store = new CallStore(target);
        await store.load();
        const evaluations = new Map(
          exp.files
            .filter((f) => /^evaluations\/.+\.md$/.test(f.path))
            .map((f) => [f.path.slice(12, -3), String(f.content)]),
        );
        const read = await readOpenVerdicts({
          verdicts: ManifestSchema.parse(manifest).verdicts,
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
        manifest.verdicts = read.verdicts;
        await writeManifest(target, manifest);
      }
      const kept = (manifest.verdicts ?? []).filter((v) => v.pinned).length;
      console.log(
        `${existing ? 'updated' : 'wrote'} ${path.relative(process.cwd(), target) || target}/${existing ? ' (kept the title, models and ' + kept + ' pinned verdicts)' : ''}`,
      );
    }
    console.log(
      'Edit experiment.yaml to fix a model name or pin a verdict ("pinned: true"); re-importing keeps it. Then: npm run build',
    );
  } finally {
    if (fromUrl) await fs.rm(dir, { recursive: true, force: true });
  }
}

await runCli(main);
