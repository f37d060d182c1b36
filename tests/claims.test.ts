// The fact check: claims about skills found in evaluations, measured, and judged. Table-driven over
// claims written for these tests, true and false ones, and the fixture's own size claims.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readTextFiles } from '../src/lib/content/files.ts';
import { describeFixture, FIXTURE, readFixture } from './support/helpers.ts';
import { checkClaims, holds, type SkillText } from '../src/lib/analysis/fact-check.ts';
import type { Named } from '../src/lib/reading/verdict/index.ts';

/** n lines of plain prose (no list, no heading), so line counts are exactly n. */
const prose = (n: number) =>
  Array.from({ length: n }, (_, i) => `Plain line ${i + 1} of filler prose.`).join('\n') + '\n';

const ALPHA_SKILL = [
  '---',
  'name: alpha-notes',
  'description: Write notes.',
  '---',
  '',
  '# Alpha notes',
  '',
  '## Workflow',
  '',
  '1. Read the request.',
  '2. Draft.',
  '3. Check.',
  '4. Send.',
  '',
  '## Rules',
  '',
  '- Be short.',
  '- Be plain.',
  '- Cite sources.',
  '',
  '## Examples',
  '',
  'An example paragraph.',
  '',
].join('\n');
const SKILLS: SkillText[] = [
  // 23 lines of SKILL.md and a 40-line reference: 63 lines, 2 files; 4 steps, 3 rules, 3 sections
  {
    participant: 'alpha',
    files: [
      { path: 'SKILL.md', content: ALPHA_SKILL },
      { path: 'references/guide.md', content: prose(40) },
    ],
  },
  // one file of 86 lines
  {
    participant: 'beta',
    files: [
      { path: 'SKILL.md', content: `---\nname: beta-notes\ndescription: x\n---\n${prose(82)}` },
    ],
  },
];
const NAMED: Named[] = [
  { id: 'alpha', aliases: ['alpha', 'Alpha Model', 'alpha-notes'] },
  { id: 'beta', aliases: ['beta', 'Beta Model', 'beta-notes'] },
];

const check = (text: string) => checkClaims('evaluations/judge.md', text, SKILLS, NAMED);

type Row = [
  text: string,
  expected: {
    about: string | null;
    measure: string;
    claimed: number;
    measured: number | null;
    holds: boolean | null;
    target?: string;
  }[],
];

