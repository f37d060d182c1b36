// Pure logic: a quote a skill attributes to the source's author that is in no text of the
// experiment is looked for in what the skill's model read with its web tools (the traces of its
// calls): found in a page it read, or in nothing it read, naming what it only searched.
import type { CallRecord } from '../content/schema.ts';
import { ReferenceIndex } from '../reading/references.ts';
import { isFinding, type QuoteCheck } from '../reading/quotes.ts';
import type { Location } from '../content/experiment.ts';

export interface WebCheck {
  /** The page the quote was found in, word for word or abridged. */
  foundIn?: string;
  /** Every page the model read with its web tools. */
  read: string[];
  /** Addresses its searches returned that it did not read (their text is not known). */
  searchedOnly: string[];
}

/** What a participant read on the web, from the traces of its calls. */
function webOf(participant: string, calls: CallRecord[]) {
  const traces = calls.flatMap((c) => (c.participant === participant && c.trace ? [c.trace] : []));
  if (!traces.some((t) => t.web)) return null;
  const reads = traces.flatMap((t) => t.reads);
  const read = [...new Set(reads.map((r) => r.url))];
  const searched = traces.flatMap((t) => t.searches.flatMap((s) => s.urls));
  const searchedOnly = [...new Set(searched.filter((u) => !read.includes(u)))];
  const index = new ReferenceIndex(reads.map((r) => ({ where: r.url, text: r.text })));
  return { read, searchedOnly, index };
}

/** The quotes, each finding of a skill whose model had the web checked against what it read. */
export function checkAgainstWeb<Q extends QuoteCheck & { at: Location }>(
  quotes: Q[],
  calls: CallRecord[],
): (Q & { web?: WebCheck })[] {
  const cache = new Map<string, ReturnType<typeof webOf>>();
  return quotes.map((q) => {
    if (!isFinding(q) || q.at.kind !== 'skill') return q;
    const who = q.at.participant;
    if (!cache.has(who)) cache.set(who, webOf(who, calls));
    const web = cache.get(who);
    if (!web) return q;
    const { read, searchedOnly, index } = web;
    const exact = index.find(q.text);
    const abridged = exact ? null : index.abridged(q.text);
    const foundIn = exact ?? abridged?.where;
    if (!foundIn) return { ...q, web: { read, searchedOnly } };
    // read on the web: not made up, though not the source's words
    return {
      ...q,
      found: true,
      match: exact ? 'exact' : 'abridged',
      ...(abridged ? { closest: abridged.text } : {}),
      web: { foundIn, read, searchedOnly },
    };
  });
}
