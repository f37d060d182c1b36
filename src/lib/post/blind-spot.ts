// Pure logic: a model that judged its own artifact and missed the quote it made up. When a skill
// gives its source's author words the source does not contain, and the same model's evaluation
// sizes up that skill correctly (a size claim about its own skill that the fact check confirms) or
// warns that it misattributes ideas, without questioning the quote: one sentence linking the two.
// Every quoted phrase is found word for word in the evaluation before it is written.
import type { Experiment } from '../content/experiment.ts';
import type { LocatedClaim } from '../analysis/analysis.ts';
import { measuredText } from '../analysis/findings.ts';
import { skillAliases } from '../analysis/analysis.ts';
import { blocks } from '../text/markdown.ts';
import { NameIndex } from '../text/names.ts';
import { sentences } from '../text/sentences.ts';
import { wordsRegExp } from '../text/patterns.ts';
import { locateQuote } from './pullquote.ts';
import { claimPassage } from './quotable.ts';
import type { Teller } from './story.ts';

/** Words that call a skill too long or too heavy. */
const TOO_LONG = wordsRegExp([
  'overcomplicat\\w*',
  'bloat\\w*',
  'too long',
  'verbose',
  'lengthy',
  'overlong',
  'over-explain\\w*',
  'heav(?:y|ier)',
  'wasted tokens',
]);

/** Words that warn a text gives its author ideas or words that are not theirs. */
const MISATTRIBUTES = /misattribut\w*|put(?:s|ting)? words in (?:his|her|their) mouth/i;

/** The first confirmed size claim a judge makes about its own artifact, lines first. */
function ownSize(t: Teller, judge: string): LocatedClaim | undefined {
  const own = t.a.claims.filter(
    (c) => c.at.judge === judge && c.about === judge && c.holds === true && !c.tentative,
  );
  return own.find((c) => c.measure === 'lines') ?? own[0];
}

/**
 * The clause of the judge's evaluation that warns its own artifact misattributes ideas, as
 * written: in a section about the judge's own artifact only, naming no other participant.
 */
export function misattributionWarning(e: Experiment, judge: string): string | null {
  const ev = e.evaluations.find((x) => x.judge === judge);
  if (!ev) return null;
  const names = new NameIndex(
    e.manifest.participants.map((p) => ({ id: p.id, aliases: skillAliases(p) })),
  );
  const about = (text: string) => {
    const r = names.resolve(text);
    return r.id;
  };
  for (const b of blocks(ev.content)) {
    if (b.kind === 'heading' || !MISATTRIBUTES.test(b.text) || about(b.section) !== judge) continue;
    const sentence = sentences(b.text).find((s) => MISATTRIBUTES.test(s.text))?.text ?? '';
    const others = e.manifest.participants.filter((p) => p.id !== judge);
    if (
      others.some((p) =>
        skillAliases(p).some((a) => sentence.toLowerCase().includes(a.toLowerCase())),
      )
    )
      continue;
    const clause = sentence
      .split(/[,;:—–]\s+/)
      .find((c) => MISATTRIBUTES.test(c))
      ?.replace(/^(?:which|that|and|but|so)\s+/i, '')
      .replace(/[.!]+$/, '')
      .trim();
    if (clause && locateQuote(clause, ev.content)) return clause;
  }
  return null;
}

/**
 * The sentence linking a judge's view of its own artifact with the quote it missed in it, or
 * nothing when the judge questioned the quote or said nothing checked about its own artifact.
 */
export function blindSpot(t: Teller, owner: string, questioned: boolean): string[] {
  if (questioned) return [];
  const { e, a, name } = t;
  const ev = e.evaluations.find((x) => x.judge === owner);
  if (!ev) return [];
  const author = e.manifest.sourceAuthor;
  const mouth = author ? `put in ${author}’s mouth` : 'given the source';
  const c = ownSize(t, owner);
  const warning = misattributionWarning(e, owner);
  if (!c && !warning) return [];
  const size = c
    ? TOO_LONG.test(claimPassage(ev.content, c.sentence))
      ? `${name(owner)} saw that its own ${a.noun.one} was too long (“${c.phrase}”: it has ${measuredText(c)}), but not the quote it had ${mouth}.`
      : `${name(owner)} measured its own ${a.noun.one} right (“${c.phrase}”: it has ${measuredText(c)}), but missed the quote it had ${mouth}.`
    : `${name(owner)} judged its own ${a.noun.one}, but missed the quote it had ${mouth}.`;
  const warned = warning
    ? ` Its evaluation even warns that its ${a.noun.one} “${warning}”, without finding the quote that does.`
    : '';
  return [size + warned, ''];
}
