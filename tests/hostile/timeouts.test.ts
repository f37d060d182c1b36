// Every API call has a deadline, the SDK's retries included: a server that never answers, or sends
// its headers and then drips a byte now and then, held a call for the SDKs' defaults (10 minutes
// for each of 5 attempts, and their timeout ends when the headers arrive). Each participant can set
// its own (timeout: seconds); the failed call is recorded with its attempts.
import { afterEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { closeDoubles, definitionWithDouble, generateSkills } from '../support/hostile.ts';
import { readCalls, readManifest } from '../../src/lib/content/experiment.ts';
import { listFiles } from '../../src/lib/content/files.ts';

afterEach(closeDoubles);

describe('a server that holds its answer', () => {
  it("fails the call at the participant's timeout, and the rest of the run goes on", async () => {
    const { api, dir } = await definitionWithDouble({
      faults: [
        { model: 'gpt-test', kind: 'generate', hold: 'drip', times: 99 },
        { model: 'claude-test', kind: 'generate', hold: 'silent', times: 99 },
      ],
    });
    const yaml = path.join(dir, 'experiment.yaml');
    const text = await fs.readFile(yaml, 'utf8');
    await fs.writeFile(yaml, text.replace(/model: (gpt|claude)-test,/g, '$& timeout: 1.5,'));
    expect((await readManifest(dir)).participants.map((p) => p.timeout)).toEqual([
      1.5,
      1.5,
      undefined,
    ]);

    const result = await generateSkills(api, dir);
    const failed = Object.fromEntries(result.failures.map((f) => [f.participant, f.error]));
    expect(failed).toEqual({
      'gpt-test': `no answer from ${api.url}/v1 within 1.5 s (the participant's timeout; set timeout: <seconds> on it in experiment.yaml to allow longer)`,
      'claude-test': `no answer from ${api.url} within 1.5 s (the participant's timeout; set timeout: <seconds> on it in experiment.yaml to allow longer)`,
    });
    for (const call of (await readCalls(dir)).filter((c) => c.status === 'failed'))
      expect(call).toMatchObject({ attempts: 1, error: failed[call.participant] });
    expect(await listFiles(path.join(dir, 'skills/local-test'))).toContain('SKILL.md');
  });
});
