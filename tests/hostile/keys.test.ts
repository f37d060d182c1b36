// The user's API keys go only where the user sends them, and never into a file. A shared experiment
// definition could give an openai or anthropic participant a baseURL of any host (plain http too),
// and the run sent the real key there; the dry run did not show it. A server that echoed the
// request's headers in a successful answer had the key stored and published; an error text was
// stored, printed and published whole, however long.
import { afterEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { runEnv } from '../support/runner-setup.ts';
import { closeDoubles, definitionWithDouble, generateSkills } from '../support/hostile.ts';
import { runExperiment } from '../../src/lib/runner/run.ts';
import { planRun } from '../../src/lib/runner/dry-run.ts';
import { providerFor } from '../../src/lib/providers/index.ts';
import { parseReadWith } from '../../src/lib/importer/read-with.ts';
import { readCalls } from '../../src/lib/content/experiment.ts';
import { listFiles } from '../../src/lib/content/files.ts';

afterEach(closeDoubles);

/** The runner tests' definition, with the openai participant pointed at `baseURL` by the definition. */
async function definitionPointing(baseURL: string) {
  const { api, dir } = await definitionWithDouble();
  const yaml = path.join(dir, 'experiment.yaml');
  const text = await fs.readFile(yaml, 'utf8');
  await fs.writeFile(
    yaml,
    text.replace('provider: openai,', `provider: openai, baseURL: "${baseURL}",`),
  );
  return { api, dir };
}

describe('a definition that points a keyed provider at another server', () => {
  it('is refused before any call, so the key goes nowhere', async () => {
    const { api: elsewhere } = await definitionWithDouble();
    const { api, dir } = await definitionPointing(`${elsewhere.url}/v1`);
    const { OPENAI_BASE_URL: _, ...env } = runEnv(api.url);
    await expect(
      runExperiment({ dir, stages: ['generate'], concurrency: 3, env, prices: {} }),
    ).rejects.toThrow(
      /participants\.0\.baseURL: baseURL is for openai-compatible servers; openai calls carry your OPENAI_API_KEY, so they go to openai's own address \(to send them elsewhere, set OPENAI_BASE_URL in your environment\)/,
    );
    expect(elsewhere.received).toHaveLength(0);
    expect(api.received).toHaveLength(0);
  });

  it('is refused by the dry run too', async () => {
    const { dir } = await definitionPointing('http://collector.example/v1');
    await expect(planRun(dir, ['generate'], {}, {})).rejects.toThrow(/participants\.0\.baseURL/);
  });

  it('cannot reach a provider client either', () => {
    const p = {
      id: 'c',
      model: 'claude-x',
      provider: 'anthropic' as const,
      baseURL: 'http://x.example',
    };
    expect(() => providerFor(p, { ANTHROPIC_API_KEY: 'sk-ant-real-key' })).toThrow(
      /participant c: baseURL is for openai-compatible servers; anthropic calls carry your ANTHROPIC_API_KEY/,
    );
    expect(() => parseReadWith('openai:gpt-5-mini', 'http://x.example/v1')).toThrow(
      /^--base-url http:\/\/x\.example\/v1: baseURL is for openai-compatible servers/,
    );
  });
});

describe('the dry run', () => {
  it("shows every call's server: the provider's own, the user's variable, or the compatible server", async () => {
    const { api, dir } = await definitionWithDouble();
    const server = async (env: NodeJS.ProcessEnv) =>
      Object.fromEntries(
        (await planRun(dir, ['generate'], {}, env)).map((c) => [c.spec.participant, c.server]),
      );
    expect(await server({})).toEqual({
      'gpt-test': 'https://api.openai.com/v1',
      'claude-test': 'https://api.anthropic.com',
      'local-test': `${api.url}/v1`,
    });
    expect(await server({ OPENAI_BASE_URL: 'http://proxy.local/v1' })).toMatchObject({
      'gpt-test': 'http://proxy.local/v1',
    });
  });
});

describe('what a server says', () => {
  const KEYS = Object.values(runEnv('')).filter((v) => v.startsWith('sk-'));

  it('never stores the keys in use, even in a successful answer that echoes the headers', async () => {
    const example = 'an example key: sk-example-0123456789';
    const { api, dir } = await definitionWithDouble({
      echoHeaders: true,
      skills: {
        'local-test': [
          { path: 'SKILL.md', content: `---\nname: k\ndescription: d\n---\n\nShow ${example}.\n` },
        ],
      },
    });
    const result = await runExperiment({
      dir,
      stages: ['generate', 'evaluate'],
      concurrency: 3,
      env: { ...runEnv(api.url), OPENAI_COMPATIBLE_API_KEY: 'local-server-key-789' },
      prices: {},
    });
    expect(result.failures).toEqual([]);
    const files = await listFiles(dir);
    expect(files.filter((f) => f.startsWith('runs/calls/'))).toHaveLength(12);
    let echoed = 0;
    for (const f of files) {
      const text = await fs.readFile(path.join(dir, f), 'utf8');
      for (const key of [...KEYS, 'local-server-key-789']) expect(text, f).not.toContain(key);
      if (/authorization|x-api-key/i.test(text)) echoed++;
    }
    expect(echoed).toBeGreaterThan(0); // the headers are there, with the keys redacted
    // a key-shaped example in a model's text is the model's text, and stays
    expect(await fs.readFile(path.join(dir, 'skills/local-test/SKILL.md'), 'utf8')).toContain(
      example,
    );
  });

  it('stores, reports and prints at most 2 KB of an error, saying its size', async () => {
    const huge = `${KEYS[0]} ${'x'.repeat(3_000_000)} ${KEYS[0]}`;
    const { api, dir } = await definitionWithDouble({
      faults: [{ model: 'gpt-test', kind: 'generate', status: 400, message: huge, times: 1 }],
    });
    const result = await generateSkills(api, dir);
    const [failure] = result.failures;
    expect(failure.error.length).toBeLessThan(2100);
    expect(failure.error).toMatch(/^400 \[redacted\] x+… \[cut: 3\.0 M characters in all\]$/);
    const stored = (await readCalls(dir)).find((c) => c.status === 'failed')!;
    expect(stored.error).toBe(failure.error);
  });
});
