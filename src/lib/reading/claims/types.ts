// Types of the claim finder: what it is told about the experiment and what it finds.

export const MEASURES = ['lines', 'files', 'words', 'list-items', 'headings', 'steps'] as const;
export type Measure = (typeof MEASURES)[number];

/** How the number is meant: exactly, roughly ("~", "about"), or a bound ("over", "under"). */
export type Qualifier = 'exact' | 'approx' | 'more' | 'less' | 'at-least' | 'at-most';

/** Who a name in the text refers to: a participant, and a file of its skill when one is named. */
export interface Mention {
  /** null for a file name more than one skill has ("SKILL.md"). */
  id: string | null;
  file?: string;
  /**
   * A number or letter reference ("Skill 2", "the second skill"): id is the participant the
   * evaluation's own mapping gives, or null.
   */
  label?: string;
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
  /** The files a size adds up, when the text names several ("SKILL.md and examples.md"). */
  files?: string[];
  /** A section (heading) of the skill the count is scoped to. */
  section: { file: string; heading: string } | null;
  /** For "twice as long as X": the participant compared with. */
  relativeTo: string | null;
  /**
   * When the skill it is about was told by a guess (a pronoun after other skills were named, a
   * numbered label, a section only one skill has): what was guessed. A claim so told is tentative.
   */
  guess?: string;
}

/** The target of "a 45-line script": the skill's one script, found when measured. */
export const SCRIPT = '(script)';
/** The target of "a 179-line reference doc": the skill's one reference file, found when measured. */
export const REFERENCE = '(reference)';
/** The target of "a 70-line document": the skill's one file (metadata aside), found when measured. */
export const ONE_FILE = '(file)';
