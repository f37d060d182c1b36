// Each rule of the claim finder on its own, table-driven: the claims it finds in one sentence,
// with what they count, the number, how it is meant and which skill (and file) they are about.
import { describe, expect, it } from 'vitest';
import { mentionFinder, type SkillText } from '../../src/lib/analysis/fact-check.ts';
import { blankQuotations } from '../../src/lib/text/quotations.ts';
import type { ClaimBlock } from '../../src/lib/reading/claims/blocks.ts';
import { namedSection } from '../../src/lib/reading/claims/section.ts';
import {
  ClaimSentence,
  type ClaimRule,
  type Located,
} from '../../src/lib/reading/claims/sentence.ts';
import type { ClaimContext } from '../../src/lib/reading/claims/types.ts';
import { tableCell } from '../../src/lib/reading/claims/rules/table-cell.ts';
import { counted } from '../../src/lib/reading/claims/rules/counted.ts';
import { oneNamedFile, singleFile } from '../../src/lib/reading/claims/rules/one-file.ts';
import { ratio, ratioOfThat } from '../../src/lib/reading/claims/rules/ratio.ts';
import { bareNumber } from '../../src/lib/reading/claims/rules/bare-number.ts';

const SKILLS: SkillText[] = [
  {
    participant: 'alpha',
    files: [
      { path: 'SKILL.md', content: '# Alpha\n\n## Workflow\n\n1. a\n2. b\n\n## Rules\n\n- x\n' },
      { path: 'references/guide.md', content: 'x\n' },
    ],
  },
  { participant: 'beta', files: [{ path: 'SKILL.md', content: 'one\n' }] },
];
const NAMED = [
  { id: 'alpha', aliases: ['alpha', 'Alpha Model', 'alpha-notes'] },
  { id: 'beta', aliases: ['beta', 'Beta Model', 'beta-notes'] },
];
const CTX: ClaimContext = {
  participants: ['alpha', 'beta'],
  mentions: mentionFinder(NAMED, SKILLS),
  sections: [
    { id: 'alpha', file: 'SKILL.md', heading: 'Workflow' },
    { id: 'alpha', file: 'SKILL.md', heading: 'Rules' },
    { id: 'beta', file: 'SKILL.md', heading: 'Getting Started Fast' },
  ],
};

function sentenceOf(text: string, cell?: ClaimBlock['cell']): ClaimSentence {
  const block: ClaimBlock = { text, blanked: blankQuotations(text), line: 1, heading: null, cell };
  const scan = { ctx: CTX, carried: null, heading: null };
  return new ClaimSentence(block, 0, block.blanked, CTX.mentions(text), scan);
}

/** A claim, for comparing: its words, measure, number, qualifier, skill, file, compared with. */
const brief = (c: Located) => [
  c.phrase,
  c.measure,
  c.claimed,
  c.qualifier,
  c.about,
  c.target ?? c.section?.heading ?? null,
  c.relativeTo,
];

type Brief = ReturnType<typeof brief>;

/** Runs the rules given before `rule` first, as the finder does, and shows what `rule` adds. */
function claimRule(rule: ClaimRule, cases: [string, Brief[]][], before: ClaimRule[] = []) {
  describe(rule.name, () => {
    for (const [text, expected] of cases)
      it(text, () => {
        const s = sentenceOf(text);
        const found: Located[] = [];
        for (const r of before) found.push(...r.find(s, found));
        expect(rule.find(s, found).map(brief)).toEqual(expected);
      });
  });
}

describe('table-cell', () => {
  const cases: [string, ClaimBlock['cell'], Brief[]][] = [
    ['86', { about: 'beta', measure: 'lines' }, [['86', 'lines', 86, 'exact', 'beta', null, null]]],
    [
      '~90',
      { about: 'beta', measure: 'lines' },
      [['~90', 'lines', 90, 'approx', 'beta', null, null]],
    ],
    ['n/a', { about: 'beta', measure: 'lines' }, []],
    ['86', undefined, []],
  ];
  for (const [text, cell, expected] of cases)
    it(`${text} in ${JSON.stringify(cell)}`, () =>
      expect(tableCell.find(sentenceOf(text, cell), []).map(brief)).toEqual(expected));
});

