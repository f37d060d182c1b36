// Page weight: the third-party fixture imported and given its drafted post, as a user would
// (npm run import, npm run draft), built: its page stays light enough to read on a slow phone.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSite, importExperiment } from './support/build.ts';
import { FIXTURE, describeFixture, tempDir } from './support/helpers.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const SLUG = 'andrej-karpathy-llm-guidance';
/** The most an experiment page with its post may weigh, gzipped (issue 12). */
const MAX_GZIP = 60 * 1024;

let root: string;

describeFixture("the fixture's page with its post", () => {
  beforeAll(async () => {
    root = await tempDir('crossjudge-weight-');
    const content = path.join(root, 'content');
    await importExperiment(content, FIXTURE);
    await run(process.execPath, ['--import', 'tsx', 'scripts/draft.ts', SLUG], {
      cwd: ROOT,
      env: { ...process.env, CROSSJUDGE_CONTENT: content },
    });
    await buildSite(content, path.join(root, 'dist'), path.join(root, 'cache'));
  });
  afterAll(() => fs.rm(root, { recursive: true, force: true }));

  it(`weighs at most ${MAX_GZIP / 1024} KB gzipped, and ships no script`, async () => {
    const html = await fs.readFile(path.join(root, 'dist/experiments', SLUG, 'index.html'));
    expect(html.toString()).toContain('class="post"'); // the post is on it
    const gzipped = gzipSync(html, { level: 9 }).length;
    console.log(`${SLUG}: ${html.length} bytes, ${gzipped} gzipped`);
    expect(gzipped).toBeLessThanOrEqual(MAX_GZIP);
    expect(html.toString()).not.toContain('<script');
  });
});
