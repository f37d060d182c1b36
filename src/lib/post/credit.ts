// Pure logic: whose experiment a post retells. An import from a hosted repository is credited to the
// repository's owner, with a link to it; any other import says it was imported, and from where; a
// run or the sample says nothing (the post's author ran it).
import type { Manifest } from '../content/schema.ts';
import { creditOf } from '../site/credit.ts';

/** The sentence crediting an imported experiment's author, or null for a run. */
export function experimentCredit(m: Manifest): string | null {
  const p = m.provenance;
  if (p.kind !== 'import') return null;
  const credit = creditOf(m);
  if (credit)
    return `Experiment by [${credit.owner}](${credit.ownerHref}), from [${credit.repo}](${p.url}); this post retells it from its files.`;
  return p.origin
    ? `An experiment imported from \`${p.origin}\`, not run here; this post retells it from its files.`
    : null;
}
