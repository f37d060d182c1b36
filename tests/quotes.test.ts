import { describe, expect, it } from 'vitest';
import { checkQuotes, findQuotes, isFinding, ReferenceIndex } from '../src/lib/reading/quotes.ts';
import { describeFixture, readFixture } from './support/helpers.ts';
import { makeExperiment } from './support/experiments.ts';
import { analyze } from '../src/lib/analysis/analysis.ts';

const OPUS = 'skills/opus-4-6-karpathy-code-guidelines';
const CODEX = 'skills/codex-5-3-karpathy-code-discipline';

describeFixture('quote provenance on the fixture', () => {
  it('flags the Opus skill quote attributed to the author that the tweet does not contain', async () => {
    const source = new ReferenceIndex([
      { where: 'source', text: await readFixture('karpathy-tweet.md') },
    ]);
    const checks = checkQuotes(
      'philosophy.md',
      await readFixture(`${OPUS}/references/philosophy.md`),
      source,
      ['Karpathy'],
    );
    // the quote attributed to the author in the "central observation" paragraph (line 23)
    const taste = checks.find((q) => q.line === 23);
    expect(taste).toMatchObject({ kind: 'attributed', found: false, match: 'none' });
    expect(taste!.context).toMatch(/Karpathy/);
    expect(isFinding(taste!)).toBe(true);
    // the skill's illustrative strings (sample requests, error messages) are checked but not flagged
    const illustrative = checks.filter((q) => q.kind === 'illustrative');
    expect(illustrative.length).toBeGreaterThan(3);
    expect(checks.filter(isFinding).map((q) => q.text)).toEqual([taste!.text]);
  });

  it("finds the Opus evaluation's quote of the tweet", async () => {
    const refs = new ReferenceIndex([
      { where: 'source', text: await readFixture('karpathy-tweet.md') },
      { where: 'codex', text: await readFixture(`${CODEX}/SKILL.md`) },
      { where: 'opus', text: await readFixture(`${OPUS}/SKILL.md`) },
    ]);
    const checks = checkQuotes(
      'eval.md',
      await readFixture('evaluations/codex5-3_vs_opus4-6/opus-4-6-eval/skill-comparison.md'),
      refs,
      ['Karpathy'],
    );
    // "As Karpathy himself says: ..." (line 143), which quotes the tweet with its inner quotation
    const asHeSays = checks.find((q) => q.line === 143);
    expect(asHeSays).toMatchObject({ found: true, where: 'source', kind: 'attributed' });
    expect(asHeSays!.text.split(' ').length).toBeGreaterThan(20);
    // quotes of the skills are found in the skills
    expect(checks.filter((q) => q.where === 'codex').length).toBeGreaterThan(2);
    expect(checks.filter((q) => q.where === 'opus').length).toBeGreaterThan(1);
  });
});

describe('finding and checking quotes', () => {
  const source = new ReferenceIndex([
    {
      where: 'source',
      text: 'Ada wrote: "Keep the tests fast, and run them on every change." Then she said more.\n\nSmall steps — always.',
    },
  ]);

  it('tolerates case, punctuation, whitespace and curly quotes', () => {
    const md = 'As Ada says, “keep the   TESTS fast and run them on every change”.';
    const [q] = checkQuotes('s.md', md, source, ['Ada']);
    expect(q).toMatchObject({ found: true, kind: 'attributed', match: 'exact' });
  });

  it('reports a changed quote as close, with the words the source has', () => {
    const [q] = checkQuotes(
      's.md',
      'Ada put it plainly: "keep the tests quick, and run them on every change."',
      source,
      ['Ada'],
    );
    expect(q).toMatchObject({ found: false, match: 'close', kind: 'attributed' });
    expect(q.closest).toBe('Keep the tests fast, and run them on every change'); // as the source writes it
  });

  it('accepts quotes cut with an ellipsis', () => {
    const [q] = checkQuotes(
      's.md',
      'Her words: "Keep the tests fast ... on every change."',
      source,
      [],
    );
    expect(q.found).toBe(true);
  });

  it('tells illustrative strings from attributed ones', () => {
    const md = [
      'The user types "please add a login page now" and waits.',
      'An error such as "could not open the config file" should be shown.',
      'In the tweet he writes "small steps are always the best way".',
      'If Ada read this she would say "this is exactly what I meant".',
    ].join('\n\n');
    const kinds = findQuotes(md, ['Ada']).map((q) => q.attributed);
    expect(kinds).toEqual([false, false, true, false]);
  });

  it('ignores short quotes, code blocks, inline code and front matter', () => {
    const md =
      '---\ndescription: "four words in front matter"\n---\nSay "hi there".\n\n```\nprint("a b c d e f")\n```\n\nUse `"x y z w v"` here.\n\n> A blockquote of more than four words.\n';
    expect(findQuotes(md).map((q) => q.text)).toEqual(['A blockquote of more than four words.']);
  });
});

