// Models and artifacts apart: who made what (by, revisedWith), self-votes counted by model, the
// manifest's schema version, and the layouts in which one model made several artifacts.
import { describe, expect, it } from 'vitest';
import type { Participant } from '../src/lib/content/schema.ts';
import { isSelfVote, modelOf, pickKind } from '../src/lib/content/model-of.ts';
import { UserError, manifestToYaml, parseManifest } from '../src/lib/content/experiment.ts';
import { analyze, headline } from '../src/lib/analysis/analysis.ts';
import { findingsOf } from '../src/lib/analysis/findings.ts';
import { aggregateModels } from '../src/lib/analysis/models.ts';
import { layoutFigure } from '../src/lib/site/figure.ts';
import { inferArtifacts } from '../src/lib/importer/artifacts.ts';
import type { TextFile } from '../src/lib/content/files.ts';
import { makeExperiment } from './support/experiments.ts';

// Two models; Gemini made a draft and a final; Claude's skill was revised after GPT's review.
const participants: Participant[] = [
  { id: 'gemini', model: 'Gemini' },
  { id: 'gpt', model: 'GPT', skillFolder: 'gpt' },
  { id: 'claude', model: 'Claude' },
  { id: 'gemini-draft', model: 'Gemini', label: 'gemini/draft', by: 'gemini' },
  { id: 'gemini-final', model: 'Gemini', label: 'gemini/final', by: 'gemini' },
  { id: 'claude-gpt', model: 'Claude', by: 'claude', revisedWith: 'gpt' },
];

describe('modelOf and the kind of a pick', () => {
  it.each([
    ['gemini-final', 'gemini'],
    ['gemini-draft', 'gemini'],
    ['claude-gpt', 'claude'],
    ['gpt', 'gpt'], // no `by`: a model and its own artifact
    ['gemini', 'gemini'],
    ['nobody', 'nobody'], // not a participant: itself
  ])('%s was made by %s', (id, model) => expect(modelOf(participants, id)).toBe(model));

  it.each([
    ['gemini', 'gemini-final', 'self'], // any artifact of its own model
    ['gemini', 'gemini-draft', 'self'], // an earlier draft too
    ['gpt', 'gpt', 'self'], // its own, as before
    ['gpt', 'claude-gpt', 'revised-with'], // revised after gpt's review: not gpt's
    ['claude', 'claude-gpt', 'self'], // claude's, revised with another's review
    ['claude', 'gemini-final', 'other'],
    ['gemini', null, 'none'],
  ] as const)('judge %s picking %s: %s', (judge, winner, kind) => {
    expect(pickKind(participants, judge, winner)).toBe(kind);
    expect(isSelfVote(participants, judge, winner)).toBe(kind === 'self');
  });
});

const v1 = `title: Old
date: 2026-01-02
provenance: { kind: import }
participants:
  - { id: ann, model: Ann 1, provider: openai }
  - { id: bob, model: Bob 2 }
verdicts:
  - { judge: ann, winner: ann }
`;

describe('the manifest schema version', () => {
  it('reads a manifest without schemaVersion as version 1: every participant a model and its own artifact', () => {
    const m = parseManifest(v1, 'experiment.yaml');
    expect(m.schemaVersion).toBe(2);
    expect(m.participants.map((p) => [p.id, p.model, p.provider, p.by])).toEqual([
      ['ann', 'Ann 1', 'openai', undefined],
      ['bob', 'Bob 2', undefined, undefined],
    ]);
    expect(isSelfVote(m.participants, 'ann', 'ann')).toBe(true);
  });

  it('writes the current version first', () => {
    const m = parseManifest(v1, 'experiment.yaml');
    expect(manifestToYaml(m).split('\n')[0]).toBe('schemaVersion: 2');
    expect(parseManifest(manifestToYaml(m), 'x.yaml')).toEqual(m);
  });

  it.each([
    ['schemaVersion: 3\n', /schemaVersion 3 is newer than this crossjudge reads/],
    ['schemaVersion: 0\n', /schemaVersion/],
  ])('refuses %j', (head, message) => {
    expect(() => parseManifest(head + v1, 'experiment.yaml')).toThrow(message);
  });

  it.each([
    ['by: nobody', /participants\.2\.by: "nobody" is not a model of the experiment/],
    ['by: bob, revisedWith: carl', /participants\.2\.revisedWith: "carl" is not a model/],
  ])('refuses an artifact whose %s names no model', (fields, message) => {
    const text = v1.replace(
      '  - { id: bob, model: Bob 2 }',
      `  - { id: bob, model: Bob 2 }\n  - { id: bob-2, model: Bob 2, ${fields} }`,
    );
    expect(() => parseManifest(text, 'experiment.yaml')).toThrow(UserError);
    expect(() => parseManifest(text, 'experiment.yaml')).toThrow(message);
  });

  it('refuses an artifact as a judge: judges are models', () => {
    const text = v1
      .replace('  - { id: bob, model: Bob 2 }', '  - { id: bob, model: Bob 2, by: ann }')
      .replace('{ judge: ann, winner: ann }', '{ judge: bob, winner: ann }');
    expect(() => parseManifest(text, 'experiment.yaml')).toThrow(/"bob" is an artifact/);
  });
});

