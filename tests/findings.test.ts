import { describe, expect, it } from 'vitest';
import { analyze } from '../src/lib/analysis/analysis.ts';
import {
  findingsOf,
  followedPosition,
  nothingFlagged,
  positionName,
  tentativeNote,
  topFindings,
} from '../src/lib/analysis/findings.ts';
import { makeExperiment, run } from './support/experiments.ts';

const participants = [
  { id: 'ann', model: 'Ann 1' },
  { id: 'bob', model: 'Bob 2' },
];

describe("an experiment's findings", () => {
  it('names a self-vote and links to the judge’s decision', () => {
    const e = makeExperiment({
      participants,
      verdicts: [
        { judge: 'ann', winner: 'ann' },
        { judge: 'bob', winner: 'ann' },
      ],
      evaluations: { ann: 'Winner: ann', bob: 'Winner: ann' },
    });
    expect(findingsOf(e, analyze(e))).toEqual([
      {
        kind: 'self-vote',
        text: 'Ann 1 voted for its own skill',
        anchor: ['evaluation', 'ann', 'decision'],
        certain: true,
      },
    ]);
  });

  it('names a judge that changed its pick with the order, and the position it followed', () => {
    const e = makeExperiment({
      participants,
      verdicts: [
        // picked whatever came first: bob in the first order, ann in the second
        {
          judge: 'ann',
          winner: null,
          consistent: false,
          runs: [run(['bob', 'ann'], 'bob'), run(['ann', 'bob'], 'ann')],
        },
        {
          judge: 'bob',
          winner: 'ann',
          consistent: true,
          runs: [run(['bob', 'ann'], 'ann'), run(['ann', 'bob'], 'ann')],
        },
      ],
    });
    expect(findingsOf(e, analyze(e))).toEqual([
      {
        kind: 'order',
        text: 'Ann 1 changed its pick when the order changed: it picked whichever skill was shown first',
        anchor: ['runs', 'ann'],
        certain: true,
      },
    ]);
  });

  it('names an attributed quote the source does not contain, and a claim that does not hold', () => {
    const e = makeExperiment({
      participants,
      sourceAuthor: 'Jo Writer',
      source: 'Keep every change small and easy to review.\n',
      skills: {
        ann: {
          'SKILL.md':
            '---\nname: ann-skill\ndescription: x\n---\n\nAs Jo Writer says, "always write the tests before the code".\n',
        },
        bob: { 'SKILL.md': '---\nname: bob-skill\ndescription: x\n---\n\nKeep changes small.\n' },
      },
      evaluations: { bob: 'The Ann skill is 40 lines long. Bob is 6 lines.\n' },
    });
    const a = analyze(e);
    expect(a.claims.map((c) => [c.about, c.measured, c.holds])).toEqual([
      ['ann', 6, false],
      ['bob', 6, true],
    ]);
    expect(findingsOf(e, a)).toEqual([
      {
        kind: 'quote',
        text: 'Ann 1’s skill quotes Jo Writer “always write the tests before the code”; the source does not contain it',
        anchor: ['quote', '1'],
        certain: true,
      },
      {
        kind: 'claim',
        text: 'Bob 2’s evaluation says Ann 1’s skill has 40 lines; it has 6 lines',
        anchor: ['claim', '1'],
        certain: true,
      },
    ]);
  });

  it('names the files it counted when a count of files does not hold', () => {
    const e = makeExperiment({
      participants,
      skills: {
        ann: {
          'SKILL.md': '---\nname: ann-skill\ndescription: x\n---\n\nBody.\n',
          'references/guide.md': 'A guide.\n',
        },
        bob: { 'SKILL.md': '---\nname: bob-skill\ndescription: x\n---\n\nBody.\n' },
      },
      evaluations: { bob: 'The Ann skill is a single file, and so is Bob.\n' },
    });
    const claim = findingsOf(e, analyze(e)).filter((f) => f.kind === 'claim');
    expect(claim.map((f) => [f.text, f.certain])).toEqual([
      [
        'Bob 2’s evaluation says Ann 1’s skill has 1 file; it has 2 files (SKILL.md, references/guide.md)',
        true,
      ],
    ]);
  });

  it('makes a note, not a finding, of a tiny metadata file beside the skill', () => {
    const e = makeExperiment({
      participants,
      skills: {
        ann: {
          'SKILL.md': '---\nname: ann-skill\ndescription: x\n---\n\nBody.\n',
          'agents/openai.yaml': 'interface:\n  display_name: "Ann"\n',
        },
        bob: { 'SKILL.md': '---\nname: bob-skill\ndescription: x\n---\n\nBody.\n' },
      },
      evaluations: { bob: 'The Ann skill is a single file, and so is Bob.\n' },
    });
    const a = analyze(e);
    expect(findingsOf(e, a)).toEqual([]);
    const [ann] = a.claims;
    expect(ann).toMatchObject({ about: 'ann', measured: 1, holds: true, counted: ['SKILL.md'] });
    expect(ann.note).toBe('not counting agents/openai.yaml (2 lines): metadata beside the skill');
  });

  it('has none for a clean experiment', () => {
    const e = makeExperiment({
      participants,
      verdicts: [
        { judge: 'ann', winner: 'bob' },
        { judge: 'bob', winner: 'ann' },
      ],
    });
    expect(findingsOf(e, analyze(e))).toEqual([]);
  });
});