describe('where a quote comes from, in an experiment', () => {
  const participants = [
    { id: 'ann', model: 'Ann 1' },
    { id: 'bob', model: 'Bob 2' },
  ];
  const SOURCE =
    'Subject under 60 chars, body only when someone will thank you for it later.\n\nWrite the why, not the what.\n';
  const skill = (body: string) => `---\nname: x-skill\ndescription: x\n---\n\n${body}\n`;
  type Spec = { ann?: string; bob?: string; evaluations?: Record<string, string> };
  const quotesOf = (spec: Spec, more: Record<string, unknown> = {}) => {
    const e = makeExperiment({
      participants,
      sourceAuthor: 'Mara Quist',
      source: SOURCE,
      prompts: { generation: 'Turn the note into a skill; keep every rule you can test.' },
      skills: {
        ann: { 'SKILL.md': skill(spec.ann ?? 'Ann.') },
        bob: { 'SKILL.md': skill(spec.bob ?? 'Bob.') },
      },
      evaluations: spec.evaluations ?? {},
      ...more,
    });
    return analyze(e).quotes.map((q) => ({
      file: q.file,
      match: q.match,
      where: q.where ?? null,
      finding: isFinding(q),
      ...(q.attributedTo ? { attributedTo: q.attributedTo } : {}),
    }));
  };

  it.each([
    [
      'a quote that leaves out words is abridged, found, no finding',
      {
        ann: 'Mara Quist says: "Subject under 60 chars, body only when someone will thank you later."',
      },
      [{ file: 'skills/ann/SKILL.md', match: 'abridged', where: 'source', finding: false }],
    ],
    [
      'one wrapped over two lines is checked all the same',
      {
        ann: 'As Mara Quist puts it, "Subject under 60 chars, body only\nwhen someone will thank you for it later."',
      },
      [{ file: 'skills/ann/SKILL.md', match: 'exact', where: 'source', finding: false }],
    ],
    [
      'one made up is a finding',
      { ann: 'Mara Quist wrote: "A commit message is a letter to your future self."' },
      [{ file: 'skills/ann/SKILL.md', match: 'none', where: null, finding: true }],
    ],
    [
      "an evaluation's quote of the other model's skill quotes that skill",
      {
        bob: 'Never invent an issue number.',
        evaluations: {
          ann: 'As Mara Quist would not say, fine; but "Never invent an issue number." is a line to steal, she notes.',
        },
      },
      [
        {
          file: 'evaluations/ann.md',
          match: 'exact',
          where: 'skills/bob/SKILL.md',
          finding: false,
        },
      ],
    ],
    [
      'a quote found in the prompt quotes the prompt',
      { ann: 'The author says: "keep every rule you can test".' },
      [
        {
          file: 'skills/ann/SKILL.md',
          match: 'exact',
          where: 'prompts/generation',
          finding: false,
        },
      ],
    ],
    [
      "a skill quoting a review's own words quotes the review",
      {
        ann: 'As the author says, "the escalation section reads like a wish list".',
        evaluations: { bob: 'Ann: the escalation section reads like a wish list. Winner: bob.' },
      },
      [
        {
          file: 'skills/ann/SKILL.md',
          match: 'exact',
          where: 'evaluations/bob.md',
          finding: false,
        },
      ],
    ],
    [
      "a judge quoting the other model's report quotes that report, not the source",
      {
        evaluations: {
          bob: 'Ann misses the point: the rubric is useful for triage but stops at green CI.',
          ann: 'As the author says, "the rubric is useful for triage but stops at green CI".',
        },
      },
      [{ file: 'evaluations/ann.md', match: 'exact', where: 'evaluations/bob.md', finding: false }],
    ],
    [
      "an evaluation repeating a skill's made-up quote does not make it found",
      {
        ann: 'Mara Quist wrote: "A commit message is a letter to your future self."',
        evaluations: {
          bob: 'Ann quotes Mara Quist: "A commit message is a letter to your future self."',
        },
      },
      [
        { file: 'skills/ann/SKILL.md', match: 'none', where: null, finding: true },
        {
          file: 'evaluations/bob.md',
          match: 'exact',
          where: 'skills/ann/SKILL.md',
          finding: false,
        },
      ],
    ],
    [
      "words an evaluation gives to a participant's skill are that skill's, no finding",
      {
        evaluations: {
          ann: 'Bob 2 has more rules, including the useful "never comment code you did not change".',
        },
      },
      [
        {
          file: 'evaluations/ann.md',
          match: 'none',
          where: null,
          finding: false,
          attributedTo: 'bob',
        },
      ],
    ],
  ] as [string, Spec, unknown[]][])('%s', (_, spec, expected) => {
    expect(quotesOf(spec)).toEqual(expected);
  });

  it('with no source, a quote found nowhere is unchecked, no finding', () => {
    const quotes = quotesOf(
      { ann: 'As she says, "A commit message is a letter to your future self."' },
      { source: '' },
    );
    expect(quotes).toEqual([
      { file: 'skills/ann/SKILL.md', match: 'unchecked', where: null, finding: false },
    ]);
  });

  it('an evaluation written as JSON holds no quotations', () => {
    const json =
      '{ "judge": "ann", "reasoning": "Mara Quist says \\"a line she never wrote at all\\"" }';
    expect(quotesOf({ evaluations: { ann: json } })).toEqual([]);
  });
});
