import { LABEL } from '../cues.ts';
import { LABELLED, sentencesOf, type DocumentRule } from '../decision.ts';
import { readPassage } from '../passage.ts';

/** Longer than this, a "Label: ..." sentence is prose, not a label line. */
const MAX_LABEL_LINE = 400;

/**
 * Label lines wherever they stand, as a line, a heading or a list item: "Winner: X",
 * "**Verdict:** X is stronger", each as strong as a decision gets.
 */
export const labelLines: DocumentRule = {
  name: 'label-lines',
  read({ blocks, ctx }) {
    return blocks.flatMap((b) =>
      sentencesOf(b).flatMap((s) => {
        if (!LABEL.test(s.text) || s.text.length >= MAX_LABEL_LINE) return [];
        const d = readPassage([s], ctx);
        return d ? [{ ...d, strength: LABELLED }] : [];
      }),
    );
  },
};
