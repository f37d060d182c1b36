// Pure logic: the sentences of a text a draft can quote, word for word, and the one worth quoting:
// a judge's sentence of reasoning (not its label line), a sentence that states what a skill is about.
// Every sentence returned is found in its text by the build's pull-quote check (pullquote.ts).
import { locateQuote } from './pullquote.ts';
import { FRONT_MATTER, blocks } from '../text/markdown.ts';
import { sentences } from '../text/sentences.ts';
import { countWords } from '../text/words.ts';
import { wordsRegExp } from '../text/patterns.ts';

/** Words of a sentence that states the verdict. */
const LABEL = wordsRegExp([
  'winner',
  'verdict',
  'decision',
  'prefer(?:red)?',
  'pick(?:ed)?',
  'choose',
  'chose',
  'better skill',
  'stronger skill',
  'skill [a-z0-9]+ (?:wins|is (?:the )?(?:better|stronger))',
]);
/** Words of a sentence that gives reasons. */
const REASONING = wordsRegExp([
  'because',
  'since',
  'while',
  'but',
  'whereas',
  'however',
  'more',
  'less',
  'better',
  'clearer',
  'keeps',
  'misses',
  'lacks',
  'instead',
  'rather',
  'than',
  'concrete',
  'specific',
  'faithful',
  'fidelity',
]);

export interface Sentence {
  text: string;
  /** A paragraph's sentence (not a list item's). */
  paragraph: boolean;
  /** The text of the whole paragraph or item the sentence is in. */
  block: string;
}

/** The text's sentences of plain prose: no front matter, headings, code, tables or quotes. */
export function proseSentences(markdown: string): Sentence[] {
  return blocks(markdown.replace(FRONT_MATTER, ''))
    .filter((b) => (b.kind === 'paragraph' || b.kind === 'item') && !b.quoted)
    .flatMap((b) =>
      sentences(b.text).map((s) => ({
        text: s.text.replace(/\s+/g, ' '),
        paragraph: b.kind === 'paragraph',
        block: b.text,
      })),
    );
}

/** Points for a sentence's length: a pull-quote reads best at 10 to 40 words. */
const lengthScore = (s: string) => {
  const n = countWords(s);
  return n >= 10 && n <= 40 ? 2 : n >= 6 && n <= 60 ? 1 : -5;
};

/** The best-scoring sentence that is found word for word in the text, or null. */
function best(text: string, scored: { s: string; score: number }[]): string | null {
  const found = scored
    .filter((x) => x.score > 0 && locateQuote(x.s, text))
    .sort((a, b) => b.score - a.score);
  return found[0]?.s ?? null;
}

/** The judge's most quotable sentence of reasoning, found word for word in its evaluation. */
export function pickQuote(evaluation: string): string | null {
  const lines = evaluation.split('\n');
  // not from the line that states the verdict
  const onLabelLine = (s: string) => {
    const at = locateQuote(s, evaluation);
    return !at || LABEL.test(lines[at.line - 1]);
  };
  const scored = proseSentences(evaluation)
    .filter((x) => !LABEL.test(x.text) && !onLabelLine(x.text) && !dangles(x.text))
    .map((x, i) => ({
      s: x.text,
      score: lengthScore(x.text) + (REASONING.test(x.text) ? 2 : 0) - i * 0.01,
    }));
  return best(evaluation, scored);
}

/**
 * The sentence that best says what a skill (or any artifact) stands for: a sentence of its prose,
 * a paragraph's before a list item's, early before late; none of the sentences in `avoid`.
 */
export function pickStatement(file: string, avoid: string[] = []): string | null {
  const avoided = (s: string) => avoid.some((a) => locateQuote(a, s) || locateQuote(s, a));
  const scored = proseSentences(file)
    .filter((x) => !avoided(x.text) && !x.text.endsWith(':'))
    .map((x, i) => ({
      s: x.text,
      score:
        lengthScore(x.text) +
        (x.paragraph ? 1.5 : 0) +
        (REASONING.test(x.text) ? 0.5 : 0) -
        Math.min(i, 100) * 0.02,
    }));
  return best(file, scored);
}

/** The sentence a claim is in, and the one after it in the same paragraph when there is one. */
export function claimPassage(evaluation: string, sentence: string): string {
  const all = proseSentences(evaluation);
  const i = all.findIndex((s) => s.text === sentence.replace(/\s+/g, ' '));
  const next = all[i + 1];
  if (i < 0 || !next || next.block !== all[i].block || !next.paragraph) return sentence;
  const both = `${all[i].text} ${next.text}`;
  return locateQuote(both, evaluation) ? both : sentence;
}

/** A sentence that leans on the one before it: a pronoun or a conjunction first. */
const DANGLING = /^\W*(?:it|its|this|that|these|those|they|them|but|and|so|or|also|yet|however)\b/i;
export const dangles = (s: string) => DANGLING.test(s);

/** A bare label line: "Winner: X", "Verdict - X", with a few words after the label at most. */
const BARE_LABEL =
  /^\W*(?:overall\s+)?(?:winner|verdict|decision|pick|choice|recommendation)\W*[:–—-]\s*(.*)$/i;
const isBareLabel = (s: string) => {
  const m = s.match(BARE_LABEL);
  return !!m && countWords(m[1]) <= 3;
};

/** The blocks of prose an evaluation's reader sees, headings included (a bold line is one). */
const proseBlocks = (markdown: string) =>
  blocks(markdown.replace(FRONT_MATTER, '')).filter((b) => b.kind !== 'row' && !b.quoted);

/** A sentence that ends in a colon, with the list items that follow it (three at most). */
function withItems(sentence: string, after: ReturnType<typeof proseBlocks>): string {
  if (!sentence.endsWith(':')) return sentence;
  const items = [];
  for (const b of after) {
    if (b.kind !== 'item' || items.length === 3) break;
    items.push(b.text.replace(/\s+/g, ' ').trim());
  }
  return items.length === 0 ? sentence : `${sentence} ${items.join(' ')}`;
}

/**
 * The judge's verdict in its own words: the sentence the verdict was read from (after a bare
 * "Winner: X" line, the paragraph that follows it), with the list a colon opens, and the next
 * sentence of its paragraph while the whole stays under 50 words. Null when it leans on what came
 * before ("It …", "But …") or is not found word for word.
 */
export function verdictQuote(evaluation: string, evidence: string | undefined): string | null {
  if (!evidence) return null;
  const bs = proseBlocks(evaluation);
  const at = bs.findIndex((b) => locateQuote(evidence, b.text) || locateQuote(b.text, evidence));
  if (at < 0) return null;
  const own = sentences(bs[at].text).map((s) => s.text.replace(/\s+/g, ' '));
  let i = own.findIndex((s) => !isBareLabel(s) && locateQuote(s, evidence));
  let block = own;
  let next = at + 1;
  if (i < 0) {
    // a bare label: the verdict's words are the next paragraph's
    const para = bs.slice(at + 1).find((b) => b.kind === 'paragraph');
    if (!para) return null;
    block = sentences(para.text).map((s) => s.text.replace(/\s+/g, ' '));
    next = bs.indexOf(para) + 1;
    i = 0;
  }
  let quote = withItems(block[i], bs.slice(next));
  const more = block[i + 1];
  if (more && !quote.endsWith(':') && countWords(`${quote} ${more}`) <= 50 && !dangles(more))
    quote = `${quote} ${more}`;
  quote = quote.replace(/:$/, '');
  if (dangles(quote) || countWords(quote) < 6) return null;
  return locateQuote(quote, evaluation) ? quote : null;
}