const TABLE: Row[] = [
  // sizes of whole skills
  [
    'The Beta skill is 86 lines, single file.',
    [
      { about: 'beta', measure: 'lines', claimed: 86, measured: 86, holds: true },
      { about: 'beta', measure: 'files', claimed: 1, measured: 1, holds: true },
    ],
  ],
  [
    'The Beta skill is 87 lines long.',
    [{ about: 'beta', measure: 'lines', claimed: 87, measured: 86, holds: true }],
  ], // within one line
  [
    'The Beta skill is 90 lines long.',
    [{ about: 'beta', measure: 'lines', claimed: 90, measured: 86, holds: false }],
  ],
  [
    'Beta runs to about 90 lines.',
    [{ about: 'beta', measure: 'lines', claimed: 90, measured: 86, holds: true }],
  ], // within 10%
  [
    'Beta runs to roughly 100 lines.',
    [{ about: 'beta', measure: 'lines', claimed: 100, measured: 86, holds: false }],
  ],
  [
    'Alpha is ~60 lines across two files.',
    [
      { about: 'alpha', measure: 'lines', claimed: 60, measured: 63, holds: true },
      { about: 'alpha', measure: 'files', claimed: 2, measured: 2, holds: true },
    ],
  ],
  [
    'Alpha has three files.',
    [{ about: 'alpha', measure: 'files', claimed: 3, measured: 2, holds: false }],
  ],
  [
    'Alpha is over 100 lines.',
    [{ about: 'alpha', measure: 'lines', claimed: 100, measured: 63, holds: false }],
  ],
  [
    'Alpha stays under 100 lines.',
    [{ about: 'alpha', measure: 'lines', claimed: 100, measured: 63, holds: true }],
  ],
  // a named file of a skill
  [
    'Alpha ships a 23-line SKILL.md.',
    [
      {
        about: 'alpha',
        measure: 'lines',
        claimed: 23,
        measured: 23,
        holds: true,
        target: 'SKILL.md',
      },
    ],
  ],
  [
    'Its guide.md is 70 lines.',
    [
      {
        about: 'alpha',
        measure: 'lines',
        claimed: 70,
        measured: 40,
        holds: false,
        target: 'references/guide.md',
      },
    ],
  ],
  // structure: steps, list items and headings, in a named section or the whole SKILL.md
  [
    'Alpha gives a 4-step workflow.',
    [{ about: 'alpha', measure: 'steps', claimed: 4, measured: 4, holds: true }],
  ],
  [
    'Alpha lists seven steps.',
    [{ about: 'alpha', measure: 'steps', claimed: 7, measured: 4, holds: false }],
  ],
  [
    'The Rules section of Alpha gives 3 tight rules.',
    [{ about: 'alpha', measure: 'list-items', claimed: 3, measured: 3, holds: true }],
  ],
  [
    'Alpha has 5 list items.',
    [{ about: 'alpha', measure: 'list-items', claimed: 5, measured: 7, holds: false }],
  ],
  [
    'Alpha has four headings.',
    [{ about: 'alpha', measure: 'headings', claimed: 4, measured: 4, holds: true }],
  ], // the title and three sections
  [
    'Alpha is organised in three sections.',
    [{ about: 'alpha', measure: 'headings', claimed: 3, measured: 4, holds: false }],
  ],
  [
    'The Rules section of Alpha has 2 list items.',
    [{ about: 'alpha', measure: 'list-items', claimed: 2, measured: 3, holds: false }],
  ],
  [
    'Alpha is twice as long as Beta.',
    [{ about: 'alpha', measure: 'lines', claimed: 2, measured: 0.73, holds: false }],
  ], // 63 / 86
  [
    'Beta is 86 lines, Alpha roughly half that.',
    [
      { about: 'beta', measure: 'lines', claimed: 86, measured: 86, holds: true },
      { about: 'alpha', measure: 'lines', claimed: 0.5, measured: 0.73, holds: false },
    ],
  ],
  [
    'Both skills are about 80 lines each.',
    [
      { about: 'alpha', measure: 'lines', claimed: 80, measured: 63, holds: false },
      { about: 'beta', measure: 'lines', claimed: 80, measured: 86, holds: true },
    ],
  ],
  [
    '| | Alpha | Beta |\n|---|---|---|\n| Files | 2 | 2 |\n| Lines | ~60 | ~90 |',
    [
      { about: 'alpha', measure: 'files', claimed: 2, measured: 2, holds: true },
      { about: 'beta', measure: 'files', claimed: 2, measured: 1, holds: false },
      { about: 'alpha', measure: 'lines', claimed: 60, measured: 63, holds: true },
      { about: 'beta', measure: 'lines', claimed: 90, measured: 86, holds: true },
    ],
  ],
  [
    'Alpha and Beta were both read; its SKILL.md is 23 lines.',
    [
      {
        about: null,
        measure: 'lines',
        claimed: 23,
        measured: null,
        holds: null,
        target: 'SKILL.md',
      },
    ],
  ],
  ['Beta would be better at 50 lines.', []],
  [
    'Beta has no headings at all.',
    [{ about: 'beta', measure: 'headings', claimed: 0, measured: 0, holds: true }],
  ],
  ['Alpha has no equivalent section.', []],
  [
    'Its guide.md has a "Rules" section with three rules.',
    [
      {
        about: 'alpha',
        measure: 'list-items',
        claimed: 3,
        measured: 0,
        holds: false,
        target: 'references/guide.md',
      },
    ],
  ], // guide.md is prose only
  // the subject carried from an earlier sentence of the paragraph, or a heading
  [
    'Beta is lean. It is 86 lines.',
    [{ about: 'beta', measure: 'lines', claimed: 86, measured: 86, holds: true }],
  ],
  [
    '## Alpha\n\n- Two files, ~60 lines.',
    [
      { about: 'alpha', measure: 'files', claimed: 2, measured: 2, holds: true },
      { about: 'alpha', measure: 'lines', claimed: 60, measured: 63, holds: true },
    ],
  ],
  // which skill: the nearest name before the number
  [
    'Alpha is 63 lines, while Beta is 40 lines.',
    [
      { about: 'alpha', measure: 'lines', claimed: 63, measured: 63, holds: true },
      { about: 'beta', measure: 'lines', claimed: 40, measured: 86, holds: false },
    ],
  ],
  // not checkable: no skill named anywhere, or a file the skill does not have
  [
    'The winner is 50 lines.',
    [{ about: null, measure: 'lines', claimed: 50, measured: null, holds: null }],
  ],
  [
    'Beta has a 30-line examples.md.',
    [
      {
        about: 'beta',
        measure: 'lines',
        claimed: 30,
        measured: null,
        holds: null,
        target: 'examples.md',
      },
    ],
  ],
  // not claims about a skill
  ["Alpha includes the source's example about 1000 lines vs 100 lines.", []],
  ['Beta says to go one step at a time.', []],
  ['Alpha reads the first 3 lines of the diff.', []],
  ['Beta writes "keep it under 50 lines" in its rules.', []],
  ['Alpha: `wc -l` gives\n\n```\n999 lines\n```', []],
  ['> Beta is 5 lines long, someone said.', []],
  ['Alpha warns against 400-line diffs.', []],
  ['Beta adds 20 lines of code to every answer.', []],
  ['Alpha makes 8 good points.', []], // a generic noun counts only within a named section
];

