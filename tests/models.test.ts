// Figures across experiments, on a small hand-made set worked out by hand below.
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/lib/analysis/analysis.ts';
import { aggregateModels, OPTIONS } from '../src/lib/analysis/models.ts';
import { bradleyTerry, wilson } from '../src/lib/analysis/stats.ts';
import { makeExperiment, run } from './support/experiments.ts';

// e1: Ann and Bob; Ann votes for itself, Bob votes for Ann.
const e1 = makeExperiment({
  slug: 'e1',
  participants: [
    { id: 'a1', model: 'Ann' },
    { id: 'b1', model: 'Bob' },
  ],
  verdicts: [
    { judge: 'a1', winner: 'a1' },
    { judge: 'b1', winner: 'a1' },
  ],
});
// e2: Ann (as "ann", another id) and Cat, judged in both orders. Ann picked whichever came first;
// Cat picked Ann both times.
const e2 = makeExperiment({
  slug: 'e2',
  participants: [
    { id: 'ann-x', model: 'ann' },
    { id: 'cat', model: 'Cat' },
  ],
  verdicts: [
    {
      judge: 'ann-x',
      winner: null,
      consistent: false,
      runs: [run(['cat', 'ann-x'], 'cat'), run(['ann-x', 'cat'], 'ann-x')],
    },
    {
      judge: 'cat',
      winner: 'ann-x',
      consistent: true,
      runs: [run(['cat', 'ann-x'], 'ann-x'), run(['ann-x', 'cat'], 'ann-x')],
    },
  ],
});
// e3: Bob under an API model id the alias map knows, and Cat; each picks the other.
const e3 = makeExperiment({
  slug: 'e3',
  participants: [
    { id: 'bob', model: 'bob-2025-01' },
    { id: 'cat', model: 'Cat' },
  ],
  verdicts: [
    { judge: 'bob', winner: 'cat' },
    { judge: 'cat', winner: 'bob' },
  ],
});
const entries = [e1, e2, e3].map((experiment) => ({ experiment, analysis: analyze(experiment) }));
const models = aggregateModels(entries, { Bob: ['bob-2025-01'] });
const get = (name: string) => models.find((m) => m.name === name)!;

describe('models across experiments', () => {
  it('groups by model name, and by the alias map', () => {
    const byName = [...models].sort((x, y) => x.name.localeCompare(y.name));
    expect(byName.map((m) => [m.name, m.ids, m.experiments.map((e) => e.slug)])).toEqual([
      ['Ann', ['a1', 'ann-x'], ['e1', 'e2']],
      ['Bob', ['b1', 'bob'], ['e1', 'e3']],
      ['Cat', ['cat'], ['e2', 'e3']],
    ]);
    expect(get('Ann').skills.map((s) => [s.experiment, s.participant])).toEqual([
      ['e1', 'a1'],
      ['e2', 'ann-x'],
    ]);
  });

  it('counts self-votes over decided judgments that included its own skill', () => {
    // Ann: e1 picked itself (1 of 1); its e2 judgment is undecided. Bob: e1 Ann, e3 Cat (0 of 2).
    expect(get('Ann').selfVotes).toMatchObject({ votes: 1, of: 1 });
    expect(get('Bob').selfVotes).toMatchObject({ votes: 0, of: 2 });
    expect(get('Cat').selfVotes).toMatchObject({ votes: 0, of: 2 });
    expect(get('Bob').selfVotes.interval).toEqual(wilson(0, 2));
  });

  it("counts other models' judges picking its skill", () => {
    // Ann: picked by Bob in e1 and by Cat in e2 (2 of 2); Bob: not by Ann in e1, by Cat in e3 (1 of 2);
    // Cat: Ann's e2 judgment is undecided, Bob picked it in e3 (1 of 1).
    expect(
      [get('Ann').pickedByOthers, get('Bob').pickedByOthers, get('Cat').pickedByOthers].map((x) => [
        x.picks,
        x.of,
      ]),
    ).toEqual([
      [2, 2],
      [1, 2],
      [1, 1],
    ]);
  });

  it('counts kept picks across orders, and the position followed when not', () => {
    expect(get('Ann').orderKept).toMatchObject({ kept: 0, of: 1, followed: { first: 1 } });
    expect(get('Cat').orderKept).toMatchObject({ kept: 1, of: 1, followed: {} });
    expect(get('Bob').orderKept).toMatchObject({ kept: 0, of: 0, interval: null });
  });

  it('counts agreement with the other judges of the same experiment', () => {
    // Ann: e1 agrees with Bob (1/1). Bob: agrees with Ann in e1, not with Cat in e3 (1/2). Cat: e3 only (0/1).
    expect(
      [get('Ann').agreement, get('Bob').agreement, get('Cat').agreement].map((x) => [
        x.agreed,
        x.of,
      ]),
    ).toEqual([
      [1, 1],
      [1, 2],
      [0, 1],
    ]);
  });

  it('fits strengths to every pairwise outcome, provisional below the minimum, strongest first', () => {
    // e1: Ann > Bob twice. e2 runs: Cat > Ann, Ann > Cat, Ann > Cat twice. e3: Cat > Bob, Bob > Cat.
    const byHand = [
      ...Array(2).fill({ winner: 'ann', loser: 'bob' }),
      { winner: 'cat', loser: 'ann' },
      ...Array(3).fill({ winner: 'ann', loser: 'cat' }),
      { winner: 'cat', loser: 'bob' },
      { winner: 'bob', loser: 'cat' },
    ];
    const point = bradleyTerry(byHand);
    // ranked as an arena ranks: by strength, each shown however few its outcomes, marked provisional
    expect(models.map((m) => m.name)).toEqual(['Ann', 'Cat', 'Bob']);
    expect(models.map((m) => m.strength.judgments)).toEqual([6, 6, 4]);
    expect(models.map((m) => m.strength.value)).toEqual([
      point.get('ann'),
      point.get('cat'),
      point.get('bob'),
    ]);
    expect(models.every((m) => m.strength.provisional)).toBe(true);
    const ann = models[0].strength;
    expect(ann.interval!.low).toBeLessThanOrEqual(ann.value!);
    expect(ann.interval!.high).toBeGreaterThanOrEqual(ann.value!);
    const past = aggregateModels(
      entries,
      { Bob: ['bob-2025-01'] },
      { ...OPTIONS, samples: 100, minJudgments: 5 },
    );
    expect(past.map((m) => [m.name, m.strength.provisional])).toEqual([
      ['Ann', false],
      ['Cat', false],
      ['Bob', true],
    ]);
  });
});
