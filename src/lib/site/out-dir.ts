// Astro empties the output folder as a build begins, one file at a time on its main thread, before
// any other work: a site of 200 experiments is about 900 files, 0.1 s or more. Instead, as the
// build starts, the last build's files are moved aside into a hidden sibling folder (one rename
// per entry at the top) and removed by a worker thread while the build goes on. A `.git` in the
// output folder stays, as Astro keeps it; a folder left by a build that was stopped is removed by
// the next. Where anything cannot be moved (another file system, no permission), Astro empties
// what is left, as usual; an output folder that holds the project is not touched here.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';

const KEPT = new Set(['.git']);

/** The hidden folders that hold, or held, an output folder's old files: `.<name>.removing-<id>`. */
const isAside = (name: string, entry: string) =>
  entry.startsWith(`.${name}.removing-`) && /^[0-9a-f]{12}$/.test(entry.slice(-12));

/**
 * Moves the files of `outDir` aside; returns the folders to remove (this one, and leftovers). An
 * output folder that holds the project (a mistaken CROSSJUDGE_OUT=.) is left to Astro.
 */
export function moveAside(outDir: string, project = process.cwd()): string[] {
  if (!fs.lstatSync(outDir, { throwIfNoEntry: false })?.isDirectory()) return [];
  if (!path.relative(path.resolve(outDir), path.resolve(project)).startsWith('..')) return [];
  const parent = path.dirname(outDir);
  const name = path.basename(outDir);
  const aside = path.join(parent, `.${name}.removing-${randomBytes(6).toString('hex')}`);
  try {
    fs.mkdirSync(aside);
    for (const entry of fs.readdirSync(outDir))
      if (!KEPT.has(entry)) fs.renameSync(path.join(outDir, entry), path.join(aside, entry));
  } catch {
    // what was not moved, Astro removes
  }
  return fs
    .readdirSync(parent)
    .filter((entry) => isAside(name, entry))
    .map((entry) => path.join(parent, entry));
}

/** Removes the folders in a worker thread, off the build's main thread. */
function removeInBackground(folders: string[]): void {
  if (!folders.length) return;
  const code = `const fs = require('node:fs');
for (const f of require('node:worker_threads').workerData) fs.rmSync(f, { recursive: true, force: true });`;
  new Worker(code, { eval: true, workerData: folders }).on('error', () => {});
}

/** The Astro integration: in a build, the output folder is emptied this way as the build starts. */
export function outDirMovedAside(): AstroIntegration {
  return {
    name: 'crossjudge:out-dir',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command === 'build') removeInBackground(moveAside(fileURLToPath(config.outDir)));
      },
    },
  };
}
