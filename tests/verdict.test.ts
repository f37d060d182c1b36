import { describe, expect, it } from 'vitest';
import { readVerdict, type Named } from '../src/lib/reading/verdict/index.ts';
import { describeFixture, readFixture } from './support/helpers.ts';

const fixtureNamed: Named[] = [
  {
    id: 'codex-5-3',
    aliases: [
      'codex-5-3',
      'Codex 5.3',
      'codex-5-3-karpathy-code-discipline',
      'karpathy-code-discipline',
    ],
  },
  {
    id: 'opus-4-6',
    aliases: [
      'opus-4-6',
      'Opus 4.6',
      'opus-4-6-karpathy-code-guidelines',
      'karpathy-code-guidelines',
    ],
  },
];

describeFixture('verdicts of the fixture evaluations', () => {
  it('reads that the Codex judge picked the Opus skill', async () => {
    const text = await readFixture(
      'evaluations/codex5-3_vs_opus4-6/codex-5-3-eval/karpathy-skill-comparison.md',
    );
    const v = readVerdict(text, fixtureNamed);
    expect(v.winner).toBe('opus-4-6');
    expect(v.evidence).toContain('opus-4-6-karpathy-code-guidelines');
  });
  it('reads that the Opus judge picked the Codex skill', async () => {
    const text = await readFixture(
      'evaluations/codex5-3_vs_opus4-6/opus-4-6-eval/skill-comparison.md',
    );
    const v = readVerdict(text, fixtureNamed);
    expect(v.winner).toBe('codex-5-3');
    expect(v.evidence).toMatch(/Winner/);
  });
});

const named: Named[] = [
  { id: 'gpt-5', aliases: ['gpt-5', 'GPT 5', 'gpt-5-tidy-tests', 'tidy-tests'] },
  {
    id: 'claude-sonnet-4-5',
    aliases: [
      'claude-sonnet-4-5',
      'Claude Sonnet 4.5',
      'claude-sonnet-4-5-test-hygiene',
      'test-hygiene',
    ],
  },
];

describe('verdict phrasings', () => {
  const cases: [string, string, string | null][] = [
    [
      'bold label with the folder name',
      '# Review\n\nSome notes.\n\n**Verdict:** claude-sonnet-4-5-test-hygiene is stronger.\n',
      'claude-sonnet-4-5',
    ],
    ['label with the colon inside bold', '**Winner: gpt-5-tidy-tests**\n', 'gpt-5'],
    [
      'Decision heading, first sentence',
      '# Eval\n\n## Decision\n\nThe `test-hygiene` skill is the better one.\n',
      'claude-sonnet-4-5',
    ],
    [
      'shortened name over the other',
      '## Verdict\n\nI pick tidy-tests over test-hygiene.\n',
      'gpt-5',
    ],
    [
      'comparative with both names',
      '## Conclusion\n\nClaude Sonnet 4.5 is clearly better than GPT 5 here.\n',
      'claude-sonnet-4-5',
    ],
    ['model family only', '## Winner\n\nSonnet, by a wide margin.\n', 'claude-sonnet-4-5'],
    [
      'ordinal next to the name, decided by ordinal',
      'Skill 1 (gpt-5-tidy-tests) and Skill 2 (claude-sonnet-4-5-test-hygiene) were compared.\n\n## Decision\n\nSkill 2 is the better skill.\n',
      'claude-sonnet-4-5',
    ],
    [
      'first sentence when there is no heading',
      'Between the two, gpt-5-tidy-tests is the one I would ship.\n\nMore notes follow.\n',
      'gpt-5',
    ],
    [
      'subject praised, the other conceded',
      '## Final verdict\n\nAfter weighing everything, test-hygiene is the stronger skill, though tidy-tests has better examples.\n',
      'claude-sonnet-4-5',
    ],
    [
      'the better one named last',
      '## Verdict\n\nWhile tidy-tests is tidy, the better skill is test-hygiene.\n',
      'claude-sonnet-4-5',
    ],
    [
      'praise in a later clause is not the subject',
      '## Verdict\n\ntidy-tests is tidy, and the test-hygiene skill is better at edge cases than at basics.\n',
      null,
    ],
    [
      'the better skill is X',
      '## Verdict\n\nThe better skill is test-hygiene, while tidy-tests is thinner.\n',
      'claude-sonnet-4-5',
    ],
    ['a tie', '## Verdict\n\nIt is a tie: both skills are equally strong.\n', null],
    [
      'names both without a winner',
      '## Verdict\n\ngpt-5-tidy-tests and claude-sonnet-4-5-test-hygiene both have merits.\n',
      null,
    ],
    [
      'an HTML comment is not the first sentence',
      '<!-- gpt-5-tidy-tests vs claude-sonnet-4-5-test-hygiene -->\n\nI would ship test-hygiene.\n',
      'claude-sonnet-4-5',
    ],
    ['no decision at all', '# Notes\n\nThese are two skills about tests.\n', null],
    [
      'a negative sentence about one skill',
      '## Verdict\n\ntidy-tests is not the better skill here.\n',
      null,
    ],
    [
      'a pick negated before the name',
      '## Verdict\n\nI would not pick tidy-tests over test-hygiene.\n',
      null,
    ],
    [
      'a pick, then what is wrong with the other',
      '## Verdict\n\nI pick tidy-tests: test-hygiene never says when to stop.\n',
      'gpt-5',
    ],
    [
      'nearly a tie, then broken',
      'It is very nearly a tie. If forced, I give it to test-hygiene.\n',
      'claude-sonnet-4-5',
    ],
    [
      'contradicting itself',
      '**Winner: gpt-5-tidy-tests**\n\n## Bottom line\n\nPick claude-sonnet-4-5-test-hygiene.\n',
      null,
    ],
  ];
  for (const [name, text, winner] of cases) {
    it(name, () => {
      const v = readVerdict(text, named);
      expect(v.winner).toBe(winner);
      if (winner === null) expect(v.reason.length).toBeGreaterThan(5);
    });
  }

  it('drops a name both participants share instead of guessing', () => {
    const same: Named[] = [
      { id: 'a', aliases: ['a-model', 'tweet-skill'] },
      { id: 'b', aliases: ['b-model', 'tweet-skill'] },
    ];
    expect(readVerdict('## Verdict\n\ntweet-skill wins.\n', same).winner).toBeNull();
  });
});