describe('claims about skills, true and false', () => {
  it.each(TABLE)('%s', (text, expected) => {
    const got = check(text).map((c) => ({
      about: c.about,
      measure: c.measure,
      claimed: c.claimed,
      measured: c.measured,
      holds: c.holds,
      ...(c.target ? { target: c.target } : {}),
    }));
    expect(got).toEqual(expected);
  });

  it('gives the line of the claim and the sentence it stands in', () => {
    const [c] = check('# Review\n\nAlpha is good.\nIt is also short: about 60 lines.\n');
    expect(c).toMatchObject({
      line: 4,
      about: 'alpha',
      sentence: 'It is also short: about 60 lines.',
      file: 'evaluations/judge.md',
    });
  });

  it('says why a claim cannot be checked', () => {
    expect(check('Beta has a 30-line examples.md.')[0].why).toMatch(/no file examples\.md/);
    expect(check('The winner is 50 lines.')[0].why).toMatch(/which skill/);
  });
});

describe('which skill a claim is about, and whether that is a guess', () => {
  const about = (text: string) => check(text).map((c) => [c.about, c.claimed, c.guess ?? null]);

  it('a skill the sentence names is no guess', () => {
    expect(about('The Beta skill is 90 lines long.')).toEqual([['beta', 90, null]]);
  });

  it('a pronoun carries the one skill its paragraph named; after others, it is a guess', () => {
    expect(about('**Beta** is compact. Its SKILL.md is about 25 lines.')).toEqual([
      ['beta', 25, null],
    ]);
    const [[id, , guess]] = about('Alpha is long. Beta is compact. Its SKILL.md is 25 lines.');
    expect(id).toBe('beta');
    expect(guess).toMatch(/pronoun/);
  });

  it('a numbered skill the evaluation does not map stays open, whatever was named before', () => {
    const text = 'I number the skills as I read them. Beta is fine.\n\nSkill 2 has 25 lines.';
    expect(about(text)).toEqual([[null, 25, null]]);
    expect(about("Beta is tidy; the second skill's SKILL.md is 25 lines.")).toEqual([
      [null, 25, null],
    ]);
    expect(about('## Skill 1\n\nIt is 25 lines.')).toEqual([[null, 25, null]]);
  });

  it("a numbered skill is told through the evaluation's own mapping, as a guess", () => {
    const text =
      '| Label | Model |\n|---|---|\n| Skill 1 | beta |\n| Skill 2 | alpha |\n\nSkill 1 is 25 lines.';
    const [[id, claimed, guess]] = about(text);
    expect([id, claimed]).toEqual(['beta', 25]);
    expect(guess).toMatch(/number or letter/);
  });
});

