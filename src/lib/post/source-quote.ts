// Pure logic: the sentence of the source a draft quotes in its setup: one the artifacts quote, else
// the one whose words they all draw on most: the most content words every artifact has, for the
// sentence's length (divided by the square root of its content words, so a long sentence does not win
// by length alone).
import type { Experiment } from '../content/experiment.ts';
import type { Analysis } from '../analysis/analysis.ts';
import { locateQuote } from './pullquote.ts';
import { proseSentences } from './quotable.ts';
import { contentStems } from './story.ts';
import { countWords } from '../text/words.ts';

/** A sentence of a length a reader takes in at once. */
const quotable = (s: string) => {
  const n = countWords(s);
  return n >= 8 && n <= 45;
};

/** The source's sentence the artifacts draw on most, found word for word in the source; or null. */
export function pickSourceSentence(e: Experiment, a: Analysis): string | null {
  if (e.manifest.source === null) return null;
  const all = proseSentences(e.source).filter((s) => quotable(s.text) && !s.text.endsWith(':'));
  // a sentence an artifact quotes as the author's, the longest quote first; then any it quotes
  const rank = (q: Analysis['quotes'][number]) =>
    (q.kind === 'attributed' ? 1000 : 0) + countWords(q.text);
  const quoted = a.quotes
    .filter((q) => q.file.startsWith('skills/') && q.where === 'source')
    .sort((x, y) => rank(y) - rank(x));
  for (const q of quoted) {
    const s = all.find((x) => locateQuote(q.text, x.text));
    if (s) return s.text;
  }
  const artifacts = e.skills.map(
    (s) => new Set(contentStems(s.files.map((f) => f.content ?? '').join('\n'))),
  );
  const score = (text: string) => {
    const stems = [...new Set(contentStems(text))];
    const shared = stems.filter((w) => artifacts.every((k) => k.has(w))).length;
    return shared < 2 ? 0 : shared / Math.sqrt(stems.length);
  };
  const best = all
    .map((s, i) => ({ s: s.text, score: score(s.text) - i * 0.001 }))
    .filter((x) => x.score > 0 && locateQuote(x.s, e.source))
    .sort((x, y) => y.score - x.score)[0];
  return best?.s ?? null;
}
