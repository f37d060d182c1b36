// Each rule of the verdict reader on its own, table-driven: what it reads in a sentence or a
// document, and what it leaves to the rules after it (undefined) or decides is nothing (null).
import { describe, expect, it } from 'vitest';
import { blocks } from '../../src/lib/text/markdown.ts';
import { NameIndex } from '../../src/lib/text/names.ts';
import {
  LABELLED,
  MENTION,
  STRONG,
  WEAK,
  type Decision,
  type DocumentRule,
  type RankingRule,
  type SentenceRule,
  type Strength,
  type SeveralRule,
  type VerdictContext,
  type VerdictDocument,
} from '../../src/lib/reading/verdict/decision.ts';
import { factsOf } from '../../src/lib/reading/verdict/sentence.ts';
import { readPassage } from '../../src/lib/reading/verdict/passage.ts';
import { tie } from '../../src/lib/reading/verdict/rules/tie.ts';
import { shortLabel } from '../../src/lib/reading/verdict/rules/short-label.ts';
import { formerLatter } from '../../src/lib/reading/verdict/rules/former-latter.ts';
import { unsure } from '../../src/lib/reading/verdict/rules/unsure.ts';
import { conditional } from '../../src/lib/reading/verdict/rules/conditional.ts';
import { labelLine } from '../../src/lib/reading/verdict/rules/label-line.ts';
import { otherOne } from '../../src/lib/reading/verdict/rules/other-one.ts';
import { evaluatorOf, ownMentions } from '../../src/lib/reading/verdict/rules/own-skill.ts';
import { oneNamed } from '../../src/lib/reading/verdict/rules/one-named.ts';
import { severalNamed } from '../../src/lib/reading/verdict/rules/several-named.ts';
import { cueStrength } from '../../src/lib/reading/verdict/rules/cue-strength.ts';
import { contrast } from '../../src/lib/reading/verdict/rules/contrast.ts';
import { loserFirst } from '../../src/lib/reading/verdict/rules/loser-first.ts';
import { pick } from '../../src/lib/reading/verdict/rules/pick.ts';
import { negative } from '../../src/lib/reading/verdict/rules/negative.ts';
import { praised } from '../../src/lib/reading/verdict/rules/praised.ts';
import { comparison } from '../../src/lib/reading/verdict/rules/comparison.ts';
import { labelLines } from '../../src/lib/reading/verdict/rules/label-lines.ts';
import { taskList } from '../../src/lib/reading/verdict/rules/task-list.ts';
import { totalRow } from '../../src/lib/reading/verdict/rules/total-row.ts';
import { winnerRow } from '../../src/lib/reading/verdict/rules/winner-row.ts';
import { rankingLine } from '../../src/lib/reading/verdict/rules/ranking-line.ts';
import { rankedList } from '../../src/lib/reading/verdict/rules/ranked-list.ts';
import { rankTable } from '../../src/lib/reading/verdict/rules/rank-table.ts';
import { ordinalProse } from '../../src/lib/reading/verdict/rules/ordinal-prose.ts';
import { placeLines } from '../../src/lib/reading/verdict/rules/place-lines.ts';
import {
  concludingSections,
  decisiveSections,
} from '../../src/lib/reading/verdict/rules/sections.ts';
import { anywhere, firstSentence } from '../../src/lib/reading/verdict/rules/opening.ts';
import { labelTable } from '../../src/lib/reading/verdict/rules/label-table.ts';
import { revisionStart } from '../../src/lib/reading/verdict/rules/revision.ts';
import { noVerdictReason } from '../../src/lib/reading/verdict/rules/blind-labels.ts';

const TIDY = 'gpt-5';
const HYGIENE = 'sonnet';
const NAMED = [
  { id: TIDY, aliases: ['gpt-5', 'GPT 5', 'gpt-5-tidy-tests', 'tidy-tests'] },
  {
    id: HYGIENE,
    aliases: [
      'claude-sonnet-4-5',
      'Claude Sonnet 4.5',
      'claude-sonnet-4-5-test-hygiene',
      'test-hygiene',
    ],
  },
];
const ctx = (more: Partial<VerdictContext> = {}): VerdictContext => ({
  index: new NameIndex(NAMED),
  labels: {},
  participants: [TIDY, HYGIENE],
  self: null,
  ...more,
});
const doc = (markdown: string): VerdictDocument => ({
  blocks: blocks(markdown),
  ctx: ctx(),
  count: NAMED.length,
});

