import { describe, expect, it } from 'vitest';
import { analyze } from '../src/lib/analysis/analysis.ts';
import { findingsOf, followedPosition, positionName } from '../src/lib/analysis/findings.ts';
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
      },
      {
        kind: 'claim',
        text: 'Bob 2’s evaluation says Ann 1’s skill has 40 lines; it has 6 lines',
        anchor: ['claim', '1'],
      },
    ]);
  });

  it('names the files it counted when a count of files does not hold', () => {
    const e = makeExperiment({
      participants,
      skills: {
        ann: {
          'SKILL.md': '---\nname: ann-skill\ndescription: x\n---\n\nBody.\n',
          'agents/openai.yaml': 'x: 1\n',
        },
        bob: { 'SKILL.md': '---\nname: bob-skill\ndescription: x\n---\n\nBody.\n' },
      },
      evaluations: { bob: 'The Ann skill is a single file, and so is Bob.\n' },
    });
    const claim = findingsOf(e, analyze(e)).filter((f) => f.kind === 'claim');
    expect(claim.map((f) => f.text)).toEqual([
      'Bob 2’s evaluation says Ann 1’s skill has 1 file; it has 2 files (SKILL.md, agents/openai.yaml)',
    ]);
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