claimRule(counted, [
  // "all four files": every skill's files together, no size of one skill
  ["Alpha's rule is the most practical across all four files.", []],
  [
    'Alpha is ~60 lines across two files.',
    [
      ['~60 lines', 'lines', 60, 'approx', 'alpha', null, null],
      ['two files', 'files', 2, 'exact', 'alpha', null, null],
    ],
  ],
  [
    'Beta is a tight 86-line SKILL.md.',
    [['86-line', 'lines', 86, 'exact', 'beta', 'SKILL.md', null]],
  ],
  [
    'Alpha spreads 60 lines over two files.',
    [
      ['60 lines', 'lines', 60, 'exact', 'alpha', null, null],
      ['over two files', 'files', 2, 'exact', 'alpha', null, null],
    ],
  ],
  [
    'The Workflow section of alpha has 2 steps.',
    [['2 steps', 'steps', 2, 'exact', 'alpha', 'Workflow', null]],
  ],
  ['Beta has no headings at all.', [['no headings', 'headings', 0, 'exact', 'beta', null, null]]],
  ['Beta has no file of its own.', []],
  ['Alpha works one step at a time.', []],
  ['The first 20 lines of alpha are front matter.', []],
  ['Alpha would be better at 50 lines.', []],
  ['Alpha quotes the tweet example of about 1000 lines.', []],
  ['Alpha has two reference files.', []],
  ['Alpha has seven tips.', []],
]);

claimRule(oneNamedFile, [
  ['Beta is one long SKILL.md.', [['one long SKILL.md', 'files', 1, 'exact', 'beta', null, null]]],
  [
    'In beta, everything is in SKILL.md.',
    [['everything is in SKILL.md', 'files', 1, 'exact', 'beta', null, null]],
  ],
  ['Alpha has a SKILL.md and a guide.', []],
]);

claimRule(singleFile, [
  [
    'Beta is a single 90-line file.',
    [['a single 90-line file', 'files', 1, 'exact', 'beta', null, null]],
  ],
  ['Alpha adds one reference file.', []],
  ['The tweet is a single long file.', []],
]);

claimRule(ratio, [
  [
    'Alpha is twice as long as beta.',
    [['twice as long as', 'lines', 2, 'approx', 'alpha', null, 'beta']],
  ],
  [
    'Alpha is three times the length of beta.',
    [['three times the length of', 'lines', 3, 'approx', 'alpha', null, 'beta']],
  ],
  [
    'Alpha is about a third longer than beta.',
    [['a third longer than', 'lines', 4 / 3, 'approx', 'alpha', null, 'beta']],
  ],
  ['Alpha would be half the length of beta.', []],
  ['Alpha is twice as long.', []],
]);

claimRule(
  ratioOfThat,
  [
    [
      'Beta is 86 lines, alpha roughly half that.',
      [['roughly half that', 'lines', 0.5, 'approx', 'alpha', null, 'beta']],
    ],
    ['Alpha is roughly half that.', []],
  ],
  [counted],
);

claimRule(
  bareNumber,
  [
    ['Alpha is 45 lines; beta is 90.', [['90', 'lines', 90, 'exact', 'beta', null, null]]],
    [
      'Alpha is 45 lines; beta is under 50.',
      [['under 50', 'lines', 50, 'less', 'beta', null, null]],
    ],
    ['Alpha is 45 lines and beta is great.', []],
    ['Beta is 90.', []],
  ],
  [counted],
);

describe('the named section', () => {
  const cases: [string, string | null, string | null][] = [
    ['The Workflow section has 2 steps.', null, 'Workflow'],
    ['A section called "Rules" with one rule.', null, 'Rules'],
    ['It lists rules.', null, null],
    ['Getting started fast takes 3 steps.', null, 'Getting Started Fast'],
    ['Getting started fast takes 3 steps.', 'alpha', null],
  ];
  for (const [sentence, about, heading] of cases)
    it(`${sentence} (about ${about})`, () =>
      expect(namedSection(sentence, 0, CTX.sections, about)?.heading ?? null).toBe(heading));
});
