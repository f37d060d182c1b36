// The build's own code (src/lib) bundled with esbuild into node_modules/.cache, its packages left
// to Node (so that they resolve from there), once per version of the code (codeHash): the build
// workers' (prepare/pool.ts), and the modules of src/lib the pages import (prebundle.ts). esbuild
// bundles them in a fraction of the time Vite and Rollup took, or a worker loading the sources.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { codeHash } from './render/cache.ts';

const LIB = path.resolve('src/lib');

/** Is this file one of src/lib's TypeScript modules? */
export const isLib = (file: string) =>
  file.endsWith('.ts') && !path.relative(LIB, file).startsWith('..');

/** The folder a bundle of this name is in, for this version of the code. */
export const bundleDir = async (name: string) =>
  path.resolve('node_modules/.cache', `crossjudge-${name}`, await codeHash());

/** Where an entry's module is in the bundle: its path under src/lib, as .mjs. */
export const outputOf = (dir: string, entry: string) =>
  path.join(dir, path.relative(LIB, entry).replace(/\.ts$/, '.mjs'));

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  );

/** Does the bundle of this version of the code have these entries already? */
export async function isBundled(name: string, entryPoints: string[]): Promise<boolean> {
  const dir = await bundleDir(name);
  return (await Promise.all(entryPoints.map((e) => exists(outputOf(dir, e))))).every(Boolean);
}

const building = new Map<string, Promise<string>>();

/**
 * Bundles the entries (modules of src/lib), with the code they share in chunks, unless the bundle
 * of this version of the code has them already; returns its folder (see outputOf).
 */
export function bundled(name: string, entryPoints: string[]): Promise<string> {
  // one build at a time of the same bundle in this process (they would share its temporary folder)
  const key = JSON.stringify([name, entryPoints]);
  let made = building.get(key);
  if (!made) {
    made = bundle(name, entryPoints).finally(() => building.delete(key));
    building.set(key, made);
  }
  return made;
}

async function bundle(name: string, entryPoints: string[]): Promise<string> {
  const dir = await bundleDir(name);
  if (await isBundled(name, entryPoints)) return dir;
  const tmp = `${dir}.${process.pid}.tmp`;
  await build({
    entryPoints,
    outdir: tmp,
    outbase: LIB,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  await fs.rm(dir, { recursive: true, force: true });
  // another build may have put the same in place meanwhile
  await fs.rename(tmp, dir).catch(() => fs.rm(tmp, { recursive: true, force: true }));
  // bundles of earlier code are of no more use
  for (const old of await fs.readdir(path.dirname(dir)))
    if (!old.endsWith('.tmp') && old !== path.basename(dir))
      await fs.rm(path.join(path.dirname(dir), old), { recursive: true, force: true });
  return dir;
}
