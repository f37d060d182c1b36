// Pure logic: finds the measurable claims an evaluation makes about the skills ("~250 lines across
// two files", "a 70-line SKILL.md", "the 7-step default workflow", "twice as long as X") and which
// skill, file and section each is about. Reads the markdown as an mdast tree (remark): code, quotes
// and blockquotes (other people's words) stay out; a table's cells are read with their row and column.
// Measuring them is fact-check.ts's job.
import { parseMarkdown } from '../text/markdown.ts';
import type { RootContent, PhrasingContent, Table } from 'mdast';

export const MEASURES = ['lines', 'files', 'words', 'list-items', 'headings', 'steps'] as const;
export type Measure = (typeof MEASURES)[number];

/** How the claimed number is meant: exactly, roughly ("~", "about"), or a bound ("over", "under"). */
export type Qualifier = 'exact' | 'approx' | 'more' | 'less' | 'at-least' | 'at-most';

/** Who a name in the text refers to: a participant, and a file of its skill when a file was named. */
export interface Mention {
  /** null for a file name more than one skill has ("SKILL.md"). */
  id: string | null;
  file?: string;
  /** Offsets in the searched text: where the name starts and ends. */
  at: number;
  end: number;
}

/** What the claim finder needs to know about the experiment. */
export interface ClaimContext {
  /** The participants whose skills were judged. */
  participants: string[];
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
  /** The number; for a relative claim, the ratio ("twice as long": 2). */
  claimed: number;
  qualifier: Qualifier;
  about: string | null;
  /** A file of the skill the claim is about, when the text names one. */
  target: string | null;
  /** A section (heading) of the skill the count is scoped to. */
  section: { file: string; heading: string } | null;
  /** For "twice as long as X": the participant compared with. */
  relativeTo: string | null;
}

const NUMBER_WORDS: Record<string, number> = {
  no: 0,
  zero: 0,
  one: 1,
  single: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  'a dozen': 12,
  dozen: 12,
  'half a dozen': 6,
  'a single': 1,
  'a hundred': 100,
};
const NUM = `\\d{1,3}(?:,\\d{3})+|\\d+|${Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')}`;
const QUALIFIERS: [RegExp, Qualifier][] = [
  [
    /^(?:~|≈|about|around|roughly|approximately|approx\.?|nearly|almost|some|circa|ca\.)$/i,
    'approx',
  ],
  [/^(?:over|more than)$/i, 'more'],
  [/^(?:under|fewer than|less than)$/i, 'less'],
  [/^at least$/i, 'at-least'],
  [/^(?:at most|no more than|up to)$/i, 'at-most'],
];
const QUALIFIER = `~|≈|about|around|roughly|approximately|approx\\.?|nearly|almost|some|circa|ca\\.|over|more than|under|fewer than|less than|at least|at most|no more than|up to`;
/** Units, by the measure they name. */
const UNITS: [RegExp, Measure][] = [
  [/^(?:lines?|loc)$/i, 'lines'],
  [/^files?$/i, 'files'],
  [/^words?$/i, 'words'],
  [/^(?:list items?|items?|bullets?|bullet points?|rules?)$/i, 'list-items'],
  [/^(?:headings?|sections?|headers?)$/i, 'headings'],
  [/^steps?$/i, 'steps'],
  // generic list nouns count only within a named section ("a section with seven properties")
  [
    /^(?:principles?|properties|property|points?|guidelines?|checks?|questions?|tips?|heuristics?)$/i,
    'list-items',
  ],
];
const SECTION_ONLY =
  /^(?:principles?|properties|property|points?|guidelines?|checks?|questions?|tips?|heuristics?)$/i;
const UNIT =
  'list items?|bullet points?|lines?|loc|files?|words?|items?|bullets?|rules?|headings?|sections?|headers?|steps?|principles?|properties|property|points?|guidelines?|checks?|questions?|tips?|heuristics?';
