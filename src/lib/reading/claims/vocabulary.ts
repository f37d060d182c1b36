// Data: the words the claim finder reads numbers, units and their scope by, as patterns (a "?"
// or a group inside one covers its spellings).
import type { Measure, Qualifier } from './types.ts';

/** Words before a number that say how it is meant: "~250", "over 100", "at most 5". */
export const QUALIFIER_WORDS: Readonly<Record<Exclude<Qualifier, 'exact'>, readonly string[]>> = {
  approx: [
    '~',
    '≈',
    'about',
    'around',
    'roughly',
    'approximately',
    'approx\\.?',
    'nearly',
    'almost',
    'some',
    'circa',
    'ca\\.',
  ],
  more: ['over', 'more than'],
  less: ['under', 'fewer than', 'less than'],
  'at-least': ['at least'],
  'at-most': ['at most', 'no more than', 'up to'],
};

/** Units, by the measure they count. */
export const UNIT_WORDS: Readonly<Record<Measure, readonly string[]>> = {
  lines: ['lines?', 'loc'],
  files: ['files?'],
  words: ['words?'],
  'list-items': ['list items?', 'items?', 'bullets?', 'bullet points?', 'rules?'],
  headings: ['headings?', 'sections?', 'headers?'],
  steps: ['steps?'],
};

/** List nouns that count list items only within a named section ("a section with seven tips"). */
export const SECTION_ITEM_WORDS = [
  'principles?',
  'properties',
  'property',
  'points?',
  'guidelines?',
  'checks?',
  'questions?',
  'tips?',
  'heuristics?',
] as const;

/** Things other than a skill a number may be about: "the tweet's example about 1000 lines". */
export const OTHER_THINGS = [
  'tweet',
  'source',
  'thread',
  'article',
  'blog',
  'example',
  'examples',
  'e\\.g\\.',
  'such as',
  'like a',
  'diff',
  'pr',
  'pull request',
  'codebase',
  'code base',
  'task',
  'response',
  'reply',
  'answer',
  'function',
  'functions',
  'module',
  'change',
  'changes',
  'minutes?',
  'hours?',
  'pdfs?',
  'limit',
  'hashtags?',
  'attempts?',
] as const;

/** Words of a size wished for, not stated: "would be better at 50 lines". */
export const HYPOTHETICAL_WORDS = [
  'would',
  'could',
  'should',
  'might',
  'ought',
  'if',
  'ideally',
  'were',
  'needs? to be',
  'aim for',
  'target',
] as const;

/** After "N lines of", words that keep it a size: "40 lines of prose" (not "20 lines of code"). */
export const SIZE_OF = [
  'markdown',
  'text',
  'instructions',
  'prose',
  'guidance',
  'content',
  'documentation',
  'rules',
  'advice',
  'tips',
  'front matter',
  'about',
  'around',
  'roughly',
  'approximately',
  'nearly',
  'just',
  'only',
  'some',
  'under',
  'over',
  '\\d+',
] as const;

/**
 * Words before a count that make it a part, not a total ("the first 20 lines", "every 3 steps"),
 * or the skills together ("across all four files").
 */
export const PART_WORDS = [
  'all',
  'first',
  'last',
  'top',
  'bottom',
  'extra',
  'additional',
  'another',
  'other',
  'new',
  'every',
  'each',
  'per',
  'those',
  'these',
  'step',
  'rule',
] as const;

/** After "N-line", what makes it a size of a skill or file: "a 70-line SKILL.md". */
export const SIZED_THINGS = [
  'skill',
  'document',
  'doc',
  'file',
  'script',
  'markdown',
  'instruction',
  'prompt',
  'reference',
  'guide',
  'readme',
  'workflow',
  'process',
  'procedure',
  'checklist',
  'list',
  '[\\w./-]+\\.(?:md|markdown|txt|yaml|yml|json|py|sh|ts|js)',
] as const;

/** Kinds of file that are not the skill's one file: "one reference file" counts a kind. */
export const FILE_KINDS = [
  'reference',
  'script',
  'extra',
  'more',
  'other',
  'additional',
  'supporting',
  'helper',
  'example',
  'data',
  'config',
] as const;
