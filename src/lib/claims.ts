// Pure logic: finds the measurable claims an evaluation makes about the skills ("~250 lines across
// two files", "a 70-line SKILL.md", "the 7-step default workflow") and which skill, file and section
// each is about. Reads the markdown as an mdast tree (remark), so code, quotes and tables stay out.
// Measuring them is skill-measure.ts's job.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root, RootContent, PhrasingContent } from 'mdast';

export const MEASURES = ['lines', 'files', 'words', 'list-items', 'headings', 'steps'] as const;
export type Measure = (typeof MEASURES)[number];

/** How the claimed number is meant: exactly, roughly ("~", "about"), or a bound ("over", "under"). */
export type Qualifier = 'exact' | 'approx' | 'more' | 'less' | 'at-least' | 'at-most';

/** Who a name in the text refers to: a participant, and a file of its skill when a file was named. */
export interface Mention {
  /** null for a file name more than one skill has ("SKILL.md"). */
  id: string | null;
  file?: string;
  /** Offset in the searched text. */
  at: number;
}

/** What the claim finder needs to know about the experiment. */
export interface ClaimContext {
  /** Finds the skills (and files) a piece of text names, in order. */
  mentions: (text: string) => Mention[];
  /** Section headings of each participant's markdown files, to scope counts to one section. */
  sections: { id: string; file: string; heading: string }[];
}

export interface FoundClaim {
  /** The words of the claim itself, e.g. "~250 lines". */
  phrase: string;
  /** The sentence it stands in. */
  sentence: string;
  line: number;
  measure: Measure;
  claimed: number;
  qualifier: Qualifier;
  about: string | null;
  /** A file of the skill the claim is about, when the text names one. */
  target: string | null;
  /** A section (heading) of the skill the count is scoped to. */
  section: { file: string; heading: string } | null;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, dozen: 12, hundred: 100,
};
const NUM = `\\d{1,3}(?:,\\d{3})+|\\d+|${Object.keys(NUMBER_WORDS).join('|')}`;
const QUALIFIERS: [RegExp, Qualifier][] = [
  [/^(?:~|≈|about|around|roughly|approximately|approx\.?|nearly|almost|some|circa|ca\.)$/i, 'approx'],
  [/^(?:over|more than)$/i, 'more'],
  [/^(?:under|fewer than|less than)$/i, 'less'],
  [/^at least$/i, 'at-least'],
  [/^(?:at most|no more than|up to)$/i, 'at-most'],
];
const QUALIFIER = `~|≈|about|around|roughly|approximately|approx\\.?|nearly|almost|some|circa|ca\\.|over|more than|under|fewer than|less than|at least|at most|no more than|up to`;
/** Units, by the measure they name. Generic list nouns ("rules") only count within a named section. */
const UNITS: [RegExp, Measure, 'always' | 'section'][] = [
  [/^lines?$|^loc$/i, 'lines', 'always'],
  [/^files?$/i, 'files', 'always'],
  [/^words?$/i, 'words', 'always'],
  [/^(?:list items?|items?|bullets?|bullet points?)$/i, 'list-items', 'always'],
  [/^(?:headings?|sections?|headers?)$/i, 'headings', 'always'],
  [/^steps?$/i, 'steps', 'always'],
  [/^(?:rules?|principles?|properties|property|points?|guidelines?|checks?|questions?|tips?|heuristics?)$/i, 'list-items', 'section'],
];
const UNIT = 'list items?|bullet points?|lines?|loc|files?|words?|items?|bullets?|headings?|sections?|headers?|steps?|rules?|principles?|properties|property|points?|guidelines?|checks?|questions?|tips?|heuristics?';
// "~250 lines", "about 86 lines", "seven steps", "8 tight rules", "a 70-line", "7-step", "single-file"
const CLAIM = new RegExp(
  `(?<![\\w.,-])(?:(?<qual>${QUALIFIER})\\s*)?(?<num>${NUM})(?:(?<hyphen>-)|\\s+(?:(?<adj>[a-z]+)\\s+)?)(?<unit>${UNIT})\\b(?=(?<after>[\\w ./-]{0,30}))`,
  'gi',
);
/** Words before a number that say it is about something other than a skill ("the tweet's example about 1000 lines"). */
const NOT_A_SKILL = /\b(?:tweet|source|thread|article|blog|example|examples|e\.g\.|such as|like a|diff|pr|pull request|codebase|code base|task|response|reply|answer|function|module|change|changes)\b/i;
/** Phrases where the count is a manner or a part, not a size: "one step at a time", "the first 3 lines", "20 lines of code". */
const NOT_A_COUNT = /^\s*(?:at a time|of (?!markdown|text|instructions|prose|guidance|content|documentation)\w+|per\b|each\b)/i;
const NOT_A_TOTAL = /\b(?:first|last|top|bottom|extra|additional|another|other|new|every|each|per|those|these)\s*$/i;
/** After "N-line", the words that make it a size of a skill or file ("a 70-line SKILL.md", "a 120-line skill"). */
const SIZED = /^\s*(?:skill|document|doc|file|markdown|instruction|prompt|reference|guide|readme|[\w./-]+\.(?:md|markdown|txt|yaml|yml|json|py|sh|ts|js))/i;
/** Sentence ends: ". " before a capital, or a line break inside the paragraph. */
const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z"“(*`])|\n+/;

