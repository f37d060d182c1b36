import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { locateQuote } from '../src/lib/post/pullquote.ts';
import { planPost } from '../src/lib/post/plan.ts';
import { draftPost, pickQuote } from '../src/lib/post/draft.ts';
import {
  parsePost,
  readExperiment,
  UserError,
  type Experiment,
} from '../src/lib/content/experiment.ts';
import { analyze } from '../src/lib/analysis/analysis.ts';
import { findingsOf } from '../src/lib/analysis/findings.ts';
import { SAMPLE } from './support/helpers.ts';

describe('locating a pull-quote in its file', () => {
  const text =
    '# Eval\n\nSkill 2 ties each rule to the reason\nbehind it and closes with a **test**.\n\n> “Read the message” as someone\n';
  it('ignores case, whitespace, markdown marks and quote styles, and gives the line it starts on', () => {
    expect(locateQuote('skill 2 ties each rule to the REASON behind it', text)?.line).toBe(3);
    expect(locateQuote('behind it and closes with a test.', text)?.line).toBe(4);
    expect(locateQuote('"Read the message" as someone', text)?.line).toBe(6);
  });
  it('takes "…" for words left out, in order', () => {
    expect(locateQuote('Skill 2 ties each rule … closes with a test', text)?.line).toBe(3);
    expect(locateQuote('closes with a test … Skill 2 ties', text)).toBeNull();
  });
  it('does not find an altered quote', () => {
    expect(locateQuote('Skill 2 ties every rule to the reason behind it', text)).toBeNull();
    expect(locateQuote('behind it and closes with a test!', text)).toBeNull();
  });
});

let sample: Experiment;
beforeAll(async () => {
  sample = await readExperiment(SAMPLE);
});

/** The sample experiment with another post.md: six lines of front matter, then `body`. */
const withPost = (body: string): Experiment => ({
  ...sample,
  post: parsePost(
    `---\ntitle: T\ndescription: D\nauthor: A\ndate: 2026-11-21\n---\n${body}`,
    path.join(SAMPLE, 'post.md'),
  ),
});

describe('a post and its directives', () => {
  it('reads every directive, checks each quote and points its link at the quoted line', async () => {
    const e = withPost(
      'Intro.\n\n:::quote{from="evaluations/claude-sonnet-4-5.md"}\nand closes with a test a reader can apply\n:::\n\n::matrix\n\n::figure\n\n::prompt{kind="evaluation"}\n\n::compare{a="claude-sonnet-4-5" b="gpt-5"}\n\n::finding{kind="quote"}\n\nEnd.\n',
    );
    const plan = planPost(e, ['self-vote', 'quote'])!;
    expect(plan.pieces.map((p) => p.kind)).toEqual([
      'quote',
      'matrix',
      'figure',
      'prompt',
      'compare',
      'finding',
    ]);
    // "closes with a test" is on line 8 of the evaluation (after a line break)
    expect(plan.pieces[0]).toMatchObject({
      kind: 'quote',
      target: { kind: 'evaluation', judge: 'claude-sonnet-4-5', line: 8 },
    });
    expect(plan.pieces[4]).toMatchObject({ a: 'claude-sonnet-4-5', b: 'gpt-5', file: 'SKILL.md' });
    expect(plan.pieces[5]).toEqual({ kind: 'finding', n: 2 });
    expect(plan.markdown).toContain('Intro.');
    expect(plan.markdown).toContain('cj-post-piece-5');
    expect(plan.markdown).not.toContain(':::');
  });

  it('fails with post.md and the line of the directive when a quote is not in its file', async () => {
    // front matter: 6 lines; the directive is on line 3 of the body
    const e = withPost(
      'Intro.\n\n:::quote{from="evaluations/gpt-5.md"}\nThe message is the best place that can say why.\n:::\n',
    );
    const attempt = () => planPost(e, []);
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(
      /post\.md:9: ::quote: the quoted text is not in evaluations\/gpt-5\.md/,
    );
    expect(attempt).toThrow(
      /closest passage there reads: "the message is the only place that can say why/,
    );
  });

  it('names unknown files, directives, skills and findings', () => {
    const fails = (body: string, message: RegExp, findings: string[] = []) =>
      expect(() => planPost(withPost(body), findings)).toThrow(message);
    fails(
      ':::quote{from="evaluations/nobody.md"}\nx\n:::\n',
      /post\.md:7: ::quote: from="evaluations\/nobody\.md" is not a file of this experiment/,
    );
    fails('::chart\n', /::chart: unknown directive/);
    fails('::compare{a="gpt-5" b="gpt-4"}\n', /"gpt-4" is not a skill/);
    fails('::finding{n="2"}\n', /has no findings/);
    fails(
      '::finding{kind="claim"}\n',
      /has 0 finding\(s\) of kind "claim" \(kinds here: self-vote, quote\)/,
      ['self-vote', 'quote'],
    );
  });

  it('reports a front matter field that is missing', () => {
    expect(() =>
      parsePost('---\ntitle: T\ndescription: D\ndate: 2026-11-21\n---\nx', 'post.md'),
    ).toThrow(/post\.md is not a valid post front matter:\n  author:/);
    expect(() => parsePost('no front matter', 'post.md')).toThrow(/post\.md: no front matter/);
  });
});

describe('the draft', () => {
  it('quotes each judge from its reasoning, never the label line, and passes the quote check', async () => {
    const e = sample;
    const a = analyze(e);
    const text = draftPost(e, a, new Date('2026-11-25'));
    const plan = planPost(
      { ...e, post: parsePost(text, 'post.draft.md') },
      findingsOf(e, a).map((f) => f.kind),
    )!;
    const quotes = plan.pieces.filter((p) => p.kind === 'quote');
    expect(quotes.map((q) => q.from)).toEqual([
      'evaluations/gpt-5.md',
      'evaluations/claude-sonnet-4-5.md',
    ]);
    for (const q of quotes) expect(q.markdown).not.toMatch(/winner|prefer|better skill/i);
    expect(plan.pieces.map((p) => p.kind)).toEqual(
      expect.arrayContaining(['figure', 'prompt', 'matrix', 'compare', 'finding']),
    );
    expect(text).toMatch(/^date: 2026-11-25$/m);
  });

  it('finds no reasoning to quote in an evaluation that is only its verdict', () => {
    expect(pickQuote('## Verdict\n\n**Winner:** Skill A, because it is better.\n')).toBeNull();
  });
});
