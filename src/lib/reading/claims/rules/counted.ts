import { anyOf, wordPattern } from '../../../text/patterns.ts';
import { NUM, QUALIFIER, UNIT, isSectionItem, numberOf, qualifierOf, unitOf } from '../numbers.ts';
import type { ClaimRule, ClaimSentence, Located } from '../sentence.ts';
import { ONE_FILE, REFERENCE, SCRIPT, type Measure } from '../types.ts';
import { PART_WORDS, SIZED_THINGS, SIZE_OF } from '../vocabulary.ts';

/** "~250 lines", "about 86 lines", "seven steps", "8 tight rules", "a 70-line", "7-step". */
const COUNT = new RegExp(
  `(?<![\\w.,/-])(?:(?<qual>${QUALIFIER})\\s*)?(?<num>${NUM})` +
    `(?:(?<hyphen>-)|\\s+(?:(?<adj>[a-z]+)\\s+)?)(?<unit>${UNIT})\\b`,
  'gi',
);
/** After the unit, a manner or a part, not a size: "one step at a time", "20 lines of code". */
const NOT_A_COUNT = new RegExp(
  `^\\s*(?:at a time|of (?!${wordPattern(SIZE_OF)}|~)\\w+|per\\b)`,
  'i',
);
/** Before the number, a part, not a total: "the first 20 lines", "another 3 steps". */
const NOT_A_TOTAL = new RegExp(`${wordPattern(PART_WORDS)}\\s*$`, 'i');
/** After "N-line", the words that make it a size of a skill or file: "a 70-line SKILL.md". */
const SIZED = new RegExp(`^\\s*${anyOf(SIZED_THINGS)}`, 'i');
/** "spreads 60 lines over two files": "over" after a size is "across". */
const SIZE_BEFORE = /\b(?:lines?|words?)\s*$/i;
const FILE_NAME_AFTER = /^\s*([\w./-]+\.[a-z]{1,8})\b/i;
const ONE_BEFORE = /\b(?:a single|single|one|only one)\s*$/i;
/** After "N-line", a kind of file that is one file of the skill: "script", "reference doc", "document". */
const KIND_AFTER: [RegExp, string][] = [
  [/^\s*script\b/i, SCRIPT],
  [/^\s*references?\b/i, REFERENCE],
  [/^\s*(?:doc|document|file|guide)\b/i, ONE_FILE],
];

const isSize = (m: Measure) => m === 'lines' || m === 'files' || m === 'words';

interface Count {
  at: number;
  phrase: string;
  measure: Measure;
  num: string;
  qual?: string;
  adj?: string;
  hyphen?: string;
  unit: string;
  /** What follows, as written (file names are blanked in plain). */
  after: string;
}

/** Whether the words around a count make it no size of a skill. */
function isNoClaim(c: Count, s: ClaimSentence): boolean {
  // "two reference files" counts a kind; "two three lines" is no count
  if (c.adj && (isSize(c.measure) || numberOf(c.adj) >= 0)) return true;
  if (NOT_A_COUNT.test(c.after) || NOT_A_TOTAL.test(s.plain.slice(0, c.at))) return true;
  const unsized = !SIZED.test(c.after) && !/^\s*(?:long|in\b)/.test(c.after);
  if (c.hyphen && (c.measure === 'lines' || c.measure === 'words') && unsized) return true;
  if (s.notAboutSkill(c.at) || !Number.isFinite(numberOf(c.num))) return true;
  // "no headings at all" is a count; "no equivalent section", "no file" are not
  const countable = c.measure === 'headings' || c.measure === 'list-items' || c.measure === 'steps';
  return (
    c.num.toLowerCase() === 'no' && (!!c.adj || !!c.hyphen || !/s$/i.test(c.unit) || !countable)
  );
}

/** The claims of one count. */
function claimsOf(c: Count, s: ClaimSentence): Located[] {
  const qualifier =
    c.qual?.toLowerCase() === 'over' && SIZE_BEFORE.test(s.plain.slice(0, c.at))
      ? 'exact'
      : qualifierOf(c.qual);
  const sized = c.measure === 'lines' || c.measure === 'words';
  const summed = sized ? s.filesAddedUp(c.at) : null;
  const owners = [...new Set(summed?.flatMap((f) => (f.id ? [f.id] : [])))];
  if (summed)
    return s.claims(c.at, c.phrase.trim(), c.measure, numberOf(c.num), qualifier, {
      fileOwner: owners.length === 1 ? owners[0] : null,
      files: summed.map((f) => f.file!),
      after: c.after,
    });
  const file = c.measure === 'files' ? null : s.fileOf(c.at, c.at + c.phrase.length);
  // "a single 90-line file" is the whole skill, said to be one file
  const whole = ONE_BEFORE.test(s.plain.slice(0, c.at));
  const kinds = KIND_AFTER.filter(([, kind]) => !(whole && kind === ONE_FILE));
  const fileAfter = c.hyphen
    ? (c.after.match(FILE_NAME_AFTER)?.[1] ?? kinds.find(([re]) => re.test(c.after))?.[1])
    : undefined;
  // the words after a size name what it sizes ("a 178-line reference doc"), unless only "file"
  const named = fileAfter && fileAfter !== ONE_FILE ? fileAfter : undefined;
  const found = s.claims(c.at, c.phrase.trim(), c.measure, numberOf(c.num), qualifier, {
    target: named ?? file?.file ?? fileAfter ?? null,
    fileOwner: file?.id ?? null,
    after: c.after,
  });
  // generic list nouns ("seven tips") count only within a named section
  return isSectionItem(c.unit) ? found.filter((x) => x.section) : found;
}

/**
 * A count with its unit: "~250 lines", "a 70-line SKILL.md", "seven steps", "three files". Not a
 * kind ("two reference files"), a part ("the first 20 lines"), a manner ("one step at a time"),
 * something else's size ("the tweet's 1000 lines") or a wish ("would be better at 50 lines").
 */
export const counted: ClaimRule = {
  name: 'counted',
  find(s) {
    return [...s.plain.matchAll(COUNT)].flatMap((m) => {
      const g = m.groups!;
      const measure = unitOf(g.unit);
      if (!measure) return [];
      const end = m.index + m[0].length;
      const c: Count = {
        at: m.index,
        phrase: m[0],
        measure,
        num: g.num,
        qual: g.qual,
        adj: g.adj,
        hyphen: g.hyphen,
        unit: g.unit,
        after: s.raw.slice(end, end + 30),
      };
      return isNoClaim(c, s) ? [] : claimsOf(c, s);
    });
  },
};