/** What a decision says, for comparing: winner, strength, and why when there is no winner. */
type Told = { winner: string | null; strength: number; why?: string };
type Said = Told | null | undefined;
const said = (d: Decision | null | undefined): Said =>
  d && { winner: d.winner, strength: d.strength, ...(d.winner === null ? { why: d.why } : {}) };

type SentenceCase = [text: string, expected: Said];

function sentenceRule(rule: SentenceRule, cases: SentenceCase[], more?: Partial<VerdictContext>) {
  describe(rule.name, () => {
    for (const [text, expected] of cases)
      it(text, () => {
        const c = ctx(more);
        expect(said(rule.read(factsOf({ text, marked: [] }, c), c))).toEqual(expected);
      });
  });
}

const won = (winner: string, strength: number): Told => ({ winner, strength });
const open = (strength: number, why: string): Told => ({ winner: null, strength, why });

sentenceRule(tie, [
  ['It is a tie: both skills are equally strong.', open(STRONG, 'the evaluation calls it a tie')],
  ['tidy-tests and test-hygiene are on par.', open(STRONG, 'the evaluation calls it a tie')],
  ['It is very nearly a tie.', undefined],
  ['Winner: test-hygiene, though the two are on par for examples.', undefined],
  ['tidy-tests is better.', undefined],
]);

sentenceRule(
  shortLabel,
  [
    ['Winner: B', won(HYGIENE, LABELLED)],
    ['Winner: tidy', won(TIDY, LABELLED)],
    ['Winner: not the first, sadly', null],
    ['These are two skills about tests.', null],
    ['tidy-tests is good.', undefined],
  ],
  { labels: { 'Response A': TIDY, 'Response B': HYGIENE } },
);

sentenceRule(formerLatter, [
  [
    'Between tidy-tests and test-hygiene, the latter is the one I would install.',
    won(HYGIENE, STRONG),
  ],
  ['Between tidy-tests and test-hygiene, the former is stronger.', won(TIDY, STRONG)],
  ['Between tidy-tests and test-hygiene, the latter is not as good.', undefined],
  ['tidy-tests is fine and the latter works.', undefined],
]);

sentenceRule(unsure, [
  ['Maybe test-hygiene, maybe tidy-tests.', open(STRONG, 'the evaluation is not sure')],
  ['Is test-hygiene better?', open(STRONG, 'the evaluation is not sure')],
  ['test-hygiene is better.', undefined],
]);

sentenceRule(conditional, [
  [
    'If you need speed, pick tidy-tests; otherwise test-hygiene.',
    open(STRONG, 'the evaluation makes its pick depend on a condition'),
  ],
  [
    'If you write many tests, tidy-tests is the better pick.',
    open(MENTION, 'the evaluation picks only under a condition'),
  ],
  ['For small teams: test-hygiene.', open(MENTION, 'the evaluation picks only under a condition')],
  ['If I had to pick one, tidy-tests.', undefined],
]);

describe('conditional: the pick under the condition', () => {
  const read = (text: string) => conditional.read(factsOf({ text, marked: [] }, ctx()), ctx());
  it('is kept for a plain pick, not for a negative one', () => {
    expect(read('If you write many tests, tidy-tests is the better pick.')?.conditional).toBe(TIDY);
    expect(read('If you want speed, tidy-tests is not the one.')?.conditional).toBeUndefined();
  });
});

sentenceRule(otherOne, [
  ['Winner: not tidy-tests, despite its examples.', won(HYGIENE, LABELLED)],
  ["If I had to ship one today, it wouldn't be test-hygiene.", won(TIDY, STRONG)],
  ["If I had to pick, it wouldn't be tidy-tests' examples that decide.", undefined],
  ['Winner: tidy-tests, not test-hygiene.', undefined],
  ['tidy-tests is not the one.', undefined],
]);

sentenceRule(otherOne, [['Winner: not tidy-tests, despite its examples.', undefined]], {
  participants: [TIDY, HYGIENE, 'third'],
});

describe('own skill', () => {
  const self = (markdown: string) => evaluatorOf(blocks(markdown), new NameIndex(NAMED));
  const cases: [string, string | null][] = [
    ['(Evaluator: Claude Sonnet 4.5. I am grading my own work.)', HYGIENE],
    ['I am GPT 5, and I judged both.', TIDY],
    ['I am grading my own work.', null],
    ['Evaluator: GPT 5\n\nJudge: Claude Sonnet 4.5', null],
  ];
  for (const [markdown, id] of cases)
    it(`the judge of ${JSON.stringify(markdown)}`, () => expect(self(markdown)).toBe(id));
  it('is a name of the judge once the evaluation says who it is', () => {
    expect(ownMentions('Winner: my own skill.', HYGIENE)).toEqual([
      { id: HYGIENE, start: 8, end: 20 },
    ]);
    expect(ownMentions('Winner: my own skill.', null)).toEqual([]);
  });
});