const numberOf = (s: string) => NUMBER_WORDS[s.toLowerCase()] ?? Number(s.replace(/,/g, ''));
const qualifierOf = (s: string | undefined): Qualifier => (s ? (QUALIFIERS.find(([re]) => re.test(s.trim()))?.[1] ?? 'exact') : 'exact');

/** A block's text with what is not the author's own prose blanked out, and the line of each character. */
interface Block {
  /** With quotes blanked. */
  text: string;
  raw: string;
  lines: number[];
  heading: number | null;
}

function blockOf(node: { children: PhrasingContent[] }, heading: number | null): Block {
  let text = '';
  const lines: number[] = [];
  const push = (s: string, line: number) => {
    for (const ch of s.split('')) {
      text += ch;
      lines.push(line);
      if (ch === '\n') line++;
    }
  };
  const walk = (n: PhrasingContent) => {
    const line = n.position?.start.line ?? 0;
    if (n.type === 'text') push(n.value, line);
    else if (n.type === 'inlineCode') push(n.value, line);
    else if (n.type === 'break') push('\n', line);
    else if ('children' in n) n.children.forEach((c) => walk(c as PhrasingContent));
  };
  node.children.forEach(walk);
  // quoted words are someone else's: blank them, keeping offsets
  const blanked = text.replace(/"[^"\n]*"|“[^”]*”/g, (q) => q.replace(/[^\n]/g, ' '));
  return { text: blanked, raw: text, lines, heading };
}

/** The paragraphs and headings of a document, in order, outside code, quotes and tables. */
function blocks(markdown: string): Block[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const out: Block[] = [];
  const visit = (nodes: RootContent[]) => {
    for (const n of nodes) {
      if (n.type === 'heading') out.push(blockOf(n, n.depth));
      else if (n.type === 'paragraph') out.push(blockOf(n, null));
      else if (n.type === 'list' || n.type === 'listItem') visit(n.children as RootContent[]);
      // code, html, tables and blockquotes (other people's words) are not the evaluator's claims
    }
  };
  visit(tree.children);
  return out;
}

function sentencesOf(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let start = 0;
  for (const m of text.matchAll(new RegExp(SENTENCE_END, 'g'))) {
    out.push({ start, text: text.slice(start, m.index) });
    start = m.index! + m[0].length;
  }
  out.push({ start, text: text.slice(start) });
  return out.filter((s) => s.text.trim());
}

const words = (s: string) => s.toLowerCase().match(/[a-z0-9]+/g) ?? [];
const STOP = new Set(['the', 'a', 'an', 'and', 'of', 'to', 'for', 'in', 'on', 'with']);

