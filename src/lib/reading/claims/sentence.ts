// Pure logic: one sentence of an evaluation as the claim rules read it: the names in it, the
// sentence with those names blanked ("plain", so a skill called "tweet-writer" is not the tweet),
// and how a claim at an offset is tied to its skill, file and section.
import { lineOf } from '../../text/markdown.ts';
import { wordsRegExp } from '../../text/patterns.ts';
import type { ClaimBlock } from './blocks.ts';
import { namedSection } from './section.ts';
import type { ClaimContext, FoundClaim, Measure, Mention, Qualifier } from './types.ts';
import { HYPOTHETICAL_WORDS, OTHER_THINGS } from './vocabulary.ts';

/** Words between a skill and a number that say the number is about something else. */
const NOT_A_SKILL = wordsRegExp(OTHER_THINGS);
/** A size wished for, not stated: "would be better at 50 lines". */
export const HYPOTHETICAL = wordsRegExp(HYPOTHETICAL_WORDS);
/** A pronoun that, after two skills were named, leaves the subject unclear. */
const PRONOUN = wordsRegExp([
  'it',
  'its',
  "it's",
  'this one',
  'that one',
  'the other(?: one)?',
  'the latter',
  'the former',
  'the first',
  'the second',
]);
/** The judge's own skill: who that is, the text does not say. */
const OWN = wordsRegExp(['my own', 'mine', 'our own', 'ours']);
/** "both", "each": the claim is about every skill named (or every skill). */
const EVERY = wordsRegExp(['both', 'each', 'all (?:two|three|four|five) skills', 'every skill']);
/** Words that switch from a named file back to the whole skill ("but the skill as a whole"). */
const WHOLE = wordsRegExp([
  'skill',
  'whole',
  'total',
  'overall',
  'in all',
  'altogether',
  'together',
  'combined',
]);
/** Between a claim and a file named after it: "lines in the SKILL.md", "of its README". */
const FILE_AFTER = /^[\s-]*(?:(?:lines?|words?)\s+)?(?:in\s+|of\s+)?(?:the\s+|its\s+)?$/i;
/** Between two files a size adds up: "SKILL.md and examples.md", "SKILL.md + refs.md". */
const JOINED = /^\s*(?:,\s*)?(?:and|&|\+|plus|,)\s*(?:the\s+|its\s+|their\s+)?$/i;
/** "At 86 lines, the Codex skill ...": the skill named after the number. */
const AT_FIRST = /^\W*(?:at|with)\b/i;

/** A claim and where it stands in its sentence. */
export type Located = FoundClaim & { at: number };

/** What a sentence scan carries from sentence to sentence. */
export interface Scan {
  ctx: ClaimContext;
  /** The skill the paragraph named last (null when it named several). */
  carried: string | null;
  /** The skill the heading above names. */
  heading: string | null;
  /** Every skill the paragraph named so far (null for one it calls by an unmapped label). */
  named?: Set<string | null>;
  /** The skills the paragraph or its heading told by a label the evaluation maps. */
  labelled?: Set<string>;
}

/** Which skill a claim is about, and what was guessed to tell it. */
export interface Subject {
  id: string | null;
  guess?: string;
}

const GUESSED = {
  pronoun: 'the skill is told by a pronoun, after the paragraph named other skills',
  label: 'the skill is told by the number or letter the evaluation gave it',
  section: 'the skill is told by a section only it has',
};

/** How a claim is tied beyond its words: a file, its owner, a skill compared with. */
export interface ClaimOptions {
  target?: string | null;
  fileOwner?: string | null;
  relativeTo?: string | null;
  /** The words after the claim. */
  after?: string;
  /** The files a size adds up. */
  files?: string[];
}

export class ClaimSentence {
  /** The sentence as written. */
  readonly raw: string;
  /** The names in it, with offsets in it. */
  readonly names: Mention[];
  readonly skills: (Mention & { id: string })[];
  /** The sentence, quotations and names blanked. */
  readonly plain: string;

  constructor(
    readonly block: ClaimBlock,
    /** Where the sentence starts in its block. */
    readonly start: number,
    text: string,
    mentions: Mention[],
    readonly scan: Scan,
  ) {
    this.raw = block.text.slice(start, start + text.length);
    this.names = mentions
      .filter((m) => m.at >= start && m.at < start + text.length)
      .map((m) => ({ ...m, at: m.at - start, end: m.end - start }));
    this.skills = this.names.filter((m): m is Mention & { id: string } => m.id !== null);
    let plain = text;
    for (const m of this.names)
      plain = plain.slice(0, m.at) + ' '.repeat(Math.max(0, m.end - m.at)) + plain.slice(m.end);
    this.plain = plain;
  }

  private clauseStart(at: number): number {
    return this.plain.lastIndexOf(';', at - 1) + 1;
  }

  /** Where the words leading to a claim start: after the last skill named, in its clause. */
  leadStart(at: number): number {
    const before = this.skills.filter((x) => x.end <= at).pop();
    return Math.max(before ? before.end : 0, this.clauseStart(at));
  }

  /** Whether the words leading to `at` make the number about something else, or a wish. */
  notAboutSkill(at: number): boolean {
    const lead = this.plain.slice(this.leadStart(at), at);
    return NOT_A_SKILL.test(lead.replace(/\b(?:skill|file)s?\b/gi, '')) || HYPOTHETICAL.test(lead);
  }