sentenceRule(labelLine, [['Winner: my own skill.', won(HYGIENE, LABELLED)]], { self: HYGIENE });

sentenceRule(labelLine, [
  ['Winner: gpt-5-tidy-tests', won(TIDY, LABELLED)],
  [
    'Verdict: not tidy-tests, despite its examples.',
    open(MENTION, 'the label says which is not the winner'),
  ],
  ['Verdict: test-hygiene over tidy-tests.', won(HYGIENE, LABELLED)],
  [
    'Verdict: tidy-tests and test-hygiene both have merits.',
    open(LABELLED, 'the label names several skills without a clear winner'),
  ],
  ['tidy-tests is better.', undefined],
]);

sentenceRule(oneNamed, [
  ['test-hygiene wins.', won(HYGIENE, STRONG)],
  ['test-hygiene is better.', won(HYGIENE, WEAK)],
  ['test-hygiene has examples.', won(HYGIENE, MENTION)],
  ['Brevity: test-hygiene wins.', won(HYGIENE, WEAK)],
  [
    'tidy-tests is not the better skill here.',
    open(WEAK, 'the deciding sentence names one skill but in a negative way'),
  ],
  ['tidy-tests and test-hygiene compared.', undefined],
]);

sentenceRule(severalNamed, [
  ['test-hygiene is better than tidy-tests.', won(HYGIENE, WEAK)],
  ['I pick tidy-tests over test-hygiene.', won(TIDY, STRONG)],
  [
    'tidy-tests and test-hygiene both have merits.',
    open(MENTION, 'the deciding sentence names several skills without a clear winner'),
  ],
]);

describe('cue strength', () => {
  const cases: [string, number, number][] = [
    ['test-hygiene wins.', 1, STRONG],
    ['I would ship test-hygiene.', 1, STRONG],
    ['test-hygiene is better.', 1, WEAK],
    ['tidy-tests rather than test-hygiene', 2, WEAK],
    ['tidy-tests rather than test-hygiene', 1, MENTION],
    ['test-hygiene has examples.', 1, MENTION],
    ['Brevity: test-hygiene wins.', 1, WEAK],
    ['Overall: test-hygiene wins.', 1, STRONG],
  ];
  for (const [text, named, strength] of cases)
    it(`${text} (${named} named)`, () => expect(cueStrength(text, named)).toBe(strength));
});

function severalRule(rule: SeveralRule, cases: [string, string | null | undefined][]) {
  describe(rule.name, () => {
    for (const [text, expected] of cases)
      it(text, () => {
        const f = factsOf({ text, marked: [] }, ctx());
        expect(rule.read(f.subject, f.mentions, ctx())).toBe(expected);
      });
  });
}

severalRule(contrast, [
  ['tidy-tests has nicer examples, but test-hygiene is the stronger skill.', HYGIENE],
  ['tidy-tests is good, but test-hygiene is not.', undefined],
  ['tidy-tests is good, but it lacks examples.', undefined],
  ['test-hygiene is better than tidy-tests.', undefined],
]);

severalRule(loserFirst, [
  ['tidy-tests is clearly worse than test-hygiene.', HYGIENE],
  ['tidy-tests loses to test-hygiene on clarity.', HYGIENE],
  ['tidy-tests is beaten by test-hygiene.', HYGIENE],
  ['tidy-tests is not worse than test-hygiene.', undefined],
  ['tidy-tests was never beaten by test-hygiene.', undefined],
  ['tidy-tests is worse than test-hygiene, not better.', undefined],
]);

severalRule(pick, [
  ['I pick tidy-tests over test-hygiene.', TIDY],
  ['test-hygiene is the one I would pick over tidy-tests.', HYGIENE],
  ['I would not pick tidy-tests over test-hygiene.', undefined],
  ['I pick tidy-tests: test-hygiene never says when to stop.', TIDY],
  ['tidy-tests and test-hygiene differ.', undefined],
]);

severalRule(negative, [
  ['tidy-tests is not as good as test-hygiene.', null],
  ['tidy-tests beats test-hygiene.', undefined],
]);

