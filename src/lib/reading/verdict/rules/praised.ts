import { PRAISE } from '../cues.ts';
import { unique, type SeveralRule } from '../decision.ts';

/** After the name: "X is the stronger skill", "X (by Opus) comes out best", not "better at Y". */
const PRAISED_AFTER = new RegExp(
  "^['’]?s?\\s*(?:\\([^)]*\\)\\s*)?(?:skill\\s+|one\\s+|version\\s+)?" +
    `(?:is|was|comes out|ends up)\\s+(?:\\w+\\s+){0,2}?(?:${PRAISE})\\b` +
    '(?!\\s+(?:at|in|on|for|when|with|about|than)\\b)',
  'i',
);
/** Before the name: "the better skill is X", "Best choice: X". */
const PRAISED_BEFORE = new RegExp(
  `\\b(?:${PRAISE})\\s+(?:skill|one|choice|option|pick|submission|entry|response)?` +
    '\\s*(?:is|was|:)\\s*(?:the\\s+)?$',
  'i',
);

/**
 * One participant praised as the subject: "X is the stronger skill, though Y ...", "the better
 * skill is X, while Y ...". Praise of two is no answer.
 */
export const praised: SeveralRule = {
  name: 'praised',
  read(s, ms) {
    const named = unique(
      ms.filter(
        (m) =>
          PRAISED_AFTER.test(s.text.slice(m.end)) || PRAISED_BEFORE.test(s.text.slice(0, m.start)),
      ),
    );
    return named.length === 1 ? named[0] : undefined;
  },
};