describe('certain and tentative findings', () => {
  const skills = {
    ann: { 'SKILL.md': '---\nname: ann-skill\ndescription: x\n---\n\n# Ann\n\nBody.\n' },
    bob: {
      'SKILL.md':
        '---\nname: bob-skill\ndescription: x\n---\n\n# Bob\n\nNever merge on a Friday afternoon.\n',
    },
  };
  const source = 'Keep every change small and easy to review. Small steps are the best way.\n';
  const experiment = (evaluation: string, more = {}) =>
    makeExperiment({
      participants,
      sourceAuthor: 'Jo Writer',
      source,
      skills,
      evaluations: { bob: evaluation },
      ...more,
    });
  const brief = (e: ReturnType<typeof experiment>) =>
    findingsOf(e, analyze(e)).map((f) => [f.kind, f.certain, f.doubt ?? null]);

  it('a claim about a skill told by a pronoun after others were named is tentative', () => {
    const e = experiment('Bob is plain. Ann is short. Its SKILL.md is 40 lines.\n');
    expect(brief(e)).toEqual([['claim', false, expect.stringMatching(/pronoun/)]]);
    expect(topFindings(e, analyze(e))).toEqual([]);
  });

  it('a count of headings or list items that does not hold is tentative; a size is certain', () => {
    const e = experiment('The Ann skill has 5 headings. The Ann skill is 40 lines long.\n');
    expect(brief(e)).toEqual([
      ['claim', false, expect.stringMatching(/count of headings/)],
      ['claim', true, null],
    ]);
  });

  it('a quote with words changed is tentative; one given by a pronoun only is tentative', () => {
    const changed = experiment('Jo Writer wrote "keep every change tiny and easy to review".\n');
    expect(brief(changed)).toEqual([['quote', false, expect.stringMatching(/changed/)]]);
    const implied = experiment('As he says, "always write the tests before the code".\n');
    expect(brief(implied)).toEqual([['quote', false, expect.stringMatching(/pronoun/)]]);
    const named = experiment('Jo Writer says "always write the tests before the code".\n');
    expect(brief(named)).toEqual([['quote', true, null]]);
  });

  it('a quote with words left out, or one of the other skill, is no finding', () => {
    const abridged = experiment('Jo Writer says "keep every change small and easy review".\n');
    expect(brief(abridged)).toEqual([]);
    expect(analyze(abridged).quotes[0]).toMatchObject({ match: 'abridged', where: 'source' });
    const ofTheSkill = experiment(
      'Bob’s skill quotes Jo Writer: "never merge on a Friday afternoon".\n',
    );
    expect(brief(ofTheSkill)).toEqual([]);
    expect(analyze(ofTheSkill).quotes.at(-1)).toMatchObject({ where: 'skills/bob/SKILL.md' });
  });

  it("a size in the source's own words, repeated without quotation marks, is no claim", () => {
    const e = makeExperiment({
      participants,
      source: 'Most guides are the 1000-line skill when 100 would do.\n',
      evaluations: {
        bob: 'Ann avoids the 1000-line skill when 100 would do. The Ann skill is 40 lines long.\n',
      },
    });
    expect(analyze(e).claims.map((c) => c.claimed)).toEqual([40]);
  });

  it('a self-vote a model read where the words left it open is tentative', () => {
    const e = experiment('Hmm.', {
      verdicts: [{ judge: 'bob', winner: 'bob', readBy: 'openai:gpt-5' }],
    });
    expect(brief(e)).toEqual([['self-vote', false, expect.stringMatching(/read by openai:gpt-5/)]]);
  });
});