/** The section a sentence names: a heading of two or more words whose words stand together in it, nearest the number. */
function namedSection(sentence: string, at: number, sections: ClaimContext['sections'], about: string | null) {
  const hits = sections.flatMap((s) => {
    const ws = words(s.heading.replace(/^\s*(?:\d+[.)]|step \d+:?)\s*/i, ''));
    if (!ws.length || (about !== null && s.id !== about)) return [];
    // one-word headings only as "the Rules section", "section on Rules" or quoted
    const name = ws.join('[^a-z0-9]+');
    const re = ws.filter((w) => !STOP.has(w)).length >= 2 ? `\\b${name}\\b` : `\\b${name}\\s+section\\b|\\bsection\\s+(?:on|called|named)\\s+\\W?${name}\\b|["“']${name}["”']`;
    const found = sentence.toLowerCase().search(new RegExp(re));
    return found < 0 ? [] : [{ ...s, distance: Math.abs(found - at) }];
  });
  if (new Set(hits.map((h) => h.id)).size !== 1) return null;
  return hits.sort((a, b) => a.distance - b.distance || b.heading.length - a.heading.length)[0];
}

/** Finds every measurable claim in an evaluation. */
export function findClaims(markdown: string, ctx: ClaimContext): FoundClaim[] {
  const out: FoundClaim[] = [];
  let headingSubject: { id: string; depth: number } | null = null;
  for (const block of blocks(markdown)) {
    const named = ctx.mentions(block.raw);
    if (block.heading !== null) {
      const ids = [...new Set(named.flatMap((m) => (m.id ? [m.id] : [])))];
      headingSubject = ids.length === 1 ? { id: ids[0], depth: block.heading } : headingSubject && headingSubject.depth < block.heading ? headingSubject : null;
      continue;
    }
    let carried: string | null = null; // the skill the paragraph last named
    for (const s of sentencesOf(block.text)) {
      const raw = block.raw.slice(s.start, s.start + s.text.length);
      const inSentence = named.filter((m) => m.at >= s.start && m.at < s.start + s.text.length).map((m) => ({ ...m, at: m.at - s.start }));
      const skillsNamed = inSentence.filter((m): m is Mention & { id: string } => m.id !== null);
      for (const m of s.text.matchAll(CLAIM)) {
        const g = m.groups!;
        const unit = UNITS.find(([re]) => re.test(g.unit));
        if (!unit) continue;
        const [, measure, when] = unit;
        if (g.adj && (when === 'always' && measure !== 'list-items' && measure !== 'steps')) continue; // "two reference files" counts a kind
        if (g.adj && NUMBER_WORDS[g.adj.toLowerCase()] !== undefined) continue;
        if (NOT_A_COUNT.test(g.after) || NOT_A_TOTAL.test(s.text.slice(0, m.index))) continue;
        if (g.hyphen && (measure === 'lines' || measure === 'words') && !SIZED.test(g.after) && !/^\s*(?:long|in\b)/.test(g.after)) continue;
        const claimed = numberOf(g.num);
        if (!Number.isFinite(claimed)) continue;
        const before = skillsNamed.filter((x) => x.at < m.index!);
        const after = skillsNamed.filter((x) => x.at >= m.index!);
        const subject = before[before.length - 1];
        // between the subject (or the sentence start) and the number, nothing else may be sized
        const lead = s.text.slice(subject ? subject.at : 0, m.index);
        if (NOT_A_SKILL.test(lead.replace(/\b(?:skill|file)s?\b/gi, ''))) continue;
        const fileNear = inSentence.find((x) => x.file && Math.abs(x.at - m.index!) < 40);
        let about = subject?.id ?? after[0]?.id ?? carried ?? headingSubject?.id ?? null;
        let target: string | null = null;
        const fileAfter = g.hyphen ? g.after.match(/^\s*([\w./-]+\.[a-z]{1,8})\b/i)?.[1] : undefined;
        if (fileNear && measure !== 'files') {
          target = fileNear.file!;
          about = fileNear.id ?? about;
        } else if (fileAfter) target = fileAfter; // a file no skill has: not checkable, said so
        const section = measure === 'lines' || measure === 'files' || measure === 'words' ? null : namedSection(raw, m.index!, ctx.sections, about);
        if (when === 'section' && !section) continue;
        if (section && about === null) about = section.id;
        out.push({
          phrase: m[0].trim(),
          sentence: raw.replace(/\s+/g, ' ').trim(),
          line: block.lines[s.start + m.index!] ?? block.lines[0] ?? 0,
          measure,
          claimed,
          qualifier: qualifierOf(g.qual),
          about,
          target,
          section: section ? { file: section.file, heading: section.heading } : null,
        });
      }
      const last = skillsNamed[skillsNamed.length - 1];
      if (last) carried = last.id;
    }
  }
  return out;
}
