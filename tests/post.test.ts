import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { locateQuote } from '../src/lib/post/pullquote.ts';
import { planPost } from '../src/lib/post/plan.ts';
import { draftPost, experimentDate, pickQuote } from '../src/lib/post/draft.ts';
import { verdictQuote } from '../src/lib/post/quotable.ts';
import { pickSourceSentence } from '../src/lib/post/source-quote.ts';
import { skillSentence } from '../src/lib/post/made.ts';
import { outline } from '../src/lib/analysis/measure.ts';
import { distinctiveStems, typeset } from '../src/lib/post/story.ts';
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

/** The sample's draft, its plan (every quote checked as the build checks it) and its analysis. */
function sampleDraft(e: Experiment = sample, options: { author?: string } = { author: 'Ada' }) {
  const a = analyze(e);
  const text = draftPost(e, a, { date: new Date('2026-11-25'), ...options });
  const plan = planPost(
    { ...e, post: parsePost(text, path.join(SAMPLE, 'post.draft.md')) },
    findingsOf(e, a)
      .filter((f) => f.certain)
      .map((f) => f.kind),
  )!;
  return { a, text, plan };
}

describe('the draft', () => {
  it('tells the story in order: setup, what each model made, the judging, the findings, the numbers', () => {
    const { text } = sampleDraft();
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([
      'The setup',
      'What each model made',
      'The judging',
      'What the models got wrong',
      'In short',
    ]);
    // the flow figure and the prompts in the setup, the verdict figure in the judging
    const setup = text.slice(text.indexOf('## The setup'), text.indexOf('## What each'));
    expect(setup).toMatch(/^::flow$/m);
    expect(setup).toMatch(/^::prompt\{kind="generation"\}$/m);
    const judging = text.slice(text.indexOf('## The judging'), text.indexOf('## What the models'));
    expect(judging).toMatch(/^::figure$/m);
    // the side-by-side and the matrix stay in the appendix
    expect(text).not.toMatch(/^::(compare|matrix)/m);
  });

  it('takes its title from the strongest certain finding, said once, and the lede says the rest', () => {
    const { a, text, plan } = sampleDraft();
    const quote = findingsOf(sample, a).find((f) => f.kind === 'quote' && f.certain)!;
    expect(plan.meta.title.toLowerCase()).toBe(quote.text.toLowerCase());
    expect(text.split(plan.meta.title).length - 1).toBe(1);
    // who voted for whom: said once, in the judging (not in the lede, which the page shows too)
    const headline = a.headline.replace(/'/g, '’');
    expect(plan.meta.description).not.toContain(headline);
    expect(text.split(headline).length - 1).toBe(1);
    const judging = text.slice(text.indexOf('## The judging'), text.indexOf('## What the models'));
    expect(judging).toContain(`\n${headline}.\n`);
  });

  it('quotes each model’s artifact, each judge’s verdict in its own words (never a bare label line), and the source; every quote passes the check', () => {
    const { plan } = sampleDraft();
    const quotes = plan.pieces.filter((p) => p.kind === 'quote');
    const from = quotes.map((q) => q.from);
    for (const s of sample.skills)
      expect(from.some((f) => f.startsWith(`skills/${s.participant}/`))).toBe(true);
    for (const ev of sample.evaluations) expect(from).toContain(ev.path);
    expect(from).toContain(sample.manifest.source);
    const judging = quotes.filter((q) => q.from.startsWith('evaluations/')).slice(0, 2);
    // Claude Sonnet 4.5's verdict sentence; GPT-5's starts "Winner: …. It keeps …": no dangling "It"
    expect(judging[1].markdown).toBe(
      sample.manifest.verdicts.find((v) => v.judge === 'claude-sonnet-4-5')!.evidence,
    );
    for (const q of judging) {
      expect(q.markdown).not.toMatch(/^(It|But|This|They)\b/);
      expect(q.markdown).not.toMatch(/^\W*Winner\b/i);
    }
  });

  it('reads a verdict after a bare label line, and a verdict sentence ending in a colon with its list', () => {
    const labelled =
      '## Verdict\n\n**Winner: skill-a**\n\nThe A skill is the more faithful one. It keeps the steps short and plain. But B is fine.\n';
    expect(verdictQuote(labelled, 'Winner: skill-a')).toBe('The A skill is the more faithful one.');
    const listed =
      '## Decision\n\n`skill-a` is the better match for both:\n\n1. what the note says, and\n2. what its author values.\n';
    expect(verdictQuote(listed, 'skill-a is the better match for both:')).toBe(
      'skill-a is the better match for both: what the note says, and what its author values.',
    );
    // a verdict that leans on what came before is not quoted alone
    expect(
      verdictQuote('Winner: B. It is shorter and plainer than A.\n', 'Winner: B. It is shorter'),
    ).toBeNull();
  });

  it('tells a quote found nowhere: the line that gives it to the author, the source’s silence, each judge', () => {
    const { a, text, plan } = sampleDraft();
    const q = a.findings[0];
    const story = text.slice(text.indexOf('## What the models got wrong'));
    const skillQuote = plan.pieces.find(
      (p) => p.kind === 'quote' && p.target.kind === 'skill' && p.target.line === q.line,
    );
    expect(skillQuote, 'the skill’s own line is quoted').toBeDefined();
    expect(story).toContain(`never says “${q.text.replace(/[.,;:]+$/, '')}”`);
    // what was searched: only texts the experiment records (no prompts here when it has none)
    const bare = sampleDraft({ ...sample, manifest: { ...sample.manifest, prompts: {} } }).text;
    const searched = (s: string) => s.match(/these words are nowhere in ([^.]+)\./)?.[1];
    expect(searched(text)).toBe('the source, the prompts, the skills or the evaluations');
    expect(searched(bare)).toBe('the source, the skills or the evaluations');
    // the judge that doubts it in its own words is said to question it, with its words quoted
    expect(story).toMatch(
      /GPT-5’s evaluation questions it:\n\n:::quote\{from="evaluations\/gpt-5\.md"\}/,
    );
    expect(story).toMatch(/Claude Sonnet 4\.5’s own evaluation does not mention it\./);
  });

  it('quotes a judge’s sizes of the skills with what the fact check measured, and a self-vote with its words', () => {
    const { a, text } = sampleDraft();
    const story = text.slice(text.indexOf('## What the models got wrong'));
    const failing = a.claims.find((c) => c.holds === false)!;
    expect(story).toContain(`“${failing.phrase}”`);
    expect(story).toMatch(new RegExp(`has ${failing.measured} lines.*it does not hold`));
    // the self-vote is told once, in the judging, with the judge's words; not again as a finding
    const self = a.verdicts.find((v) => v.self)!;
    const judging = text.slice(text.indexOf('## The judging'), text.indexOf('## What the models'));
    expect(judging).toContain('Claude Sonnet 4.5 picked its own skill:');
    expect(judging).toContain(self.evidence!.replace(/\*\*/g, ''));
    expect(judging).toContain('Claude Sonnet 4.5 voted for its own skill.');
    expect(story).not.toContain('voted for its own');
    expect(text.split(self.evidence!).length - 1).toBe(1);
  });

  it('closes with a paragraph of what was checked: the picks, where each quote was found, the sizes that held and did not', () => {
    const { a, text } = sampleDraft();
    const close = text.slice(text.indexOf('## In short'));
    expect(close).toContain(
      'GPT-5 picked Claude Sonnet 4.5’s skill and Claude Sonnet 4.5 picked its own skill.',
    );
    const attributed = a.quotes.filter((q) => q.kind === 'attributed');
    expect(close).toContain(
      `Of the ${attributed.length} quotes given to Robin Sample, 1 is in the source`,
    );
    expect(close).toMatch(/1, in Claude Sonnet 4\.5’s skill, is nowhere/);
    const checked = a.claims.filter((c) => c.holds !== null);
    const failing = checked.find((c) => c.holds === false)!;
    expect(close).toContain(`${checked.length} size claims`);
    expect(close).toContain(
      `${checked.filter((c) => c.holds).length} hold, and “${failing.phrase}” does not (Claude Sonnet 4.5’s skill has ${failing.measured} lines)`,
    );
    // no list of counts, no internal words, each skill's size said once (in what each model made)
    expect(close).not.toMatch(/^- /m);
    expect(text).not.toMatch(/judges’ own words/);
    for (const s of a.skills)
      expect(text.split(`${s.totals.words} words`).length - 1).toBeLessThanOrEqual(1);
  });

  it('never opens a pull-quote with a conjunction or a pronoun that leans on the sentence before', () => {
    const { plan } = sampleDraft();
    for (const q of plan.pieces.filter((p) => p.kind === 'quote'))
      expect(q.markdown).not.toMatch(/^(But|And|So|It|This|They)\b/);
  });

  it('sets curly quotes in its prose and pull-quotes (a nested quote in single marks), and every quote still passes the check', () => {
    const { text, plan } = sampleDraft();
    const prose = text
      .split('\n')
      .filter((l) => !l.startsWith('<!--') && !/^(title|description|author|date):/.test(l));
    expect(prose.join('\n')).not.toMatch(/\p{L}'\p{L}/u);
    expect(text).toContain(
      'Robin’s central point: the diff says what changed, ‘the message is the only place that can say why.’',
    );
    expect(plan.pieces.filter((p) => p.kind === 'quote').length).toBeGreaterThan(4);
    expect(typeset('He said "no" and it\'s done.')).toBe('He said ‘no’ and it’s done.');
  });

  it('says "it holds" once as a lead-in, not after every size', () => {
    const { text } = sampleDraft();
    expect(text).not.toMatch(/; it holds\./);
    expect(text).toMatch(/; \*\*it does not hold\*\*\./);
  });

  it('takes the author and date it is given, or a placeholder author the build warns about', () => {
    expect(sampleDraft().text).toMatch(/^author: "Ada"\ndate: 2026-11-25$/m);
    const { text, plan } = sampleDraft(sample, {});
    expect(text).toMatch(/^author: "Your name"$/m);
    expect(plan.warnings).toEqual([
      expect.stringMatching(/post\.draft\.md: author is the placeholder/),
    ]);
  });

  it('asks for the prompts with a visible placeholder when the experiment has none, and the build warns', () => {
    const bare = { ...sample, manifest: { ...sample.manifest, prompts: {} } };
    const { text, plan } = sampleDraft(bare);
    expect(text).not.toMatch(/^::prompt/m);
    const todo = plan.pieces.find((p) => p.kind === 'todo');
    expect(todo).toMatchObject({ text: expect.stringMatching(/prompts are not recorded/) });
    const line = text.split('\n').findIndex((l) => l.startsWith('::todo[')) + 1;
    expect(plan.warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `post\\.draft\\.md:${line}: a placeholder is left: The generation and evaluation prompts`,
        ),
      ),
    ]);
  });

  it('credits an imported experiment to its repository’s owner, or says where it was imported from', () => {
    const imported = (provenance: Experiment['manifest']['provenance']) =>
      sampleDraft({ ...sample, manifest: { ...sample.manifest, provenance } }).text;
    const hosted = imported({
      kind: 'import',
      origin: 'https://github.com/someone/their-experiment.git',
      url: 'https://github.com/someone/their-experiment',
    });
    expect(hosted).toContain(
      'Experiment by [someone](https://github.com/someone), from [someone/their-experiment](https://github.com/someone/their-experiment); this post retells it from its files.',
    );
    expect(hosted).toMatch(/^author: "Ada"$/m);
    expect(imported({ kind: 'import', origin: 'their-folder' })).toContain(
      'An experiment imported from `their-folder`, not run here',
    );
    expect(sampleDraft().text).not.toMatch(/Experiment by|imported from/);
  });

  it('dates a run by its last call, anything else by its manifest (an import: its last commit or newest file)', () => {
    expect(experimentDate(sample)).toEqual(sample.manifest.date);
    const call = (startedAt: string) =>
      ({ ...sample.calls[0], startedAt }) as Experiment['calls'][number];
    const run: Experiment = {
      ...sample,
      manifest: { ...sample.manifest, provenance: { kind: 'run' } },
      calls: [call('2026-03-02T10:00:00Z'), call('2026-03-04T09:00:00Z')],
    };
    expect(experimentDate(run).toISOString()).toBe('2026-03-04T09:00:00.000Z');
  });

  it('finds no reasoning to quote in an evaluation that is only its verdict', () => {
    expect(pickQuote('## Verdict\n\n**Winner:** Skill A, because it is better.\n')).toBeNull();
  });
});