describe('the lead when nothing certain was found', () => {
  const lead = (e: ReturnType<typeof makeExperiment>) => nothingFlagged(e, analyze(e));

  it('names the checks that were made, and what they found', () => {
    const e = makeExperiment({
      participants,
      sourceAuthor: 'Jo Writer',
      source: 'Keep every change small and easy to review.\n',
      verdicts: [
        { judge: 'ann', winner: 'bob' },
        { judge: 'bob', winner: 'ann' },
      ],
      evaluations: {
        ann: 'As Jo Writer says, "keep every change small and easy to review". Winner: bob.',
        bob: 'The Ann skill is 8 lines long. Winner: ann.',
      },
    });
    expect(lead(e)).toBe(
      'Nothing flagged: no self-vote, every quote attributed to Jo Writer was found (1 quote checked), and the 1 checked claim about the skills holds.',
    );
  });

  it('claims no check that was not made: verdicts not read, no order changed, no source', () => {
    const e = makeExperiment({
      participants: [...participants, { id: 'cat', model: 'Cat 3' }],
      verdicts: [
        { judge: 'ann', winner: 'bob' },
        { judge: 'bob', winner: null },
        { judge: 'cat', winner: null },
      ],
    });
    e.manifest.source = null;
    e.source = '';
    expect(lead(e)).toBe(
      'Nothing flagged: no self-vote in the 1 verdict with a winner (2 of 3 have none that could be read from the judge’s words), and no source to check quotes against.',
    );
  });

  it('says how many tentative findings the appendix holds', () => {
    const f = (certain: boolean) => ({ kind: 'claim' as const, text: '', anchor: [], certain });
    expect(tentativeNote([f(true), f(false), f(false)])).toBe(
      '2 tentative findings, resting on a guess, are in the appendix, marked.',
    );
    expect(tentativeNote([f(true)])).toBeNull();
  });
});

describe('the position a judge followed', () => {
  it.each([
    ['first both times', [run(['a', 'b'], 'a'), run(['b', 'a'], 'b')], 0],
    ['second both times', [run(['a', 'b'], 'b'), run(['b', 'a'], 'a')], 1],
    ['the same skill: kept its pick', [run(['a', 'b'], 'a'), run(['b', 'a'], 'a')], null],
    [
      'no single position among three orders',
      [run(['a', 'b', 'c'], 'a'), run(['b', 'c', 'a'], 'c'), run(['c', 'a', 'b'], 'b')],
      null,
    ],
    [
      'last of three each time',
      [run(['a', 'b', 'c'], 'c'), run(['b', 'c', 'a'], 'a'), run(['c', 'a', 'b'], 'b')],
      2,
    ],
    ['one order only', [run(['a', 'b'], 'a')], null],
  ])('%s', (_, runs, expected) => {
    expect(followedPosition({ runs })).toBe(expected);
  });
  it('names positions', () => {
    expect([
      positionName(0, 2),
      positionName(1, 2),
      positionName(2, 3),
      positionName(1, 3),
    ]).toEqual(['first', 'second', 'last', 'second']);
  });
});