severalRule(praised, [
  ['test-hygiene is the stronger skill, though tidy-tests has better examples.', HYGIENE],
  ['The better skill is test-hygiene, while tidy-tests is thinner.', HYGIENE],
  ['tidy-tests is better at setup and test-hygiene is better at naming.', undefined],
  ['tidy-tests is better and test-hygiene is best.', undefined],
]);

severalRule(comparison, [
  ['test-hygiene is clearly better than tidy-tests.', HYGIENE],
  ['Over tidy-tests, I favour test-hygiene.', HYGIENE],
  ['tidy-tests beats test-hygiene.', TIDY],
  ['tidy-tests and test-hygiene differ.', null],
]);

describe('a passage', () => {
  const read = (texts: string[], floor: Strength = MENTION) =>
    said(
      readPassage(
        texts.map((text) => ({ text, marked: [] })),
        ctx(),
        floor,
      ),
    );
  it('is decided by its strongest sentence', () => {
    expect(read(['test-hygiene has examples.', 'tidy-tests wins.'])).toEqual(won(TIDY, STRONG));
  });
  it('names no winner when its strongest sentences disagree', () => {
    expect(read(['tidy-tests is better.', 'test-hygiene is better.'])?.winner).toBeNull();
  });
  it('depends on a condition when two picks each have one', () => {
    expect(read(['If you want speed, tidy-tests.', 'If you want rigour, test-hygiene.'])).toEqual(
      open(STRONG, 'the evaluation makes its pick depend on a condition'),
    );
  });
  it('answers with a name it opens with, when nothing decides', () => {
    expect(read(['The test-hygiene one.', 'Some notes.'])).toEqual(won(HYGIENE, MENTION));
  });
  it('leaves out sentences weaker than its floor', () => {
    expect(read(['test-hygiene has examples.'], WEAK)).toBeNull();
  });
});

type DocumentCase = [markdown: string, expected: Told[]];

function documentRule(rule: DocumentRule, cases: DocumentCase[], found: Decision[] = []) {
  describe(rule.name, () => {
    for (const [markdown, expected] of cases)
      it(JSON.stringify(markdown), () =>
        expect(
          rule.read(doc(markdown), found).map((d) => ({ winner: d.winner, strength: d.strength })),
        ).toEqual(expected),
      );
  });
}

documentRule(labelLines, [
  ['# Review\n\n**Verdict:** test-hygiene is stronger.\n', [won(HYGIENE, LABELLED)]],
  ['Notes.\n\nWinner: tidy-tests\n', [won(TIDY, LABELLED)]],
  ['No label here. test-hygiene is better.\n', []],
]);

documentRule(taskList, [
  ['- [x] tidy-tests\n- [ ] test-hygiene\n', [won(TIDY, LABELLED)]],
  ['- [x] tidy-tests\n- [x] test-hygiene\n', []],
  ['- [x] tidy-tests\n- [ ] something else\n', []],
]);

const SCORES = '| | tidy-tests | test-hygiene |\n|---|---|---|\n| Clarity | 4 | 5 |\n';
documentRule(totalRow, [
  [`${SCORES}| Total | 7 | 9 |\n`, [won(HYGIENE, WEAK)]],
  [`${SCORES}| Total | 9 | 9 |\n`, []],
  ['| | A | B |\n|---|---|---|\n| Total | 7 | 9 |\n', []],
]);

documentRule(winnerRow, [
  [`${SCORES}| Winner | | ✅ |\n`, [won(HYGIENE, LABELLED)]],
  ['| Criterion | Result |\n|---|---|\n| Verdict | test-hygiene |\n', [won(HYGIENE, LABELLED)]],
  ['| Winner | tidy-tests | test-hygiene |\n|---|---|---|\n| Clarity | 4 | 5 |\n', []],
]);

function rankingRule(rule: RankingRule, cases: [string, string[][]][]) {
  describe(rule.name, () => {
    for (const [markdown, expected] of cases)
      it(JSON.stringify(markdown), () =>
        expect(rule.find(doc(markdown)).map((r) => r.ids)).toEqual(expected),
      );
  });
}

rankingRule(rankingLine, [
  ['Ranking: test-hygiene > tidy-tests\n', [[HYGIENE, TIDY]]],
  ['test-hygiene -> tidy-tests\n', [[HYGIENE, TIDY]]],
  ['a > b\n', []],
]);

