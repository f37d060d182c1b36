// Rule: the preference a review implies between the reviewer's own artifact and the one it reviews,
// from a sentence that names both sides: "mine already covers this" defends its own (own), "theirs
// is better than mine" concedes (other), "mine has the same gap" prefers neither (none). The
// sentence comes with the reviewer's own artifact written as "mine" and the reviewed one as "it".

export type Preference = 'own' | 'other' | 'none';

const MINE = String.raw`(?:mine|ours)`;
const IT = String.raw`(?:it|its|it's|theirs|this|this one|the reviewed (?:one|\w+))`;
const MORE = String.raw`(?:further|better|stronger|clearer|safer|cleaner|tighter|sharper|more (?:\w+)|fuller|deeper|simpler|easier to \w+)`;
const LESS = String.raw`(?:worse|weaker|thinner|less (?:\w+)|behind|inferior|shallower|messier)`;
const DOES = String.raw`(?:covers|covered|handles|handled|avoids|avoided|includes|included|addresses|addressed|catches|caught|gets|got|solves|solved|accounts for|deals with|dealt with|spells out|explains|has|had|does|did|checks|tests|names|flags|fixes|fixed)`;

/** Sentences that prefer the reviewer's own artifact. */
const FOR_OWN = [
  new RegExp(
    String.raw`\b${MINE}\b[^.;]{0,40}?\b(?:already |also |actually |does )?${DOES}\b`,
    'i',
  ),
  new RegExp(
    String.raw`\b${MINE}\b[^.;]{0,30}?\b(?:is|was|remains|stays)\s+(?:\w+\s+)?${MORE}\b`,
    'i',
  ),
  new RegExp(String.raw`\b${MORE} than ${IT}\b`, 'i'),
  new RegExp(String.raw`\bunlike ${MINE}\b`, 'i'),
  new RegExp(
    String.raw`\b(?:stand by|still (?:prefer|pick|choose|ship|recommend)|would rather (?:ship|use|keep)) ${MINE}\b`,
    'i',
  ),
  new RegExp(String.raw`\b(?:prefer|pick|choose|take|ship|keep) ${MINE}\b`, 'i'),
  new RegExp(String.raw`\b${MINE} already \w+`, 'i'),
  new RegExp(String.raw`\b${MINE}\b[^.;]{0,40}\b(?:rather than|instead of|over) ${IT}\b`, 'i'),
];

/** Sentences that concede the reviewed artifact is better. */
const FOR_OTHER = [
  new RegExp(String.raw`\b${MORE} than ${MINE}\b`, 'i'),
  new RegExp(String.raw`\b${MINE}\b[^.;]{0,30}?\b(?:is|was)\s+(?:\w+\s+)?${LESS}\b`, 'i'),
  new RegExp(
    String.raw`\b(?:beats|outdoes|improves on|surpasses|outclasses|is ahead of) ${MINE}\b`,
    'i',
  ),
  new RegExp(
    String.raw`\b(?:prefer|pick|choose|take|ship|keep|use) ${IT}\b[^.;]{0,40}\bover ${MINE}\b`,
    'i',
  ),
  new RegExp(String.raw`\bconcede\b`, 'i'),
  new RegExp(String.raw`\b(?:rather than|instead of|over) ${MINE}\b`, 'i'),
  new RegExp(String.raw`\breject ${MINE}\b`, 'i'),
  new RegExp(String.raw`\b${MINE} (?:only|merely|just) \w+`, 'i'),
  new RegExp(String.raw`\b${MINE} (?:comes?|came|ranks?|ranked) (?:last|second|third|behind)`, 'i'),
  new RegExp(
    String.raw`\bunlike ${IT}\b[^.;]{0,40}\b${MINE}\b[^.;]{0,30}\b(?:misses|lacks|fails|does not|doesn't)\b`,
    'i',
  ),
  new RegExp(
    String.raw`\b${MINE}\b[^.;]{0,30}?\b(?:misses|missed|lacks|lacked|fails|failed|doesn't|does not|didn't|did not|got \w+ wrong)\b(?![^.;]{0,60}\b(?:too|either|as well|also)\b)`,
    'i',
  ),
];

/** Sentences that put both on a level: the same gap in both, "mine misses it too". */
const LEVEL = [
  /\b(?:the )?same (?:gap|problem|issue|flaw|weakness|mistake|omission|blind spot|conclusion|approach|result)\b/i,
  /\b(?:mine|ours)\b[^.;]{0,60}\b(?:too|either|as well|likewise)\b/i,
  /\b(?:tie|on a par|equally good|as good as)\b/i,
];

/**
 * The preference a sentence that names "mine" implies: own, other, none (it names it without
 * preferring either), or "both" when it points both ways; null when it does not name it.
 */
export function impliedBy(sentence: string): Preference | 'both' | null {
  if (!/\b(?:mine|ours)\b/i.test(sentence)) return null;
  if (LEVEL.some((re) => re.test(sentence))) return 'none';
  const own = FOR_OWN.some((re) => re.test(sentence));
  const other = FOR_OTHER.some((re) => re.test(sentence));
  if (own && other) return 'both';
  return own ? 'own' : other ? 'other' : 'none';
}
