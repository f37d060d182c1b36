// Shared test helpers: where the third-party fixture lives (read at test time, never copied), the
// shipped sample experiment, and temporary folders.
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe } from 'vitest';

export const FIXTURE = path.resolve(
  import.meta.dirname,
  '../../../shared/fixtures/andrej-karpathy-llm-guidance',
);
export const HAS_FIXTURE = existsSync(FIXTURE);

/**
 * describe() for tests that read the third-party fixture: on a clone without ../shared beside it,
 * they are skipped with one printed line saying why. CI has ../shared and runs them.
 */
export function describeFixture(name: string, fn: () => void): void {
  if (!HAS_FIXTURE)
    console.log(
      `skipped "${name}": ../shared/fixtures/${path.basename(FIXTURE)} not found (third-party fixture, not in this repository)`,
    );
  // oxlint-disable-next-line vitest/valid-title, vitest/valid-describe-callback -- passed through
  describe.skipIf(!HAS_FIXTURE)(name, fn);
}

/** The sample experiment the repository ships. Tests read it in place or copy it with copySample. */
export const SAMPLE = path.resolve(
  import.meta.dirname,
  '../../content/experiments/sample-commit-messages',
);

/**
 * Copies the shipped sample into a content folder of the test's own, as experiments/<slug>. Tests
 * never build from the working content/, which holds whatever the user imported or ran.
 */
export async function copySample(
  content: string,
  slug = 'sample-commit-messages',
): Promise<string> {
  const dir = path.join(content, 'experiments', slug);
  await fs.cp(SAMPLE, dir, { recursive: true });
  return dir;
}

export async function tempDir(prefix = 'crossjudge-test-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Writes { "a/b.md": "text" } under dir. */
export async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  for (const [p, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, p)), { recursive: true });
    await fs.writeFile(path.join(dir, p), content);
  }
}

export const readFixture = (p: string) => fs.readFile(path.join(FIXTURE, p), 'utf8');
