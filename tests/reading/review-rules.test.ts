// The review reader's rules, table-driven. These are the reader author's own unit tests, written
// with the reader: they pin what each rule does, and are no measure of how well it reads. The
// measure is the review stance corpus (tests/corpus/reviews/, written by someone who had not read
// the reader; npm run bench:reviews).
import { describe, expect, it } from 'vitest';
import { NameIndex } from '../../src/lib/text/names.ts';
import { sentenceStance } from '../../src/lib/reading/review/rules/sentence-stance.ts';
import { impliedBy } from '../../src/lib/reading/review/rules/implied.ts';
import { plainNames } from '../../src/lib/reading/review/rules/names.ts';
import { readReview } from '../../src/lib/reading/review/index.ts';

describe('sentence-stance', () => {
  it.each([
    ['I would reject its conclusion on renames.', 'rejects', 2],
    ['I would not ship it as written.', 'rejects', 2],
    ["I wouldn't reject it.", 'accepts', 2],
    ['LGTM.', 'accepts', 2],
    ['Request changes: the rollback step is missing.', 'rejects', 2],
    ['I would accept the conclusion but reject the method.', 'mixed', 2],
    ['Accept with major reservations.', 'mixed', 2],
    ['The prose is clear and well structured.', 'accepts', 1],
    ['The second claim is unsupported.', 'rejects', 1],
    ['The naming could be more careful, but that is a nit.', null, 0],
    ['Would I use it as it stands?', null, 0],
    ['We would keep mine.', null, 0],
    ['The steps are listed in order.', null, 0],
  ] as const)('%s', (text, stance, strength) => {
    const s = sentenceStance(text);
    expect([s.stance, s.strength]).toEqual([stance, strength]);
  });
  it('takes no stance under a condition', () =>
    expect(sentenceStance('I would approve it once the blockers are fixed.')).toMatchObject({
      stance: null,
      conditional: true,
    }));
});

describe('implied', () => {
  it.each([
    ['mine already covers this edge case.', 'own'],
    ['The approach in mine is the safer one.', 'own'],
    ['I would keep mine rather than adopt it.', 'own'],
    ['it is better than mine.', 'other'],
    ["I'd send this one to the team rather than mine.", 'other'],
    ['mine only parses the file and guesses.', 'other'],
    ['mine has the same gap.', 'none'],
    ['mine misses it too.', 'none'],
    ['mine is shorter.', 'none'],
    ['The skill is sound.', null],
  ] as const)('%s', (text, expected) => expect(impliedBy(text)).toBe(expected));
});

describe('names', () => {
  const index = new NameIndex([
    { id: 'gpt', aliases: ['gpt-5.1'] },
    { id: 'opus', aliases: ['claude-opus-4-6'] },
    { id: 'mistral', aliases: ['mistral-large-3'] },
  ]);
  it.each([
    ["Opus's skill handles it, GPT's does not.", 'mine handles it, it does not.', false],
    ['My own analysis already covers this.', 'mine already covers this.', false],
    ["Mistral's is worse.", "Mistral's is worse.", true],
  ])('%s', (text, plain, third) =>
    expect(plainNames(text, index, 'gpt', 'opus')).toEqual({ text: plain, third }),
  );
});

describe('readReview', () => {
  const sides = {
    reviewed: { id: 'gpt', aliases: ['gpt-5.1'] },
    own: { id: 'opus', aliases: ['claude-opus-4-6'] },
    others: [{ id: 'mistral', aliases: ['mistral-large-3'] }],
  };
  it.each([
    [
      'I would reject its conclusion. Our skill handles this the way the source intends.',
      'rejects',
      'own',
    ],
    // praise and a verdict against it: it comes down more than one way, so open
    // (it read "rejects" from the last position before the reader became conservative)
    [
      'The plan is good.\n\nHowever, I would reject its conclusion. Our skill handles this the way the source intends.',
      null,
      'own',
    ],
    // a verdict on a third artifact beside one on the reviewed: open, for the reader does not
    // weigh which artifact each is about (it read "accepts" before)
    [
      "Verdict: accept.\n\nMistral's, which I would reject outright, is another story.",
      null,
      'none',
    ],
    ["Verdict: accept.\n\nMistral's is another story.", 'accepts', 'none'],
    // a review that turns: open, for the corpus has reviews whose last word is not their
    // position (it read "accepts" from the last position before)
    [
      'I was sceptical at first and would have rejected it.\n\nOn reflection, I accept it.',
      null,
      'none',
    ],
    ['Probably fine, I suppose.', null, 'none'],
    ['It is sound and I would approve it. We could use it as is.', 'accepts', 'open'],
    [
      '> I would reject anything without a rollback.\n\nIt has one. Nothing to add.',
      'accepts',
      'none',
    ],
    ['It has steps.', null, 'none'],
  ] as const)('%s', (text, stance, preference) => {
    const r = readReview(text, sides);
    expect([r.stance, r.preference ?? 'open']).toEqual([stance, preference]);
  });
});
