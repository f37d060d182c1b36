import { wordsRegExp } from '../../../text/patterns.ts';
import { CONCLUDING_HEADINGS, DECISIVE_HEADINGS } from '../vocabulary.ts';
import {
  sentencesOf,
  STRONG,
  WEAK,
  type Decision,
  type DocumentRule,
  type Strength,
} from '../decision.ts';
import { readPassage } from '../passage.ts';

/** What the sections under matching headings decide, each at least as strong as `floor`. */
function sectionRule(name: string, heading: RegExp, floor: Strength): DocumentRule {
  return {
    name,
    read({ blocks, ctx }, found) {
      const body = blocks.filter((b) => b.kind !== 'row' && b.kind !== 'heading');
      const sections = new Set(body.filter((b) => heading.test(b.section)).map((b) => b.section));
      const out: Decision[] = [];
      for (const section of sections) {
        const sentences = body.filter((b) => b.section === section).flatMap(sentencesOf);
        const d = readPassage(sentences, ctx);
        if (d && ![...found, ...out].some((x) => x.evidence === d.evidence))
          out.push({ ...d, strength: Math.max(d.strength, floor) as Strength });
      }
      return out;
    },
  };
}

/** The sections under a heading that decides: "## Verdict", "## Winner", "## Ranking". */
export const decisiveSections = sectionRule(
  'decisive-sections',
  wordsRegExp(DECISIVE_HEADINGS),
  STRONG,
);

/** The sections under a heading that concludes: "## Summary", "## Bottom line", "## TL;DR". */
export const concludingSections = sectionRule(
  'concluding-sections',
  wordsRegExp(CONCLUDING_HEADINGS),
  WEAK,
);
