// Data: words of names that do not tell one participant from another.

/** Words of folder, file and skill names that name the kind of thing, not which one. */
export const NAME_NOISE = [
  'eval',
  'evals',
  'evaluation',
  'evaluations',
  'review',
  'reviews',
  'judge',
  'judgment',
  'judgement',
  'skill',
  'skills',
  'comparison',
  'compare',
  'md',
  'txt',
  'markdown',
  'verdict',
  'notes',
  'one',
  'version',
  'draft',
] as const;

/** Nouns after a lone distinctive word that show it is used as a name: "the discipline skill". */
export const NAME_NOUNS = [
  'skill',
  'skills',
  'version',
  'one',
  'variant',
  'entry',
  'draft',
  'submission',
  'folder',
  'approach',
  'set',
] as const;

/** Words of skill names too common to stand for one skill alone ("the helper"). */
export const GENERIC_SKILL_WORDS = [
  'skill',
  'skills',
  'code',
  'writer',
  'helper',
  'tools',
  'tool',
  'guide',
  'notes',
  'markdown',
] as const;
