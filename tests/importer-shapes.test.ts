// The importer on the judgment shapes beyond one file per judge: several judges in one file, a
// transcript whose headings name each model twice, reviews of one artifact, files that are not
// judgments, and label maps in markdown.
import { describe, expect, it } from 'vitest';
import { planImport } from '../src/lib/importer/index.ts';
import { readTextFiles } from '../src/lib/content/files.ts';
import { tempDir, writeTree } from './support/helpers.ts';

const origin = { origin: 'test', name: 'shapes' };
const skillMd = (name: string, body: string) =>
  `---\nname: ${name}\ndescription: ${body}\n---\n\n# ${name}\n\n${body}\n`;

async function plan(files: Record<string, string>, map = {}) {
  const dir = await tempDir();
  await writeTree(dir, files);
  return planImport(await readTextFiles(dir), origin, map);
}

describe('a council run: one file per model, and every judge in one file', () => {
  const files = {
    'question.md': 'Should meetings need an agenda? Rosa says yes.\n',
    'stage1/gpt-5.1.md': 'Require an agenda one day ahead.\n',
    'stage1/gemini-3-pro.md': 'Require an agenda and measure the outcome.\n',
    'stage1/grok-4.md': 'Ban meetings without an agenda, no exemptions.\n',
    'stage2_rankings.md':
      '# Stage 2\n\n## Ranking by gpt-5.1\n\nFINAL RANKING:\n1. gemini-3-pro\n2. gpt-5.1\n3. grok-4\n\n' +
      '## Ranking by gemini-3-pro\n\nFINAL RANKING:\n1. gemini-3-pro\n2. grok-4\n3. gpt-5.1\n\n' +
      '## Ranking by grok-4\n\nFINAL RANKING:\n1. grok-4\n2. gemini-3-pro\n3. gpt-5.1\n',
    'stage3_chairman.md': '# Chairman synthesis\n\nOverall, gemini-3-pro wins the council.\n',
  };
  it('imports each file as an artifact, each section as its judge, and leaves out the synthesis', async () => {
    const [exp] = (await plan(files)).experiments;
    const m = exp.manifest;
    expect(m.artifacts).toBe('files');
    expect(m.source).toBe('question.md');
    expect(m.participants.map((p) => p.id).sort()).toEqual(['gemini-3-pro', 'gpt-5-1', 'grok-4']);
    expect(m.verdicts!.map((v) => [v.judge, v.winner])).toEqual([
      ['gpt-5-1', 'gemini-3-pro'],
      ['gemini-3-pro', 'gemini-3-pro'],
      ['grok-4', 'grok-4'],
    ]);
    expect(m.provenance.skipped).toEqual([
      {
        path: 'stage3_chairman.md',
        why: 'a synthesis of the judgments, not a judgment of its own',
      },
    ]);
  });
});

describe('a transcript: each model heads its artifact, then its judgment', () => {
  const transcript = [
    '# Bake-off',
    '',
    'The tweet: "Release notes are promises." (Noor)',
    '',
    '# Part 1 - the skills',
    '',
    '## claude-opus-4-6',
    '',
    skillMd('notes-a', 'Write notes for users.'),
    '## gemini-3-pro',
    '',
    skillMd('notes-b', 'Write notes for humans, breaking changes first.'),
    '# Part 2 - the judgments',
    '',
    '## claude-opus-4-6',
    '',
    "I think Gemini's is the best overall.",
    '',
    '## gemini-3-pro',
    '',
    'My pick: gemini-3-pro.',
    '',
  ].join('\n');
  it('tells the artifact sections from the judgment sections', async () => {
    const [exp] = (await plan({ 'transcript.md': transcript })).experiments;
    const m = exp.manifest;
    expect(m.source).toBe('transcript.md');
    const source = exp.files.find((f) => f.at.kind === 'source')!.content as string;
    expect(source).toContain('Release notes are promises');
    expect(source).not.toContain('notes-a');
    const skills = exp.files.filter((f) => f.at.kind === 'skill');
    expect(skills.map((f) => (f.at.kind === 'skill' ? f.at.file : ''))).toEqual([
      'SKILL.md',
      'SKILL.md',
    ]);
    expect(skills[1].content).toContain('breaking changes first');
    expect(skills[1].content).not.toContain('My pick');
    expect(m.verdicts!.map((v) => [v.judge, v.winner])).toEqual([
      ['claude-opus-4-6', 'gemini-3-pro'],
      ['gemini-3-pro', 'gemini-3-pro'],
    ]);
  });
});