// "~250 lines", "about 86 lines", "seven steps", "8 tight rules", "a 70-line", "7-step", "single-file"
const CLAIM = new RegExp(
  `(?<![\\w.,/-])(?:(?<qual>${QUALIFIER})\\s*)?(?<num>${NUM})(?:(?<hyphen>-)|\\s+(?:(?<adj>[a-z]+)\\s+)?)(?<unit>${UNIT})\\b(?=(?<after>[\\w ./-]{0,30}))`,
  'gi',
);
// "twice as long as X", "half the length of X", "three times the size of X", "a third of X's length"
const RATIOS: Record<string, number> = {
  half: 0.5,
  twice: 2,
  double: 2,
  triple: 3,
  thrice: 3,
  'a third': 1 / 3,
  'one third': 1 / 3,
  'a quarter': 0.25,
};
const RATIO = new RegExp(
  `\\b(?<ratio>half|twice|double|triple|thrice|a third|one third|a quarter|(?<times>\\d+|two|three|four|five|ten)\\s+times)\\s+(?:the\\s+(?:length|size|line count)(?:\\s+of)?|as\\s+(?:long|big|large)(?:\\s+as)?|longer(?:\\s+than)?|bigger(?:\\s+than)?|larger(?:\\s+than)?|the\\s+lines(?:\\s+of)?)`,
  'gi',
);
/** Words between a skill and a number that say the number is about something else ("the tweet's example about 1000 lines"). */
const NOT_A_SKILL =
  /\b(?:tweet|source|thread|article|blog|example|examples|e\.g\.|such as|like a|diff|pr|pull request|codebase|code base|task|response|reply|answer|function|functions|module|change|changes|minutes?|hours?|pdfs?|limit|hashtags?|attempts?)\b/i;
/** A size wished for, not stated: "would be better at 50 lines". */
const HYPOTHETICAL =
  /\b(?:would|could|should|might|ought|if|ideally|were|needs? to be|aim for|target)\b/i;
/** Phrases where the count is a manner or a part, not a size: "one step at a time", "20 lines of code". */
const NOT_A_COUNT =
  /^\s*(?:at a time|of (?!(?:markdown|text|instructions|prose|guidance|content|documentation|front matter|about|around|roughly|approximately|nearly|just|only|some|under|over|\d+)\b|~)\w+|per\b)/i;
const NOT_A_TOTAL =
  /\b(?:first|last|top|bottom|extra|additional|another|other|new|every|each|per|those|these|step|rule)\s*$/i;
/** After "N-line", the words that make it a size of a skill or file ("a 70-line SKILL.md", "a 120-line skill"). */
const SIZED =
  /^\s*(?:skill|document|doc|file|script|markdown|instruction|prompt|reference|guide|readme|workflow|process|procedure|checklist|list|[\w./-]+\.(?:md|markdown|txt|yaml|yml|json|py|sh|ts|js))/i;
/** A pronoun that, after two skills were named, leaves the subject unclear. */
const PRONOUN =
  /\b(?:it|its|it's|this one|that one|the other(?: one)?|the latter|the former|the first|the second)\b/i;
/** The judge's own skill: who that is, the text does not say. */
const OWN = /\b(?:my own|mine|our own|ours)\b/i;
/** "both", "each": the claim is about every skill named (or every skill). */
const EVERY = /\b(?:both|each|all (?:two|three|four|five) skills|every skill)\b/i;
/** Words that switch from a named file back to the whole skill ("but the skill as a whole is 120 lines"). */
const WHOLE = /\b(?:skill|whole|total|overall|in all|altogether|together|combined)\b/i;

const numberOf = (s: string) =>
  NUMBER_WORDS[s.toLowerCase().replace(/\s+/g, ' ')] ?? Number(s.replace(/,/g, ''));
const qualifierOf = (s: string | undefined): Qualifier =>
  s ? (QUALIFIERS.find(([re]) => re.test(s.trim()))?.[1] ?? 'exact') : 'exact';

/** A piece of the evaluation's own prose, with quotes blanked out, and the line of each character. */
interface Block {
  /** With quotes blanked. */
  text: string;
  raw: string;
  lines: number[];
  heading: number | null;
  /** A table cell: the skill of its column and the measure its row names. */
  cell?: { about: string | null; measure: Measure | null };
}

/** The target of "a 45-line script": the skill's one script, found when measured. */
export const SCRIPT = '(script)';

/** Paragraph break inside a block (after a bold lead line): a sentence end that keeps offsets. */
const BREAK = '\u2029';

function blockOf(children: PhrasingContent[], heading: number | null): Block {
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
    if (n.type === 'text' || n.type === 'inlineCode') push(n.value, line);
    else if (n.type === 'break') push('\n', line);
    else if ('children' in n) n.children.forEach((c) => walk(c as PhrasingContent));
  };
  children.forEach(walk);
  // a bold lead line ("**Opus: thorough**" then a line break) ends its own sentence
  const lead = children[0]?.type === 'strong' ? text.indexOf('\n') : -1;
  if (lead > 0 && !/[.!?:]$/.test(text.slice(0, lead)))
    text = text.slice(0, lead) + BREAK + text.slice(lead + 1);
  // quoted words are someone else's: blank them, keeping offsets
  const blanked = text.replace(/"[^"\n]*"|“[^”]*”/g, (q) => q.replace(/[^\n]/g, ' '));
  return { text: blanked, raw: text, lines, heading };
}

