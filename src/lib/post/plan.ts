// Pure logic: reads an experiment's post.md into markdown with a placeholder where each live piece
// (a remark directive at the top level) stands, and the pieces themselves, checked against the data.
// A pull-quote whose text is not in the file it names fails the build, naming post.md and its line.
//
//   :::quote{from="evaluations/gpt-5.md"}          a pull-quote, checked, with a "Source:" link to its line
//   The message is the only place that can say why.
//   :::
//   ::matrix                                       the verdict matrix
//   ::figure                                       the verdict figure
//   ::prompt{kind="generation"}                    a prompt, collapsible (generation or evaluation)
//   ::compare{a="gpt-5" b="claude-sonnet-4-5"}     two skills side by side (file="SKILL.md" by default)
//   ::finding{n="1"}                               the experiment's n-th certain finding (findings.ts)
//   ::finding{kind="quote"}                        its first finding of a kind (n="2": the second)
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import type { RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { UserError, type Experiment } from '../content/experiment.ts';
import { pathOf, type Location } from '../content/experiment/location.ts';
import type { PostMeta } from '../content/schema.ts';
import { ReferenceIndex } from '../reading/quotes.ts';
import { locateQuote } from './pullquote.ts';

/** Where a pull-quote comes from (a judge's evaluation, a file of a skill, or the source), and its line. */
export type QuoteTarget = Location & { line: number };

export type Piece =
  | { kind: 'quote'; markdown: string; from: string; target: QuoteTarget }
  | { kind: 'matrix' }
  | { kind: 'figure' }
  | { kind: 'prompt'; which: 'generation' | 'evaluation'; text: string }
  | { kind: 'compare'; a: string; b: string; file: string }
  | { kind: 'finding'; n: number };

export interface PostPlan {
  meta: PostMeta;
  /** The post's markdown with each piece replaced by a paragraph holding `placeholder(i)`. */
  markdown: string;
  pieces: Piece[];
}

export const DIRECTIVES = ['quote', 'matrix', 'figure', 'prompt', 'compare', 'finding'] as const;
export const placeholder = (i: number) => `cj-post-piece-${i}`;

/** The texts a pull-quote may come from, by their path in the experiment folder (location.ts). */
function quotable(e: Experiment): Map<string, { text: string; at: Location }> {
  const texts: { text: string; at: Location }[] = [
    ...(e.manifest.source !== null ? [{ text: e.source, at: { kind: 'source' as const } }] : []),
    ...e.evaluations.map((ev) => ({
      text: ev.content,
      at: { kind: 'evaluation' as const, judge: ev.judge },
    })),
    ...e.skills.flatMap((s) =>
      s.files.flatMap((f) =>
        f.content === null
          ? []
          : [
              {
                text: f.content,
                at: { kind: 'skill' as const, participant: s.participant, file: f.path },
              },
            ],
      ),
    ),
  ];
  return new Map(texts.map((t) => [pathOf(t.at, e.manifest), t]));
}

type Directive = ContainerDirective | LeafDirective;
const isDirective = (n: RootContent): n is Directive =>
  n.type === 'containerDirective' || n.type === 'leafDirective';

/** What the pieces of one post are checked against, and how a piece's error is reported. */
interface Context {
  e: Experiment;
  body: string;
  texts: ReturnType<typeof quotable>;
  skills: string[];
  findings: string[];
  fail: (n: Directive, what: string) => never;
}

/** The post's pieces, each checked; `findings` are the kinds of the experiment's findings, in order. */
export function planPost(e: Experiment, findings: string[]): PostPlan | null {
  const post = e.post;
  if (!post) return null;
  const body = post.body;
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).parse(body);
  const fail = (n: Directive, what: string): never => {
    const line = (n.position?.start.line ?? 1) + post.bodyOffset;
    throw new UserError(`${post.file}:${line}: ::${n.name}: ${what}`);
  };
  const skills = e.skills.map((s) => s.participant);
  const c: Context = { e, body, texts: quotable(e), skills, findings, fail };
  const pieces: Piece[] = [];
  let markdown = '';
  let last = 0;
  for (const node of tree.children) {
    if (!isDirective(node)) continue;
    const start = node.position!.start.offset!;
    markdown += body.slice(last, start) + `\n\n${placeholder(pieces.length)}\n\n`;
    pieces.push(pieceOf(node, c));
    last = node.position!.end.offset!;
  }
  markdown += body.slice(last);
  return { meta: post.meta, markdown, pieces };
}