describe('when a claim holds', () => {
  it.each([
    ['exact lines, one off', { measure: 'lines', claimed: 70, qualifier: 'exact' }, 71, true],
    ['exact lines, two off', { measure: 'lines', claimed: 70, qualifier: 'exact' }, 72, false],
    ['exact steps, one off', { measure: 'steps', claimed: 7, qualifier: 'exact' }, 8, false],
    [
      'about 250 lines, 10% under',
      { measure: 'lines', claimed: 250, qualifier: 'approx' },
      225,
      true,
    ],
    [
      'about 250 lines, 11% under',
      { measure: 'lines', claimed: 250, qualifier: 'approx' },
      222,
      false,
    ],
    [
      'about 5 files, one off (10% of 5 is 0.5)',
      { measure: 'files', claimed: 5, qualifier: 'approx' },
      6,
      false,
    ],
    ['at least 3 files', { measure: 'files', claimed: 3, qualifier: 'at-least' }, 3, true],
    ['over 3 files', { measure: 'files', claimed: 3, qualifier: 'more' }, 3, false],
  ] as const)('%s', (_, claim, measured, expected) => {
    expect(holds(claim, measured)).toBe(expected);
  });
});

describeFixture("the fixture's size claims", () => {
  it('are found, about the right skill, and measured', async () => {
    const skill = async (id: string, folder: string) => ({
      participant: id,
      files: await readTextFiles(path.join(FIXTURE, 'skills', folder)),
    });
    const skills = [
      await skill('codex-5-3', 'codex-5-3-karpathy-code-discipline'),
      await skill('opus-4-6', 'opus-4-6-karpathy-code-guidelines'),
    ];
    const named: Named[] = [
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
    const text = await readFixture(
      'evaluations/codex5-3_vs_opus4-6/opus-4-6-eval/skill-comparison.md',
    );
    const claims = checkClaims('evaluations/opus-4-6.md', text, skills, named);
    const sizes = claims
      .filter((c) => c.measure === 'lines' || c.measure === 'files')
      .map((c) => [c.line, c.about, c.measure, c.claimed, c.qualifier, c.measured, c.holds]);
    // the Opus skill is 70 + 178 = 248 lines in two files; the Codex skill 121 + 4 = 125 lines in
    // SKILL.md and a 4-line agents/openai.yaml, so "~120 lines" holds, and "in one file" holds with
    // a note: the metadata file beside the skill is not counted
    expect(sizes).toEqual([
      [59, 'opus-4-6', 'lines', 250, 'approx', 248, true],
      [59, 'opus-4-6', 'files', 2, 'exact', 2, true],
      [59, 'codex-5-3', 'lines', 120, 'approx', 125, true],
      [59, 'codex-5-3', 'files', 1, 'exact', 1, true],
      [143, 'opus-4-6', 'files', 2, 'exact', 2, true],
      [143, 'opus-4-6', 'lines', 250, 'approx', 248, true],
    ]);
    const oneFile = claims.find((c) => c.about === 'codex-5-3' && c.measure === 'files');
    expect(oneFile).toMatchObject({ counted: ['SKILL.md'] });
    expect(oneFile!.note).toMatch(/not counting agents\/openai\.yaml \(4 lines\)/);
    // counts scoped to a named section: the 7-step default workflow, the 8 rules of a section
    const counts = claims
      .filter((c) => c.section)
      .map((c) => [c.about, c.measure, c.claimed, c.measured, c.holds]);
    expect(counts).toContainEqual(['codex-5-3', 'steps', 7, 7, true]);
    expect(counts).toContainEqual(['codex-5-3', 'list-items', 8, 8, true]);
    expect(counts).toContainEqual(['opus-4-6', 'list-items', 7, 7, true]); // "a 'What Good Looks Like' section with seven properties"
    // "the tweet's specific example about 1000 lines vs 100 lines" is not a claim about a skill
    expect(claims.some((c) => c.claimed === 1000 || c.claimed === 100)).toBe(false);
  });
});