describe('what each model made, in a sentence', () => {
  it('names every file by its kind, every section of every markdown file, and a workflow’s steps', () => {
    const { text } = sampleDraft();
    const made = text.slice(
      text.indexOf('## What each model made'),
      text.indexOf('## The judging'),
    );
    for (const s of sample.skills)
      for (const f of s.files.filter((f) => f.content && f.path.endsWith('.md')))
        for (const h of outline(f.content!).headings.filter((h) => h.depth === 2))
          expect(made).toContain(`“${h.text}”`);
    expect(made).toMatch(
      /in two files: `SKILL\.md` \(\d+ sections: [^)]+\) and an examples file, `examples\/good-and-bad\.md`/,
    );
    // counts said once: not again in the numbers
    expect(text.slice(text.indexOf('## The judging'))).not.toMatch(/\d+ words/);
  });

  it('counts a skill without its metadata and says the metadata is beside it; a numbered workflow by its steps', () => {
    const skill = sample.skills[0];
    const steps =
      '# S\n\n## Default Workflow\n\n1. Read.\n2. Plan.\n3. Change.\n\n## Notes\n\nShort.\n';
    const e: Experiment = {
      ...sample,
      skills: [
        {
          ...skill,
          files: [
            { ...skill.files[0], path: 'SKILL.md', content: steps },
            { ...skill.files[0], path: 'agents/openai.yaml', content: 'name: x\nmodel: y\n' },
          ],
        },
        ...sample.skills.slice(1),
      ],
    };
    const sentence = skillSentence({ e, a: analyze(e), name: (id) => id }, e.skills[0], 'M');
    expect(sentence).toContain('11 lines and');
    expect(sentence).toContain(
      'in one file: `SKILL.md` (2 sections: a 3-step “Default Workflow” and “Notes”)',
    );
    expect(sentence).toContain('with `agents/openai.yaml` beside it: 2 lines of metadata.');
  });
});