const unitOf = (word: string): Measure | null => UNITS.find(([re]) => re.test(word))?.[1] ?? null;

/** A table's cells: the header names a skill per column, the first column a measure per row. */
function tableBlocks(t: Table, mentions: ClaimContext['mentions']): Block[] {
  const [head, ...rows] = t.children;
  if (!head) return [];
  const cellText = (c: Table['children'][number]['children'][number]) => blockOf(c.children, null);
  const columns = head.children.map((c) => {
    const ids = [...new Set(mentions(cellText(c).raw).flatMap((m) => (m.id ? [m.id] : [])))];
    return ids.length === 1 ? ids[0] : null;
  });
  return rows.flatMap((row) => {
    const label = cellText(
      row.children[0] ?? { type: 'tableCell', children: [] },
    ).raw.toLowerCase();
    const measure = [...label.matchAll(/[a-z-]+/g)].map((m) => unitOf(m[0])).find((x) => x) ?? null;
    return row.children
      .slice(1)
      .map((c, i) => ({ ...cellText(c), cell: { about: columns[i + 1] ?? null, measure } }));
  });
}

/** The paragraphs, headings and table cells of a document, in order, outside code and quotes. */
function blocks(markdown: string, mentions: ClaimContext['mentions']): Block[] {
  const tree = parseMarkdown(markdown);
  const out: Block[] = [];
  const visit = (nodes: RootContent[]) => {
    for (const n of nodes) {
      if (n.type === 'heading') out.push(blockOf(n.children, n.depth));
      else if (n.type === 'paragraph') out.push(blockOf(n.children, null));
      else if (n.type === 'list' || n.type === 'listItem') visit(n.children as RootContent[]);
      else if (n.type === 'table') out.push(...tableBlocks(n, mentions));
      // code, html and blockquotes (other people's words) are not the evaluator's claims
    }
  };
  visit(tree.children);
  return out;
}

const ABBREVIATION = /\b(?:e\.g|i\.e|vs|approx|ca|etc|cf|fig|no|v)\.$/i;

function sentencesOf(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let start = 0;
  for (const m of text.matchAll(/(?<=[.!?])\s+|\u2029/g)) {
    if (m[0] !== BREAK && ABBREVIATION.test(text.slice(start, m.index))) continue;
    out.push({ start, text: text.slice(start, m.index) });
    start = m.index! + m[0].length;
  }
  out.push({ start, text: text.slice(start) });
  return out.filter((s) => s.text.trim());
}

const words = (s: string) => s.toLowerCase().match(/[a-z0-9]+/g) ?? [];
const STOP = new Set(['the', 'a', 'an', 'and', 'of', 'to', 'for', 'in', 'on', 'with']);

/** The section a sentence names: a heading of two or more words whose words stand together in it, nearest the number. */
function namedSection(
  sentence: string,
  at: number,
  sections: ClaimContext['sections'],
  about: string | null,
) {
  const hits = sections.flatMap((s) => {
    const ws = words(s.heading.replace(/^\s*(?:\d+[.)]|step \d+:?)\s*/i, ''));
    if (!ws.length || (about !== null && s.id !== about)) return [];
    // one-word headings only as "the Rules section", "section on Rules" or quoted
    const name = ws.join('[^a-z0-9]+');
    const re =
      ws.filter((w) => !STOP.has(w)).length >= 2
        ? `\\b${name}\\b`
        : `\\b${name}\\s+section\\b|\\bsection\\s+(?:on|called|named)\\s+\\W?${name}\\b|["“']${name}["”']`;
    const found = sentence.toLowerCase().search(new RegExp(re));
    return found < 0 ? [] : [{ ...s, distance: Math.abs(found - at) }];
  });
  if (new Set(hits.map((h) => h.id)).size !== 1) return null;
  return hits.sort((a, b) => a.distance - b.distance || b.heading.length - a.heading.length)[0];
}

