// Importing a folder per model with first drafts and revisions: the models and their artifacts
// apart, judges resolved to models, self-votes by model, nothing inferred from a name.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { readExperiment } from '../src/lib/content/experiment.ts';
import { analyze } from '../src/lib/analysis/analysis.ts';
import { planImport, type ImportMap } from '../src/lib/importer/index.ts';
import { readTextFiles } from '../src/lib/content/files.ts';
import { tempDir, writeTree } from './support/helpers.ts';

const skill = (name: string, lines: string) =>
  `---\nname: ${name}\ndescription: Reviews a pull request.\n---\n\n# Review\n\n${lines}\n`;

// gemini and gpt each left a first draft and a revision made after the other's review;
// qwen only judged. Each model's judgment sits in judging/.
const FOLDER = {
  'source.md': '# The handbook\n\nReview the change, not the person.\n',
  'gemini/draft/SKILL.md': skill('gemini-draft', 'Read the diff.'),
  'gemini/gemini_gpt/SKILL.md': skill('gemini-revised', 'Read the diff, then the tests.'),
  'gpt/draft/SKILL.md': skill('gpt-draft', 'Comment on each line.'),
  'gpt/gpt_gemini/SKILL.md': skill('gpt-revised', 'Comment on the change as a whole.'),
  'judging/gemini.md': '# Gemini\n\nBest: gemini/draft.\n',
  'judging/gpt.md': '# GPT\n\nBest: gemini/gemini_gpt.\n',
  'judging/qwen.md': '# Qwen\n\nBest: gpt/gpt_gemini.\n',
};

describe('importing a folder per model with revisions', () => {
  it('plans models, artifacts by model and revisions, with no maker or provider guessed', async () => {
    const dir = await tempDir();
    await writeTree(dir, FOLDER);
    const [exp] = planImport(await readTextFiles(dir), {
      origin: 't',
      name: 'reviews',
    }).experiments;
    expect(exp.manifest.participants.map((p) => [p.id, p.by, p.revisedWith])).toEqual([
      ['gemini', undefined, undefined],
      ['gpt', undefined, undefined],
      ['gemini-draft', 'gemini', undefined],
      ['gemini-gemini-gpt', 'gemini', 'gpt'],
      ['gpt-draft', 'gpt', undefined],
      ['gpt-gpt-gemini', 'gpt', 'gemini'],
      ['qwen', undefined, undefined],
    ]);
    expect(exp.manifest.participants.some((p) => p.provider || p.maker)).toBe(false);
  });

  it('imports it end to end: a self-vote for an earlier draft, and a pick of a revision its review helped', async () => {
    const dir = await tempDir();
    const content = await tempDir();
    await writeTree(dir, FOLDER);
    execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/import.ts', dir, '--slug', 'reviews'],
      { env: { ...process.env, CROSSJUDGE_CONTENT: content }, stdio: 'pipe' },
    );
    const e = await readExperiment(path.join(content, 'experiments', 'reviews'));
    expect(e.manifest.schemaVersion).toBe(2);
    expect(e.skills.map((s) => s.participant)).toEqual([
      'gemini-draft',
      'gemini-gemini-gpt',
      'gpt-draft',
      'gpt-gpt-gemini',
    ]);
    const a = analyze(e);
    expect(a.verdicts.map((v) => [v.judge, v.winner, v.self, v.revisedWith])).toEqual([
      ['gemini', 'gemini-draft', true, false],
      ['gpt', 'gemini-gemini-gpt', false, true],
      ['qwen', 'gpt-gpt-gemini', false, false],
    ]);
  });

  it.each<{
    what: string;
    files: Record<string, string>;
    map: ImportMap;
    want: (string | undefined)[][];
  }>([
    {
      what: '{model} names the model apart from the artifact folder',
      files: {
        'mistral/skill/SKILL.md': skill('m', 'One.'),
        'qwen/skill/SKILL.md': skill('q', 'Two.'),
        'mistral/notes.md': '# Mistral picks\n\nBest: qwen.\n',
      },
      map: { source: null, artifacts: '{model}/skill', evaluations: '{judge}/notes.md' },
      want: [
        ['mistral', undefined, undefined, undefined],
        ['qwen', undefined, undefined, undefined],
      ],
    },
    {
      what: '{artifact} with by: and revisedWith: pinned, and a maker as free text',
      files: {
        'rounds/first/SKILL.md': skill('first', 'One.'),
        'rounds/second/SKILL.md': skill('second', 'Two.'),
      },
      map: {
        source: null,
        artifacts: 'rounds/{artifact}',
        participants: {
          first: { by: 'mistral' },
          second: { by: 'mistral', revisedWith: 'qwen' },
          mistral: { maker: 'Mistral AI' },
        },
      },
      want: [
        ['first', 'mistral', undefined, undefined],
        ['second', 'mistral', 'qwen', undefined],
        ['mistral', undefined, undefined, 'Mistral AI'],
        ['qwen', undefined, undefined, undefined],
      ],
    },
  ])('a map: $what', async ({ files, map, want }) => {
    const dir = await tempDir();
    await writeTree(dir, files);
    const [exp] = planImport(await readTextFiles(dir), { origin: 't', name: 'x' }, map).experiments;
    expect(exp.manifest.participants.map((p) => [p.id, p.by, p.revisedWith, p.maker])).toEqual(
      want,
    );
  });
});