describe('the sentence of the source the setup quotes', () => {
  it('is one a skill quotes, else the one whose words every skill draws on most', () => {
    const sentence = pickSourceSentence(sample, analyze(sample));
    const quoted = analyze(sample).quotes.find(
      (q) => q.file.startsWith('skills/') && q.where === 'source' && q.kind === 'attributed',
    )!;
    expect(locateQuote(quoted.text, sentence!)).not.toBeNull();
    // no quote of it in the skills: the sentence sharing most words with both skills wins
    const source =
      'Spring came early to the valley this year and the orchards bloomed in a week. A commit message says why a change was made, in a subject line and a body. The weather kept everyone indoors for most of the long afternoon.\n';
    const e = { ...sample, source };
    expect(pickSourceSentence(e, { ...analyze(e), quotes: [] })).toBe(
      'A commit message says why a change was made, in a subject line and a body.',
    );
  });
});

describe('a model that judged its own skill and missed the quote it made up', () => {
  /** The sample with Claude Sonnet 4.5's evaluation replaced: it sizes up its own skill. */
  const selfCritical = (extra: string): Experiment => ({
    ...sample,
    evaluations: sample.evaluations.map((ev) =>
      ev.judge === 'claude-sonnet-4-5'
        ? {
            ...ev,
            content: `# Evaluation\n\n## Weaknesses of claude-sonnet-4-5-commit-messages\n\nThe claude-sonnet-4-5-commit-messages skill is 34 lines in one file, which is verbose for what it says.${extra}\n`,
          }
        : ev,
    ),
  });

  it('links the self-critique the fact check confirms with the quote it missed, in one sentence', () => {
    const { text } = sampleDraft(selfCritical(''));
    expect(text).toMatch(
      /Claude Sonnet 4\.5 saw that its own skill was too long \(“34 lines”: it has 34 lines\), but not the quote it had put in .+’s mouth\./,
    );
    expect(text).not.toMatch(/even warns/);
  });

  it('adds its warning of misattribution when the evaluation gives one about its own skill', () => {
    const { text } = sampleDraft(
      selfCritical(
        ' It adds framing the author never used, which risks misattributing ideas to her.',
      ),
    );
    expect(text).toContain(
      'Its evaluation even warns that its skill “risks misattributing ideas to her”, without finding the quote that does.',
    );
  });

  it('says nothing of the kind when the model says nothing checked about its own skill', () => {
    expect(sampleDraft().text).not.toMatch(/but not the quote|but missed the quote/);
  });
});

describe('the words that mark a quote as the skill’s own idea', () => {
  it('are the quote’s content words the source does not have', () => {
    expect(
      distinctiveStems('they basically have no sense of taste', 'Models have no sense of scope.'),
    ).toEqual(['basic', 'tast']);
  });
});
