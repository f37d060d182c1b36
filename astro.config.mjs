// @ts-check
// The configuration is src/lib/site/config.ts. Node cannot import TypeScript, so it is bundled by
// esbuild first (a few hundredths of a second), with the content collection's loader
// (src/lib/site/collection.ts), into node_modules/.cache, and imported from there. Left to Astro,
// both were loaded through Vite servers of their own, about a second of every build.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const site = fileURLToPath(new URL('./src/lib/site/', import.meta.url));
const out = path.join(site, 'bundled'); // never written: the files are kept in memory
const { outputFiles } = await build({
  entryPoints: [path.join(site, 'config.ts'), path.join(site, 'collection.ts')],
  outdir: out,
  bundle: true,
  splitting: true, // one copy of the modules both use
  platform: 'node',
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  packages: 'external', // resolved by Node from node_modules, as the bundle lives under it
  write: false,
  logLevel: 'error',
});
const hash = createHash('sha256');
for (const file of outputFiles) hash.update(path.relative(out, file.path)).update(file.contents);
const cache = fileURLToPath(new URL('./node_modules/.cache/crossjudge-config/', import.meta.url));
const dir = path.join(cache, hash.digest('hex').slice(0, 16));
if (!existsSync(dir)) {
  const tmp = `${dir}.${process.pid}.tmp`;
  for (const file of outputFiles) {
    const to = path.join(tmp, path.relative(out, file.path));
    mkdirSync(path.dirname(to), { recursive: true });
    writeFileSync(to, file.contents);
  }
  try {
    renameSync(tmp, dir); // whole, for a build beside this one
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // that build put the same in place first
  }
  // bundles of earlier code are of no more use
  for (const old of readdirSync(cache))
    if (!old.endsWith('.tmp') && old !== path.basename(dir))
      rmSync(path.join(cache, old), { recursive: true, force: true });
}
/** @type {typeof import('./src/lib/site/config.ts')} */
const { siteConfig } = await import(pathToFileURL(path.join(dir, 'config.mjs')).href);

export default siteConfig({ collection: path.join(dir, 'collection.mjs') });