interface Scan {
  ctx: ClaimContext;
  /** The skill the paragraph named last (null when it named several). */
  carried: string | null;
  heading: string | null;
}

/** One sentence's claims. */
// oxlint-disable-next-line max-lines-per-function -- TODO(issue 12): split into named steps
function sentenceClaims(
  block: Block,
  s: { start: number; text: string },
  mentions: Mention[],
  scan: Scan,
): FoundClaim[] {
  const raw = block.raw.slice(s.start, s.start + s.text.length);
  const inSentence = mentions
    .filter((m) => m.at >= s.start && m.at < s.start + s.text.length)
    .map((m) => ({ ...m, at: m.at - s.start, end: m.end - s.start }));
  const skills = inSentence.filter((m): m is Mention & { id: string } => m.id !== null);
  // the sentence with every name blanked, so a skill called "tweet-writer" is not the tweet
  let plain = s.text;
  for (const m of inSentence)
    plain = plain.slice(0, m.at) + ' '.repeat(Math.max(0, m.end - m.at)) + plain.slice(m.end);
  const clauseStart = (at: number) => plain.lastIndexOf(';', at - 1) + 1;

  /** Which skills a claim at `at` is about: [null] when it cannot be told. */
  const subjects = (at: number, after: string): (string | null)[] => {
    const before = skills.filter((x) => x.end <= at);
    const clause = plain.slice(clauseStart(at), at);
    if (EVERY.test(clause) || /^\s*each\b/.test(after)) {
      const named = [...new Set(before.map((x) => x.id))];
      return named.length >= 2 ? named : scan.ctx.participants;
    }
    const subject = before[before.length - 1];
    const lead = plain.slice(subject ? subject.end : 0, at);
    if (OWN.test(lead)) return [null];
    if (subject)
      return PRONOUN.test(lead) && new Set(before.map((x) => x.id)).size >= 2
        ? [null]
        : [subject.id];
    const next = skills.find((x) => x.at >= at);
    if (next && /^\W*(?:at|with)\b/i.test(plain.slice(0, at))) return [next.id]; // "At 86 lines, the Codex skill ..."
    return [block.cell?.about ?? scan.carried ?? scan.heading];
  };
  /** The file a claim at `at` names: the nearest before it in its clause, or "in/of FILE" right after. */
  const fileOf = (at: number, endAt: number) => {
    const before = inSentence.filter((x) => x.file && x.end <= at).pop();
    if (
      before &&
      !skills.some((x) => x.at > before.end && x.at < at) &&
      !WHOLE.test(plain.slice(before.end, at)) &&
      !/[;]/.test(plain.slice(before.end, at))
    )
      return before;
    const next = inSentence.find((x) => x.file && x.at >= endAt);
    if (
      next &&
      /^[\s-]*(?:(?:lines?|words?)\s+)?(?:in\s+|of\s+)?(?:the\s+|its\s+)?$/i.test(
        plain.slice(endAt, next.at),
      )
    )
      return next;
    return null;
  };

  const out: (FoundClaim & { at: number })[] = [];
  const push = (
    at: number,
    phrase: string,
    measure: Measure,
    claimed: number,
    qualifier: Qualifier,
    opts: {
      target?: string | null;
      fileOwner?: string | null;
      relativeTo?: string | null;
      after?: string;
    } = {},
  ) => {
    for (let about of subjects(at, opts.after ?? '')) {
      if (opts.fileOwner) about = opts.fileOwner;
      const inFile = (f: string) =>
        !opts.target || f === opts.target || f.endsWith(`/${opts.target}`);
      const sec =
        measure === 'lines' || measure === 'files' || measure === 'words'
          ? null
          : namedSection(
              raw,
              at,
              scan.ctx.sections.filter((x) => inFile(x.file)),
              about,
            );
      if (sec && about === null) about = sec.id;
      out.push({
        at,
        phrase,
        sentence: raw.replace(/\s+/g, ' ').replace(BREAK, ' ').trim(),
        line: block.lines[s.start + at] ?? block.lines[0] ?? 0,
        measure,
        claimed,
        qualifier,
        about,
        target: measure === 'files' ? null : (opts.target ?? null),
        section: sec ? { file: sec.file, heading: sec.heading } : null,
        relativeTo: opts.relativeTo ?? null,
      });
    }
  };
  const skip = (at: number, leadFrom: number) => {
    const lead = plain.slice(leadFrom, at);
    return NOT_A_SKILL.test(lead.replace(/\b(?:skill|file)s?\b/gi, '')) || HYPOTHETICAL.test(lead);
  };
  const leadStart = (at: number) => {
    const before = skills.filter((x) => x.end <= at).pop();
    return Math.max(before ? before.end : 0, clauseStart(at));
  };

  // a table cell holding a number alone: the row says what it counts
  if (block.cell?.measure) {
    const m = plain.match(
      new RegExp(`^\\s*(?:(?<qual>${QUALIFIER})\\s*)?(?<num>${NUM})\\s*$`, 'i'),
    );
    if (m)
      push(
        m.index ?? 0,
        m[0].trim(),
        block.cell.measure,
        numberOf(m.groups!.num),
        qualifierOf(m.groups!.qual),
      );
  }
  for (const m of plain.matchAll(CLAIM)) {
    // what follows, as written (file names are blanked in plain)
    const { unit, adj, hyphen, num, qual } = m.groups!;
    const g = {
      unit,
      adj,
      hyphen,
      num,
      qual,
      after: raw.slice(m.index! + m[0].length, m.index! + m[0].length + 30),
    };
    const measure = unitOf(g.unit);
    if (!measure) continue;
    const at = m.index!;
    if (g.adj && (measure === 'lines' || measure === 'files' || measure === 'words')) continue; // "two reference files" counts a kind
    if (g.adj && numberOf(g.adj) >= 0) continue;
    if (NOT_A_COUNT.test(g.after) || NOT_A_TOTAL.test(plain.slice(0, at))) continue;
    if (
      g.hyphen &&
      (measure === 'lines' || measure === 'words') &&
      !SIZED.test(g.after) &&
      !/^\s*(?:long|in\b)/.test(g.after)
    )
      continue;
    if (skip(at, leadStart(at))) continue;
    const claimed = numberOf(g.num);
    if (!Number.isFinite(claimed)) continue;
    // "no headings at all" is a count; "no equivalent section", "no file" are not
    if (
      g.num.toLowerCase() === 'no' &&
      (g.adj ||
        g.hyphen ||
        !/s$/i.test(g.unit) ||
        (measure !== 'headings' && measure !== 'list-items' && measure !== 'steps'))
    )
      continue;
    // "spreads 60 lines over two files": over is "across" after a size
    const qualifier =
      g.qual?.toLowerCase() === 'over' && /\b(?:lines?|words?)\s*$/i.test(plain.slice(0, at))
        ? 'exact'
        : qualifierOf(g.qual);
    const file = measure === 'files' ? null : fileOf(at, at + m[0].length);
    const fileAfter = g.hyphen
      ? (g.after.match(/^\s*([\w./-]+\.[a-z]{1,8})\b/i)?.[1] ??
        (/^\s*script\b/i.test(g.after) ? SCRIPT : undefined))
      : undefined;
    const section = SECTION_ONLY.test(g.unit);
    const before = out.length;
    push(at, m[0].trim(), measure, claimed, qualifier, {
      target: file?.file ?? fileAfter ?? null,
      fileOwner: file?.id ?? null,
      after: g.after,
    });
    if (section) for (const c of out.splice(before)) if (c.section) out.push(c); // generic nouns need a named section
  }
  // "one long SKILL.md", "a single SKILL.md", "all in SKILL.md": the skill is one file
  for (const f of inSentence.filter((x) => x.file)) {
    const lead = plain.slice(0, f.at);
    const one =
      lead.match(/\b(?:one|a single|single|only one)\s+(?:[a-z]+\s+)?$/i) ??
      lead.match(/\b(?:all|everything)\s+(?:is\s+)?in\s+(?:its\s+|the\s+|one\s+)?$/i);
    if (one)
      push(one.index!, `${one[0]}${f.file}`.trim(), 'files', 1, 'exact', { fileOwner: f.id });
  }
  // "a single 90-line file", "one long file": the skill is one file
  for (const m of plain.matchAll(
    /(?<![\w-])(?:a single|single|one|only one)\s+(?:\d+-(?:line|word)|(?!reference|script|extra|more|other|additional|supporting|helper|example|data|config)[a-z]+)\s+file\b/gi,
  ))
    if (!skip(m.index!, leadStart(m.index!))) push(m.index!, m[0], 'files', 1, 'exact');
  // "twice as long as X"
  for (const m of plain.matchAll(RATIO)) {
    const at = m.index!;
    const g = m.groups!;
    const ratio = g.times ? numberOf(g.times) : RATIOS[g.ratio.toLowerCase()];
    const object = skills.find((x) => x.at >= at + m[0].length);
    if (!object || HYPOTHETICAL.test(plain.slice(leadStart(at), at))) continue;
    const file = fileOf(at, at);
    push(at, m[0].trim(), 'lines', ratio, 'approx', {
      target: file?.file ?? null,
      fileOwner: file?.id ?? null,
      relativeTo: object.id,
    });
  }
  // "Sonnet's essay is 86 lines, GPT-5's roughly half that"
  for (const m of plain.matchAll(
    new RegExp(
      `(?:(?<qual>${QUALIFIER})\\s+)?\\b(?<ratio>half|twice|double|a third|a quarter)\\s+(?:that|of that|as much)\\b`,
      'gi',
    ),
  )) {
    const at = m.index!;
    const previous = out
      .filter((c) => !c.relativeTo && c.at < at && c.about)
      .sort((a, b) => a.at - b.at)
      .pop();
    if (previous)
      push(at, m[0], previous.measure, RATIOS[m.groups!.ratio.toLowerCase()], 'approx', {
        relativeTo: previous.about,
      });
  }
  // "X is 45 lines; Y is 90", "release-notes under 30": a bare number after a name, following a
  // claim in the same sentence, counts what that claim counted
  const claimed = (at: number) => out.some((c) => at >= c.at && at < c.at + c.phrase.length);
  for (const m of plain.matchAll(
    new RegExp(
      `(?<![\\w.,/-])(?:(?<qual>${QUALIFIER})\\s*)?(?<num>\\d+|${Object.keys(NUMBER_WORDS)
        .filter((w) => !/^(?:no|one|single|a single)$/.test(w))
        .join('|')})(?=\\s*(?:[.;,)]|and\\b|$))`,
      'gi',
    ),
  )) {
    const at = m.index!;
    if (claimed(at)) continue;
    const previous = out
      .filter((c) => !c.relativeTo && c.at < at)
      .sort((a, b) => a.at - b.at)
      .pop();
    const name = inSentence.filter((x) => x.end <= at).pop();
    if (
      !previous ||
      !name ||
      name.end < previous.at ||
      !/^[\s'’s]*(?:is|are|at|has|with|another|just|only)?\s*$/i.test(
        plain.slice(name.end, at).replace(new RegExp(QUALIFIER, 'i'), ''),
      )
    )
      continue;
    const file = fileOf(at, at + m[0].length);
    push(at, m[0].trim(), previous.measure, numberOf(m.groups!.num), qualifierOf(m.groups!.qual), {
      target: file?.file ?? null,
      fileOwner: file?.id ?? null,
    });
  }
  return out.sort((a, b) => a.at - b.at).map(({ at: _at, ...c }) => c);
}

/** Finds every measurable claim in an evaluation. */
export function findClaims(markdown: string, ctx: ClaimContext): FoundClaim[] {
  const out: FoundClaim[] = [];
  let heading: { id: string | null; depth: number } | null = null;
  for (const block of blocks(markdown, ctx.mentions)) {
    const mentions = ctx.mentions(block.raw);
    const ids = [...new Set(mentions.flatMap((m) => (m.id ? [m.id] : [])))];
    if (block.heading !== null) {
      heading =
        ids.length === 1
          ? { id: ids[0], depth: block.heading }
          : heading && heading.depth < block.heading
            ? heading
            : null;
      continue;
    }
    const scan: Scan = { ctx, carried: null, heading: heading?.id ?? null };
    for (const s of sentencesOf(block.text)) {
      out.push(...sentenceClaims(block, s, mentions, scan));
      const named = [
        ...new Set(
          mentions
            .filter((m) => m.id && m.at >= s.start && m.at < s.start + s.text.length)
            .map((m) => m.id),
        ),
      ];
      if (named.length) scan.carried = named.length === 1 ? named[0] : null;
    }
  }
  return out;
}
