import { sentencesOf, WEAK, type Decision, type DocumentRule } from '../decision.ts';
import { readPassage } from '../passage.ts';

const prose = (d: Parameters<DocumentRule['read']>[0]) =>
  d.blocks.filter((b) => b.kind !== 'row' && b.kind !== 'heading');
const isNew = (d: Decision, found: readonly Decision[]) =>
  !found.some((x) => x.evidence === d.evidence && x.winner === d.winner);

/** The first sentence of the text: "Between the two, X is the one I would ship." */
export const firstSentence: DocumentRule = {
  name: 'first-sentence',
  read(doc, found) {
    const first = prose(doc)[0];
    const d = first ? readPassage(sentencesOf(first).slice(0, 1), doc.ctx) : null;
    return d && isNew(d, found) ? [d] : [];
  },
};

/** An explicit pick anywhere in the prose, at least a weak one: "If forced, I give it to X." */
export const anywhere: DocumentRule = {
  name: 'anywhere',
  read(doc, found) {
    const d = readPassage(prose(doc).flatMap(sentencesOf), doc.ctx, WEAK);
    return d && isNew(d, found) ? [d] : [];
  },
};
