// What a run leaves behind: verdicts only from this run's calls, run provenance, and error texts
// that name the server and carry no key. In process, against the model API double.
import { afterEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import OpenAI from 'openai';
import { startModelApi, type DoubleOptions, type ModelApiDouble } from './doubles/model-api.ts';
import { runEnv, writeDefinition } from './support/runner-setup.ts';
import { copySample, tempDir } from './support/helpers.ts';
import { readExperiment } from '../src/lib/content/experiment.ts';
import { runExperiment } from '../src/lib/runner/run.ts';
import { describeApiError } from '../src/lib/providers/index.ts';

const opened: ModelApiDouble[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((a) => a.close()));
});

/** A copy of the shipped sample, as the README's walkthrough makes, run against the double. */
async function runSampleCopy(
  options: DoubleOptions,
  stages: ('generate' | 'evaluate')[] = ['generate', 'evaluate'],
) {
  const api = await startModelApi(options);
  opened.push(api);
  const dir = await copySample(await tempDir(), 'try-run');
  const result = await runExperiment({
    dir,
    stages,
    concurrency: 4,
    env: runEnv(api.url),
    prices: {},
  });
  return { dir, result, exp: await readExperiment(dir) };
}

describe('a run on a copy of the sample', () => {
  it('is a run, not sample data, and its verdicts all come from its calls', async () => {
    // the Claude judge's calls all fail (a 400 is not retried): it gets no verdict and no evaluation
    const { dir, result, exp } = await runSampleCopy({
      faults: [{ model: 'claude-sonnet-4-5', kind: 'evaluate', status: 400, times: 99 }],
    });
    expect(result.failures.map((f) => `${f.kind} ${f.participant}`)).toEqual([
      'evaluate claude-sonnet-4-5',
      'evaluate claude-sonnet-4-5',
    ]);
    expect(exp.manifest.sample).toBe(false);
    expect(exp.manifest.provenance).toEqual({ kind: 'run' });
    const yaml = await fs.readFile(path.join(dir, 'experiment.yaml'), 'utf8');
    expect(yaml).not.toMatch(/^sample:|kind: sample|no model produced|written by hand/m);
    expect(yaml).toContain('skillName: "{model}-commit-messages"'); // the rest of the definition is as it was
    expect(exp.manifest.verdicts.map((v) => v.judge)).toEqual(['gpt-5']);
    expect(exp.manifest.verdicts[0].runs).toHaveLength(2);
    expect(exp.evaluations.map((e) => e.judge)).toEqual(['gpt-5']);
    expect(exp.evaluations[0].content).toContain('**Order 1:**');
    const calls = new Set(exp.calls.map((c) => c.key));
    for (const r of exp.manifest.verdicts[0].runs!) expect(calls.has(r.call!)).toBe(true);
  });

  it('keeps no verdict of earlier skills after new skills are generated', async () => {
    const { exp } = await runSampleCopy({}, ['generate']);
    expect(exp.skills.find((s) => s.participant === 'gpt-5')!.files[0].content).toContain(
      'Written by gpt-5',
    );
    expect(exp.manifest.verdicts).toEqual([]);
    expect(exp.evaluations).toEqual([]);
  });
});

describe('API errors as recorded and published', () => {
  it('carry no key, whether shaped like one or the one in use', async () => {
    const leak =
      'Incorrect API key provided: sk-test-openai-SECRET-123. Also sk-proj-abcdefghijk and Bearer tokentokentoken.';
    const { exp, result } = await runSampleCopy({
      faults: [{ model: 'gpt-5', kind: 'generate', status: 401, message: leak, times: 99 }],
    });
    const failed = exp.calls.find((c) => c.status === 'failed')!;
    expect(failed.error).toBe(
      '401 Incorrect API key provided: [redacted]. Also [redacted] and Bearer [redacted].',
    );
    expect(result.failures[0].error).toBe(failed.error);
  });

  it('name the server that could not be reached', () => {
    const err = new OpenAI.APIConnectionError({
      cause: Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
          code: 'ECONNREFUSED',
        }),
      }),
    });
    expect(describeApiError(err, 'http://127.0.0.1:9/v1', [])).toBe(
      'cannot reach http://127.0.0.1:9/v1: Connection error. (ECONNREFUSED)',
    );
  });
});

describe('the evaluations a run writes', () => {
  it('name each model as the page does: its label, else its model, never the participant id', async () => {
    const api = await startModelApi({});
    opened.push(api);
    const dir = path.join(await tempDir(), 'names');
    await writeDefinition(dir, api.url);
    const file = path.join(dir, 'experiment.yaml');
    const yaml = (await fs.readFile(file, 'utf8'))
      .replace('id: gpt-test,', 'id: writer-one,')
      .replace('model: claude-test,', 'model: claude-test, label: Claude Test,');
    await fs.writeFile(file, yaml);
    await runExperiment({
      dir,
      stages: ['generate', 'evaluate'],
      concurrency: 4,
      env: runEnv(api.url),
      prices: {},
    });
    const text = (await readExperiment(dir)).evaluations.map((e) => e.content).join('\n');
    expect(text).toMatch(/= gpt-test\b/);
    expect(text).toContain('= Claude Test');
    expect(text).not.toContain('writer-one');
  });
});