  /** Which skills a claim at `at` is about: [{ id: null }] when it cannot be told. */
  subjects(at: number, after: string): Subject[] {
    const before = this.skills.filter((x) => x.end <= at);
    const clause = this.plain.slice(this.clauseStart(at), at);
    if (EVERY.test(clause) || /^\s*each\b/.test(after)) {
      const named = [...new Set(before.map((x) => x.id))];
      return (named.length >= 2 ? named : this.scan.ctx.participants).map((id) => ({ id }));
    }
    const subject = before[before.length - 1];
    // "Skill 2's SKILL.md": a skill the evaluation numbers, and does not map
    const unmapped = this.names.filter((x) => x.label && x.id === null && x.end <= at).pop();
    if (unmapped && (!subject || unmapped.at > subject.at)) return [{ id: null }];
    const lead = this.plain.slice(subject ? subject.end : 0, at);
    if (OWN.test(lead)) return [{ id: null }];
    if (subject) {
      if (PRONOUN.test(lead) && new Set(before.map((x) => x.id)).size >= 2) return [{ id: null }];
      return [{ id: subject.id, ...(subject.label ? { guess: GUESSED.label } : {}) }];
    }
    const next = this.skills.find((x) => x.at >= at);
    if (next && AT_FIRST.test(this.plain.slice(0, at))) return [{ id: next.id }];
    if (this.block.cell?.about) return [{ id: this.block.cell.about }];
    return [this.fromParagraph()];
  }

  /**
   * The skill a sentence naming none is about: the one its paragraph named last, else the one its
   * heading names; a guess when the paragraph named others, or one it does not map.
   */
  private fromParagraph(): Subject {
    const id = this.scan.carried ?? this.scan.heading;
    const others = [...(this.scan.named ?? [])].filter((x) => x !== id);
    if (!id || (this.scan.carried === null && others.includes(null))) return { id: null };
    if (others.length) return { id, guess: GUESSED.pronoun };
    return this.scan.labelled?.has(id) ? { id, guess: GUESSED.label } : { id };
  }

  /** The file a claim at `at` names: the nearest before it in its clause, or "in/of FILE" after. */
  fileOf(at: number, endAt: number): Mention | null {
    const before = this.names.filter((x) => x.file && x.end <= at).pop();
    if (
      before &&
      !this.skills.some((x) => x.at > before.end && x.at < at) &&
      !WHOLE.test(this.plain.slice(before.end, at)) &&
      !/[;]/.test(this.plain.slice(before.end, at))
    )
      return before;
    const next = this.names.find((x) => x.file && x.at >= endAt);
    return next && FILE_AFTER.test(this.plain.slice(endAt, next.at)) ? next : null;
  }

  /**
   * "Its SKILL.md and examples.md come to 40 lines": the files a size before `at` adds up, when its
   * clause names several joined by "and", "+" or a comma (the file fileOf gives last); or null.
   */
  filesAddedUp(at: number): Mention[] | null {
    const files = this.names.filter((x) => x.file && x.end <= at);
    const last = files.pop();
    if (!last || /;/.test(this.plain.slice(last.end, at))) return null;
    const out = [last];
    for (let prev = files.pop(); prev; prev = files.pop()) {
      if (!JOINED.test(this.plain.slice(prev.end, out[0].at))) break;
      out.unshift(prev);
    }
    return out.length >= 2 ? out : null;
  }

  /** The claims a number at `at` makes: one for each skill it is about. */
  claims(
    at: number,
    phrase: string,
    measure: Measure,
    claimed: number,
    qualifier: Qualifier,
    opts: ClaimOptions = {},
  ): Located[] {
    return this.subjects(at, opts.after ?? '').map((subject) => {
      const about = opts.fileOwner || subject.id;
      const section = this.sectionOf(at, measure, about, opts.target);
      const bySection = !!section && about === null;
      const guess = opts.fileOwner ? undefined : bySection ? GUESSED.section : subject.guess;
      return {
        at,
        phrase,
        sentence: this.raw.replace(/\s+/g, ' ').trim(),
        line: lineOf(this.block, this.start + at),
        measure,
        claimed,
        qualifier,
        about: bySection ? section.id : about,
        target: measure === 'files' ? null : (opts.target ?? null),
        section: section ? { file: section.file, heading: section.heading } : null,
        relativeTo: opts.relativeTo ?? null,
        ...(opts.files ? { files: opts.files } : {}),
        ...(guess ? { guess } : {}),
      };
    });
  }

  /** The section a count of list items, headings or steps is scoped to, in the file named. */
  private sectionOf(at: number, measure: Measure, about: string | null, target?: string | null) {
    if (measure === 'lines' || measure === 'files' || measure === 'words') return null;
    const inFile = (f: string) => !target || f === target || f.endsWith(`/${target}`);
    const sections = this.scan.ctx.sections.filter((x) => inFile(x.file));
    return namedSection(this.raw, at, sections, about);
  }
}

/**
 * A rule that finds one form of claim in a sentence, given the claims the rules before it found
 * there ("roughly half that" refers to one of them).
 */
export interface ClaimRule {
  name: string;
  find(s: ClaimSentence, found: readonly Located[]): Located[];
}