describe('self-votes and counts by model', () => {
  const e = makeExperiment({
    participants,
    verdicts: [
      { judge: 'gemini', winner: 'gemini-draft' },
      { judge: 'gpt', winner: 'claude-gpt' },
      { judge: 'claude', winner: 'gpt' },
    ],
    skills: {
      gpt: { 'SKILL.md': 'gpt' },
      'gemini-draft': { 'SKILL.md': 'draft' },
      'gemini-final': { 'SKILL.md': 'final' },
      'claude-gpt': { 'SKILL.md': 'revised' },
    },
  });
  const a = analyze(e);

  it('marks a judge picking any artifact of its own model, and notes one its review helped revise', () => {
    expect(a.verdicts.map((v) => [v.judge, v.self, v.revisedWith])).toEqual([
      ['gemini', true, false],
      ['gpt', false, true],
      ['claude', false, false],
    ]);
    const found = findingsOf(e, a).map((f) => [f.text, f.certain]);
    expect(found).toEqual([
      ['Gemini voted for its own skill, gemini/draft', true],
      ['GPT picked Claude, revised after GPT’s own review', false],
    ]);
  });

  it('says so in the headline', () => {
    expect(headline(e.manifest.participants, e.manifest.verdicts)).toBe(
      'Gemini voted for its own gemini/draft; GPT voted for Claude; Claude voted for GPT',
    );
  });

  it('draws a self-vote into another artifact of the model as one', () => {
    const f = layoutFigure({
      names: { gemini: 'Gemini', 'gemini-draft': 'gemini/draft', gpt: 'GPT' },
      skills: ['gemini-draft', 'gpt'],
      verdicts: [{ judge: 'gemini', winner: 'gemini-draft' }],
      models: { 'gemini-draft': 'gemini' },
    });
    expect(f.arrows.map((x) => [x.judge, x.winner, x.self])).toEqual([
      ['gemini', 'gemini-draft', true],
    ]);
    expect(f.skills[0].sub).toBe('Gemini’s skill');
  });

  it('counts /models/ by model: artifacts count for the model that made them', () => {
    const models = aggregateModels([{ experiment: e, analysis: a }]);
    const get = (name: string) => models.find((m) => m.name === name)!;
    // ranked by strength on the page; compared here by name
    const byName = [...models].sort((x, y) => x.name.localeCompare(y.name));
    expect(byName.map((m) => [m.name, m.ids])).toEqual([
      ['Claude', ['claude']],
      ['Gemini', ['gemini']],
      ['GPT', ['gpt']],
    ]);
    expect(get('Gemini').skills.map((s) => s.participant)).toEqual([
      'gemini-draft',
      'gemini-final',
    ]);
    expect(get('Gemini').selfVotes).toMatchObject({ votes: 1, of: 1 });
    expect(get('GPT').selfVotes).toMatchObject({ votes: 0, of: 1 });
    // Claude's one judgment included its own (claude-gpt) and did not pick it
    expect(get('Claude').selfVotes).toMatchObject({ votes: 0, of: 1 });
  });
});

const files = (...paths: string[]): TextFile[] =>
  paths.map((p) => ({ path: p, content: `# ${p}\n`, bytes: p.length + 3 }));

describe('layouts that name the model of each artifact', () => {
  it.each([
    {
      layout: 'a folder per model holding its skill',
      paths: ['claude/skill/SKILL.md', 'claude/review.md', 'gpt/skill/SKILL.md', 'gpt/review.md'],
      want: [
        ['claude/skill', 'claude', undefined],
        ['gpt/skill', 'gpt', undefined],
      ],
    },
    {
      layout: 'first drafts and finals of each model',
      paths: [
        'gemini/draft-1/SKILL.md',
        'gemini/final/SKILL.md',
        'gpt/draft-1/SKILL.md',
        'gpt/final/SKILL.md',
      ],
      want: [
        ['gemini/draft-1', 'gemini', undefined],
        ['gemini/final', 'gemini', undefined],
        ['gpt/draft-1', 'gpt', undefined],
        ['gpt/final', 'gpt', undefined],
      ],
    },
    {
      layout: 'rounds with revisions a_b',
      paths: [
        'round1/claude/SKILL.md',
        'round1/gpt/SKILL.md',
        'round2/claude_gpt/SKILL.md',
        'round2/gpt_claude/SKILL.md',
      ],
      want: [
        ['round1/claude', 'claude', undefined],
        ['round1/gpt', 'gpt', undefined],
        ['round2/claude_gpt', 'claude', 'gpt'],
        ['round2/gpt_claude', 'gpt', 'claude'],
      ],
    },
    {
      layout: 'single-file essays',
      paths: ['outputs/qwen.md', 'outputs/gemini_gpt.md', 'prompt.md'],
      want: [
        ['qwen', 'qwen', undefined],
        ['gemini_gpt', 'gemini_gpt', undefined],
      ],
    },
  ])('$layout', ({ paths, want }) => {
    const found = inferArtifacts(files(...paths), ['evaluations']);
    expect(found?.map((s) => [s.folder, s.model, s.revisedWith])).toEqual(want);
  });

  it.each([
    ['no level reads as the models', ['a/x/SKILL.md', 'b/y/SKILL.md']],
    ['one essay is no experiment', ['outputs/qwen.md']],
    ['nothing there', ['notes.md']],
  ])('%s: none inferred', (_, paths) => {
    expect(inferArtifacts(files(...paths), [])).toBeNull();
  });
});