function pieceOf(n: Directive, c: Context): Piece {
  switch (n.name) {
    case 'quote':
      return quotePiece(n, c);
    case 'matrix':
    case 'figure':
      return { kind: n.name };
    case 'prompt':
      return promptPiece(n, c);
    case 'compare':
      return comparePiece(n, c);
    case 'finding':
      return findingPiece(n, c);
    default:
      return c.fail(
        n,
        `unknown directive; use one of ${DIRECTIVES.map((d) => `::${d}`).join(', ')}`,
      );
  }
}

/** A pull-quote: its text must be in the file it names, or the build stops here. */
function quotePiece(n: Directive, c: Context): Piece {
  const { fail, texts, body } = c;
  const from =
    n.attributes?.from ??
    fail(n, 'give the file the quote is from, e.g. from="evaluations/<judge>.md"');
  const ref =
    texts.get(from) ??
    fail(
      n,
      `from="${from}" is not a file of this experiment; use one of: ${[...texts.keys()].join(', ')}`,
    );
  const first = n.children[0]?.position?.start.offset;
  const end = n.children.at(-1)?.position?.end.offset;
  if (first === undefined || end === undefined)
    return fail(n, 'the quote is empty; put the quoted text between ::: lines');
  const quoted = body.slice(first, end);
  const found = locateQuote(quoted, ref.text);
  if (!found) {
    const near = new ReferenceIndex([{ where: from, text: ref.text }]).closest(quoted);
    const hint =
      near && near.similarity >= 0.5
        ? `; the closest passage there reads: "${near.text.replace(/\s+/g, ' ')}"`
        : '';
    return fail(
      n,
      `the quoted text is not in ${from} (case, whitespace and quote styles aside)${hint}`,
    );
  }
  return { kind: 'quote', markdown: quoted, from, target: { ...ref.at, line: found.line } };
}

function promptPiece(n: Directive, c: Context): Piece {
  const which = n.attributes?.kind ?? 'generation';
  if (which !== 'generation' && which !== 'evaluation')
    return c.fail(n, `kind="${which}": use kind="generation" or kind="evaluation"`);
  const text =
    c.e.manifest.prompts[which] ??
    c.fail(
      n,
      `the ${which} prompt is not known for this experiment (set prompts.${which} in experiment.yaml)`,
    );
  return { kind: 'prompt', which, text };
}

function comparePiece(n: Directive, c: Context): Piece {
  const attr = n.attributes ?? {};
  const { skills } = c;
  const a = attr.a ?? skills[0];
  const b = attr.b ?? skills.find((s) => s !== a);
  for (const id of [a, b])
    if (!id || !skills.includes(id))
      c.fail(n, `"${id ?? ''}" is not a skill of this experiment; skills: ${skills.join(', ')}`);
  if (a === b) c.fail(n, 'compare two different skills');
  return { kind: 'compare', a: a!, b: b!, file: attr.file ?? 'SKILL.md' };
}

/** The k-th finding, or the k-th of the kind asked for. */
function findingPiece(n: Directive, c: Context): Piece {
  const attr = n.attributes ?? {};
  const { findings } = c;
  const k = Number(attr.n ?? '1');
  if (!Number.isInteger(k) || k < 1) return c.fail(n, `n="${attr.n}": give a whole number from 1`);
  const of = findings
    .map((kind, i) => ({ kind, i }))
    .filter((f) => !attr.kind || f.kind === attr.kind);
  if (k <= of.length) return { kind: 'finding', n: of[k - 1].i + 1 };
  const kinds = [...new Set(findings)].join(', ');
  return c.fail(
    n,
    !findings.length
      ? 'this experiment has no findings'
      : attr.kind
        ? `this experiment has ${of.length} finding(s) of kind "${attr.kind}" (kinds here: ${kinds})`
        : `this experiment has findings 1 to ${findings.length}`,
  );
}
