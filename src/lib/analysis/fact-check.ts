// Pure logic: the fact check. Finds the measurable claims of each evaluation (reading/claims/),
// measures the skill, file or section each is about (measure.ts), and says whether it holds.
//   exact counts: lines within one (editors show one more line than `wc -l`), all else equal;
//   "~", "about", "roughly": within 10% (and within one line); "over", "under", "at least": the
//   bound.
import { findClaims, type ClaimContext, type FoundClaim } from '../reading/claims/index.ts';
import type { Named } from '../reading/verdict/index.ts';
import { NameIndex } from '../text/names.ts';
import { words } from '../text/words.ts';
import { blocks } from '../text/markdown.ts';
import { mentionFinder, withLabels } from './claim-names.ts';
import {
  countLines,
  isMarkdown,
  isMetadata,
  measureClaim,
  outline,
  type Outline,
  type SkillText,
} from './measure.ts';

export { countLines, type SkillText } from './measure.ts';
export { mentionFinder } from './claim-names.ts';

export interface Claim extends FoundClaim {
  /** The evaluation the claim is in. */
  file: string;
  measured: number | null;
  /** true or false, or null when the claim cannot be checked (`why` says why). */
  holds: boolean | null;
  why?: string;
  /** For a size of a whole skill: the files measured. */
  counted?: string[];
  /** What a reader should know of a claim that holds: "not counting agents/openai.yaml, …". */
  note?: string;
  /**
   * For a claim that does not hold, when that rests on a reading of the words rather than on a
   * measure beyond doubt: why it is only tentative.
   */
  tentative?: string;
}

type Measuring = (c: FoundClaim, skill: SkillText | undefined) => ReturnType<typeof measureClaim>;

/** A size of the whole skill: its lines, words or files, no file or section named. */
const isWholeSkill = (c: FoundClaim) =>
  !c.target && !c.section && !c.files && !c.relativeTo && STRUCTURE[c.measure] === undefined;

/** Counts of the markdown's structure: what counts as one is a reading of the words. */
const STRUCTURE: Partial<Record<FoundClaim['measure'], string>> = {
  'list-items': 'list items',
  headings: 'headings',
  steps: 'numbered steps',
};

/** Why a claim that does not hold is only tentative, if it is. */
function doubtOf(c: FoundClaim): string | undefined {
  if (c.guess) return c.guess;
  const structure = STRUCTURE[c.measure];
  if (structure)
    return `the words are read as a count of ${structure}; they may count something else`;
  return undefined;
}

const lineCount = (f: SkillText['files'][number]) =>
  `${f.path} (${countLines(f.content ?? '')} line${countLines(f.content ?? '') === 1 ? '' : 's'})`;

/**
 * A size of a whole skill that does not hold, but holds without the tiny metadata files beside
 * it ("one file" for a SKILL.md and a 4-line agents/openai.yaml): it holds, with a note.
 */
function withoutMetadata(claim: Claim, skill: SkillText, measure: Measuring): Claim | null {
  const metadata = skill.files.filter(isMetadata);
  if (!metadata.length) return null;
  const content = { ...skill, files: skill.files.filter((f) => !isMetadata(f)) };
  const m = measure(claim, content);
  if (!('value' in m) || !holds(claim, m.value)) return null;
  return {
    ...claim,
    measured: m.value,
    holds: true,
    counted: content.files.map((f) => f.path),
    note: `not counting ${metadata.map(lineCount).join(', ')}: metadata beside the skill`,
  };
}

/** One claim measured and judged. */
function judge(
  c: FoundClaim,
  file: string,
  skill: SkillText | undefined,
  measure: Measuring,
): Claim {
  const m = measure(c, skill);
  if (!('value' in m)) return { ...c, file, measured: null, holds: null, why: m.why };
  const whole = !!skill && isWholeSkill(c);
  const claim: Claim = {
    ...c,
    target: c.target && m.file ? m.file : c.target,
    file,
    measured: m.value,
    holds: holds(c, m.value),
    ...(whole ? { counted: skill.files.map((f) => f.path) } : {}),
  };
  if (claim.holds) return claim;
  const doubt = doubtOf(c);
  return (
    (whole && withoutMetadata(claim, skill, measure)) ||
    (doubt ? { ...claim, tentative: doubt } : claim)
  );
}

export function holds(
  c: Pick<FoundClaim, 'measure' | 'claimed' | 'qualifier'> & { relativeTo?: string | null },
  measured: number,
): boolean {
  const slack = c.measure === 'lines' && !c.relativeTo ? 1 : 0;
  switch (c.qualifier) {
    case 'exact':
      return Math.abs(measured - c.claimed) <= slack;
    case 'approx':
      return Math.abs(measured - c.claimed) <= Math.max(slack, 0.1 * c.claimed);
    case 'more':
      return measured > c.claimed;
    case 'less':
      return measured < c.claimed;
    case 'at-least':
      return measured >= c.claimed;
    case 'at-most':
      return measured <= c.claimed;
  }
}

/** How many words beside a claim, on either side or both, show it is someone else's words. */
const BESIDE = 4;

/**
 * A claim with words beside it, as its sentence writes them, every way round: "the 1000-line
 * version when 100 would do" (the source's words, repeated without quotation marks).
 */
function wordsBeside(c: FoundClaim): string[] {
  const at = c.sentence.indexOf(c.phrase);
  const ws = words(c.sentence);
  const first = ws.findIndex((w) => w.end > at);
  const last = ws.findLastIndex((w) => w.start < at + c.phrase.length);
  if (at < 0 || first < 0 || last < 0) return [];
  return Array.from({ length: BESIDE + 1 }, (_, before) => {
    const from = first - before;
    const to = last + BESIDE - before;
    return from < 0 || to >= ws.length ? '' : c.sentence.slice(ws[from].start, ws[to].end);
  }).filter(Boolean);
}

/**
 * The fact checker of one experiment: each skill's markdown is parsed once, however many
 * evaluations are checked against it. `isQuoted` tells words the source, a prompt or a skill has
 * (a claim in them is theirs, repeated, not the evaluator's).
 */
export function claimChecker(
  skills: SkillText[],
  named: Named[],
  isQuoted: (words: string) => boolean = () => false,
): (file: string, markdown: string) => Claim[] {
  const outlines = new Map<string, Outline>();
  const outlineOf = (text: string) =>
    outlines.get(text) ?? outlines.set(text, outline(text)).get(text)!;
  const sections = skills.flatMap((s) =>
    s.files
      .filter((f) => f.content !== null && isMarkdown(f.path))
      .flatMap((f) =>
        outlineOf(f.content!).headings.map((h) => ({
          id: s.participant,
          file: f.path,
          heading: h.text,
        })),
      ),
  );
  const ctx: ClaimContext = {
    participants: skills.map((s) => s.participant),
    mentions: mentionFinder(named, skills),
    sections,
  };
  const names = new NameIndex(named);
  const measure: Measuring = (c, skill) => measureClaim(c, skill, skills, outlineOf);
  const skillOf = (id: string | null) => skills.find((s) => s.participant === id);
  return (file, markdown) => {
    const bs = blocks(markdown);
    return findClaims(markdown, withLabels(ctx, bs, names), bs)
      .filter((c) => !wordsBeside(c).some(isQuoted))
      .map((c) => judge(c, file, skillOf(c.about), measure));
  };
}

/** Every claim of one evaluation, measured. */
export const checkClaims = (
  file: string,
  markdown: string,
  skills: SkillText[],
  named: Named[],
): Claim[] => claimChecker(skills, named)(file, markdown);
