// The headline at the top of a page, its card and its feed item: who voted for whom, claiming
// nothing about verdicts that could not be read or were only guessed.
import { describe, expect, it } from 'vitest';
import { headline } from '../src/lib/analysis/analysis.ts';
import type { Verdict } from '../src/lib/content/schema.ts';

const participants = ['ann', 'bob', 'cat'].map((id) => ({ id, model: id.toUpperCase() }));
const v = (judge: string, winner: string | null, more: Partial<Verdict> = {}): Verdict => ({
  judge,
  winner,
  evidence: '',
  ...more,
});

describe('the headline', () => {
  it.each([
    [
      'every verdict read, no self-vote',
      [v('ann', 'bob'), v('bob', 'ann')],
      'Neither model voted for itself',
    ],
    [
      'every verdict read, the same winner',
      [v('ann', 'cat'), v('bob', 'cat'), v('cat', 'bob')],
      'No model voted for itself',
    ],
    [
      'two of three verdicts not read: no "no model" about them',
      [v('ann', 'bob'), v('bob', null), v('cat', null)],
      "ANN voted for BOB's skill; 2 of 3 verdicts could not be read",
    ],
    [
      'one of three not read: each verdict read, by name',
      [v('ann', 'bob'), v('bob', 'cat'), v('cat', null)],
      'ANN voted for BOB; BOB voted for CAT; 1 of 3 verdicts could not be read',
    ],
    [
      'one of two not read',
      [v('ann', 'bob'), v('bob', null)],
      "ANN voted for BOB's skill; BOB's verdict could not be read",
    ],
    ['none read', [v('ann', null), v('bob', null)], 'No verdict could be read'],
    [
      'a self-vote a model read is said to be its reading',
      [v('ann', 'ann', { readBy: 'openai:gpt-5' }), v('bob', 'cat')],
      'ANN voted for itself (as openai:gpt-5 read it); BOB voted for CAT',
    ],
    [
      'a verdict a person pinned is no guess',
      [v('ann', 'bob', { readBy: 'openai:gpt-5', pinned: true }), v('bob', 'ann')],
      'Neither model voted for itself',
    ],
  ])('%s', (_, verdicts, expected) => {
    expect(headline(participants, verdicts)).toBe(expected);
  });
});