rankingRule(rankedList, [
  ['## Ranking\n\n1. test-hygiene — thorough\n2. tidy-tests — thin\n', [[HYGIENE, TIDY]]],
  ['From worst to best:\n\n- tidy-tests\n- test-hygiene\n', [[HYGIENE, TIDY]]],
  ['## Notes\n\n- tidy-tests\n- test-hygiene\n', []],
]);

rankingRule(rankTable, [
  ['| Rank | Skill |\n|---|---|\n| 1 | test-hygiene |\n| 2 | tidy-tests |\n', [[HYGIENE, TIDY]]],
  ['| Rank | Skill |\n|---|---|\n| 1 | test-hygiene |\n| 3 | tidy-tests |\n', []],
]);

rankingRule(ordinalProse, [
  ['test-hygiene takes first place, and tidy-tests comes second.\n', [[HYGIENE, TIDY]]],
  ['tidy-tests is last; test-hygiene is first.\n', [[HYGIENE, TIDY]]],
  ['The first draft of tidy-tests was weak, test-hygiene is second.\n', []],
]);

rankingRule(placeLines, [
  ['1st: test-hygiene\n2nd: tidy-tests\n', [[HYGIENE, TIDY]]],
  ['2nd: tidy-tests\n', []],
]);

documentRule(decisiveSections, [
  ['## Verdict\n\ntest-hygiene is the better one.\n', [won(HYGIENE, STRONG)]],
  ['## Verdict\n\ntest-hygiene is better.\n', [won(HYGIENE, STRONG)]],
  ['## Summary\n\ntest-hygiene is the better one.\n', []],
]);

documentRule(concludingSections, [
  ['## Summary\n\ntest-hygiene is better.\n', [won(HYGIENE, WEAK)]],
  ['## Summary\n\ntest-hygiene has examples.\n', [won(HYGIENE, WEAK)]],
  ['## Notes\n\ntest-hygiene is better.\n', []],
]);

documentRule(
  concludingSections,
  [['## Summary\n\ntest-hygiene is better.\n', []]],
  [{ winner: HYGIENE, strength: STRONG, evidence: 'test-hygiene is better.' }],
);

documentRule(firstSentence, [
  ['Between the two, tidy-tests is the one I would ship.\n\nMore notes.\n', [won(TIDY, STRONG)]],
  ['# Title\n\nThese are two skills. tidy-tests wins.\n', []],
]);

documentRule(anywhere, [
  ['Some notes.\n\nIf forced, I give it to test-hygiene.\n', [won(HYGIENE, STRONG)]],
  ['Some notes.\n\ntest-hygiene has examples.\n', []],
]);

describe('label table', () => {
  const table = (markdown: string, given: Record<string, string> = {}) =>
    labelTable(blocks(markdown), new NameIndex(NAMED), given);
  const cases: [string, Record<string, string>, Record<string, string>][] = [
    [
      'Response A: tidy-tests\nResponse B: test-hygiene\n\nResponse B is better.\n',
      {},
      { 'Response A': TIDY, 'Response B': HYGIENE },
    ],
    [
      'Skill 1 (gpt-5-tidy-tests) and Skill 2 (claude-sonnet-4-5-test-hygiene) were compared.\n',
      {},
      { 'Skill 1': TIDY, 'Skill 2': HYGIENE },
    ],
    [
      'Response A: tidy-tests\nResponse B: test-hygiene\n',
      { 'Response A': TIDY },
      { 'Response B': HYGIENE },
    ],
    ['Response A: tidy-tests\nResponse A: test-hygiene\n', {}, {}],
  ];
  for (const [markdown, given, expected] of cases)
    it(JSON.stringify(markdown), () => expect(table(markdown, given)).toEqual(expected));
});

describe('revision', () => {
  const cases: [string, number][] = [
    ['Winner: tidy-tests\n\nEdit: on reflection, test-hygiene.\n', 1],
    ['Winner: tidy-tests\n\nMore notes.\n', -1],
    ['Update: the winner is tidy-tests.\n', -1],
  ];
  for (const [markdown, start] of cases)
    it(JSON.stringify(markdown), () => expect(revisionStart(blocks(markdown))).toBe(start));
});

describe('no verdict', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['Response A is long. Response B is short.', {}, /blind labels/],
    ['Response A is long. Response B is short.', { 'Response A': TIDY }, /no sentence/],
    ['Nothing here.', {}, /no sentence/],
  ];
  for (const [markdown, labels, reason] of cases)
    it(markdown, () => expect(noVerdictReason(markdown, labels)).toMatch(reason));
});
