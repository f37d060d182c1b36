// Pure logic: the fact check. Finds the measurable claims of each evaluation (reading/claims/),
// measures the skill, file or section each is about (measure.ts), and says whether it holds.
//   exact counts: lines within one (editors show one more line than `wc -l`), all else equal;
//   "~", "about", "roughly": within 10% (and within one line); "over", "under", "at least": the
//   bound.
import { findClaims, type ClaimContext, type FoundClaim } from '../reading/claims/index.ts';
import type { Named } from '../reading/verdict/index.ts';
import { NameIndex } from '../text/names.ts';
import { mentionFinder, withLabels } from './claim-names.ts';
import { isMarkdown, measureClaim, outline, type Outline, type SkillText } from './measure.ts';

export { countLines, type SkillText } from './measure.ts';
export { mentionFinder } from './claim-names.ts';

export interface Claim extends FoundClaim {
  /** The evaluation the claim is in. */
  file: string;
  measured: number | null;
  /** true or false, or null when the claim cannot be checked (`why` says why). */
  holds: boolean | null;
  why?: string;
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

/**
 * The fact checker of one experiment: each skill's markdown is parsed once, however many
 * evaluations are checked against it.
 */
export function claimChecker(
  skills: SkillText[],
  named: Named[],
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
  return (file, markdown) =>
    findClaims(markdown, withLabels(ctx, markdown, names)).map((c) => {
      const m = measureClaim(
        c,
        skills.find((s) => s.participant === c.about),
        skills,
        outlineOf,
      );
      if (!('value' in m)) return { ...c, file, measured: null, holds: null, why: m.why };
      return {
        ...c,
        target: c.target && m.file ? m.file : c.target,
        file,
        measured: m.value,
        holds: holds(c, m.value),
      };
    });
}

/** Every claim of one evaluation, measured. */
export const checkClaims = (
  file: string,
  markdown: string,
  skills: SkillText[],
  named: Named[],
): Claim[] => claimChecker(skills, named)(file, markdown);
