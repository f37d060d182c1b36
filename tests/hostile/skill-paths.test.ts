// A model's skill is written under skills/<participant>/: a path the file system cannot take, or
// two that cannot both be written, make a malformed answer (asked again once, then a failed cell),
// and the rest of the run goes on. Before, such a skill passed the checks, was stored as ok, and
// EEXIST ended this run and every rerun before the other skills were written.
import { afterEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { skillProblem } from '../../src/lib/runner/prompts.ts';
import {
  closeDoubles,
  definitionWithDouble,
  generateSkills,
  skillWith,
} from '../support/hostile.ts';
import { readCalls } from '../../src/lib/content/experiment.ts';
import { listFiles } from '../../src/lib/content/files.ts';

describe('the paths of a generated skill', () => {
  it.each([
    [skillWith('a', 'a/b.md'), /"a" is both a file and the folder of "a\/b\.md"/],
    [skillWith('notes/x.md', 'Notes/x.md'), /the same file where case is ignored/],
    [skillWith('nul\u0000.md'), /control character/],
    [skillWith('esc\u001b[2J.md'), /control character/],
    [skillWith(`${'n'.repeat(300)}.md`), /303 bytes long, more than a file system takes \(255\)/],
    [skillWith(`${'d/'.repeat(600)}x.md`), /more than 1024/],
    [skillWith('x.md', 'x.md'), /"x\.md" appears twice/],
  ])('refuses %#', (files, why) => {
    expect(skillProblem(files)).toMatch(why);
  });

  it('takes a legal name of 253 characters and paths in folders', () => {
    expect(skillProblem(skillWith(`${'n'.repeat(250)}.md`, 'a/b.md', 'a/c/d.md'))).toBeNull();
  });
});

afterEach(closeDoubles);

describe('a run where one model answers a skill that cannot be written', () => {
  it('asks it again once, fails its cell, and writes the other skills', async () => {
    const { api, dir } = await definitionWithDouble({
      skills: { 'local-test': skillWith('a', 'a/b.md') },
    });
    const result = await generateSkills(api, dir);
    expect(api.received.filter((r) => r.model === 'local-test')).toHaveLength(2);
    expect(result.failures).toEqual([
      {
        kind: 'generate',
        participant: 'local-test',
        error: expect.stringMatching(/^malformed answer: "a" is both a file and the folder/),
      },
    ]);
    expect(await listFiles(path.join(dir, 'skills/gpt-test'))).toContain('SKILL.md');
    expect(await listFiles(path.join(dir, 'skills/claude-test'))).toContain('SKILL.md');
    expect(await listFiles(path.join(dir, 'skills/local-test'))).toEqual([]);
    const failed = (await readCalls(dir)).find((c) => c.participant === 'local-test')!;
    expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('asks again for a skill stored as ok by an older check, and a rerun does not stop', async () => {
    const { api, dir } = await definitionWithDouble({});
    await generateSkills(api, dir);
    // a stored call of an older version, whose skill this version refuses
    const calls = path.join(dir, 'runs/calls');
    const stored = (await readCalls(dir)).find((c) => c.participant === 'local-test')!;
    stored.output = { files: skillWith('a', 'a/b.md') };
    await fs.writeFile(path.join(calls, `${stored.key}.json`), JSON.stringify(stored));
    await fs.rm(path.join(dir, 'skills/local-test'), { recursive: true });

    api.received.length = 0;
    const again = await generateSkills(api, dir);
    expect(again.failures).toEqual([]);
    expect(again.totals).toMatchObject({ made: 1, reused: 2 });
    expect(api.received.map((r) => r.model)).toEqual(['local-test']);
    expect(await listFiles(path.join(dir, 'skills/local-test'))).toContain('SKILL.md');
  });
});