describe('reviews of one artifact', () => {
  const files = {
    'source.md': 'Never rename a column in one step.\n',
    'gpt/SKILL.md': skillMd('migrations-gpt', 'Rename small tables in one step.'),
    'opus/SKILL.md': skillMd('migrations-opus', 'Expand, migrate, contract.'),
    'reviews/opus-reviews-gpt.md':
      'I would reject its conclusion on renames. Our skill handles this the way the source intends.\n',
    'reviews/gpt-reviews-opus.md': "I'd accept this with minor changes.\n",
  };
  it('records each as a review with its stance and, tentatively, what it implies; no winner', async () => {
    const [exp] = (await plan(files)).experiments;
    const byJudge = Object.fromEntries(exp.manifest.verdicts!.map((v) => [v.judge, v]));
    expect(byJudge.opus).toMatchObject({
      winner: null,
      review: { of: 'gpt', stance: 'rejects', implied: 'opus' },
    });
    expect(byJudge.gpt).toMatchObject({ winner: null, review: { of: 'opus', stance: 'accepts' } });
    expect(byJudge.gpt.review!.implied).toBeUndefined();
  });
  it('takes a review declared in crossjudge.yaml', async () => {
    const declared = {
      ...files,
      'reviews/opus.md': files['reviews/opus-reviews-gpt.md'],
      'reviews/gpt.md': files['reviews/gpt-reviews-opus.md'],
    };
    delete (declared as Record<string, string>)['reviews/opus-reviews-gpt.md'];
    delete (declared as Record<string, string>)['reviews/gpt-reviews-opus.md'];
    const [exp] = (
      await plan(declared, { reviews: { 'reviews/opus.md': 'gpt', 'reviews/gpt.md': 'opus' } })
    ).experiments;
    expect(exp.manifest.verdicts!.map((v) => [v.judge, v.review?.of])).toEqual([
      ['gpt', 'opus'],
      ['opus', 'gpt'],
    ]);
  });
});

describe('files beside the judgments that are not judgments', () => {
  const judgment = (pick: string) =>
    `I compared both skills closely and on balance ${pick} is the better skill for this team.\n`;
  it('leaves out a computed table, a synthesis, a copy and a single critique, saying why', async () => {
    const files = {
      'source.md': 'Log less, log better.\n',
      'skills/opus/SKILL.md': skillMd('log-opus', 'Allow-list fields.'),
      'skills/gemini/SKILL.md': skillMd('log-gemini', 'A checklist per statement.'),
      'judges/opus.md': judgment('gemini'),
      'judges/gemini.md': judgment('opus'),
      'leaderboard.csv': 'skill,points\ngemini,3\nopus,3\n',
      'synthesis.md': '# Synthesis\n\nBoth judges agree the skills are close.\n',
      'all-reasoning.md': `# Every judge\n\n## opus\n\n${judgment('gemini')}\n## gemini\n\n${judgment('opus')}`,
      'critiques/gemini-on-opus.md': 'Strong reasoning.\n\nVerdict: accept\nGrade: A-\n',
    };
    const [exp] = (await plan(files)).experiments;
    const skipped = Object.fromEntries(
      exp.manifest.provenance.skipped!.map((x) => [x.path, x.why]),
    );
    expect(Object.keys(skipped).sort()).toEqual([
      'all-reasoning.md',
      'critiques/gemini-on-opus.md',
      'leaderboard.csv',
      'synthesis.md',
    ]);
    expect(skipped['all-reasoning.md']).toMatch(/copy/);
    expect(skipped['leaderboard.csv']).toMatch(/computed table/);
    expect(skipped['critiques/gemini-on-opus.md']).toMatch(/single artifact/);
    expect(exp.manifest.verdicts).toHaveLength(2);
  });
});

describe('judgments that look like what is left out', () => {
  it('keeps a judgment that is a table of scores, and one named results.md in its judge folder', async () => {
    const table =
      '| Skill | Score |\n| --- | --- |\n| opus | 9 |\n| gemini | 7 |\n\nWinner: opus\n';
    const [exp] = (
      await plan({
        'source.md': 'Log less.\n',
        'skills/opus/SKILL.md': skillMd('log-opus', 'Allow-list fields.'),
        'skills/gemini/SKILL.md': skillMd('log-gemini', 'A checklist.'),
        'evaluations/opus.md': table,
        'evaluations/gemini/results.md': 'On balance I pick gemini; it is the better skill.\n',
      })
    ).experiments;
    expect(exp.manifest.provenance.skipped).toBeUndefined();
    expect(exp.manifest.verdicts!.map((v) => [v.judge, v.winner])).toEqual([
      ['opus', 'opus'],
      ['gemini', 'gemini'],
    ]);
  });
});

describe('a label map in markdown', () => {
  it('maps the harness labels, and is not the source', async () => {
    const files = {
      'kesi-upgrades.md': 'Upgrade one dependency at a time.\n',
      'mapping.md':
        '# Labels\n\n- Response A = gpt-5.1 (skills/gpt-5.1)\n- Response B = gemini-3-pro\n',
      'skills/gpt-5.1/SKILL.md': skillMd('up-gpt', 'Read the changelog.'),
      'skills/gemini-3-pro/SKILL.md': skillMd('up-gemini', 'Search the codebase.'),
      'evaluations/gpt-5.1.md': 'Ranking: Response B > Response A.\n',
    };
    const [exp] = (await plan(files)).experiments;
    expect(exp.manifest.source).toBe('kesi-upgrades.md');
    expect(exp.manifest.verdicts![0].winner).toBe('gemini-3-pro');
  });
});
