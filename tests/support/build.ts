// Builds the site from a given content folder into a temporary output, as `npm run build` does.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

/** `site` is the address it is published at (CROSSJUDGE_SITE; its path is the site's base). */
export async function buildSite(
  content: string,
  out: string,
  cache: string,
  site = 'http://localhost:4321/',
): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [path.join(ROOT, 'node_modules/astro/astro.js'), 'build'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        CROSSJUDGE_CONTENT: content,
        CROSSJUDGE_OUT: out,
        CROSSJUDGE_CACHE: cache,
        CROSSJUDGE_SITE: site,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      maxBuffer: 32 * 1024 * 1024,
    },
  );
  return stdout;
}

export async function importExperiment(
  content: string,
  source: string,
  ...args: string[]
): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts/import.ts'), source, ...args],
    {
      cwd: ROOT,
      env: { ...process.env, CROSSJUDGE_CONTENT: content },
    },
  );
  return stdout;
}
