import { NEGATIVE, TIE } from '../cues.ts';
import { LABELLED, type SentenceRule, type VerdictContext } from '../decision.ts';
import { countWords, wordList } from '../../../text/words.ts';

/** "Winner: A" where the labels are "Response A", "Response B": the label's letter alone. */
function bareLabel(subject: string, labels: VerdictContext['labels']): string | null {
  const m = subject.match(
    /^[\s*_`"“(]*([A-Z]|\d{1,2}|[IVX]{1,4})\b[\s*_`"”).]*(?:$|[,;—–(]|\s-\s)/,
  );
  if (!m) return null;
  const letter = m[1].toLowerCase();
  const ids = Object.entries(labels)
    .filter(([label]) => wordList(label).pop() === letter)
    .map(([, id]) => id);
  return new Set(ids).size === 1 ? ids[0] : null;
}

/** "Winner: tidy": after a label, a few words are a name, resolved as names are. */
function shortName(subject: string, index: VerdictContext['index']): string | null {
  const head = subject.split(/[,;:(—–.!?]|\s-\s/)[0];
  if (countWords(head) > 4 || NEGATIVE.test(head) || TIE.test(head)) return null;
  return index.resolve(head).id;
}

/**
 * A sentence that names no participant decides nothing, unless it is a label line whose words are
 * a blind label's letter ("Winner: B") or a short name ("Winner: tidy").
 */
export const shortLabel: SentenceRule = {
  name: 'short-label',
  read(f, ctx) {
    if (f.ids.length) return undefined;
    const id = f.labelled ? (bareLabel(f.text, ctx.labels) ?? shortName(f.text, ctx.index)) : null;
    return id ? { winner: id, strength: LABELLED, evidence: f.evidence } : null;
  },
};
