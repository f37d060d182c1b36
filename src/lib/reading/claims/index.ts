// Pure logic: finds the measurable claims an evaluation makes about the skills ("~250 lines across
// two files", "a 70-line SKILL.md", "the 7-step default workflow", "twice as long as X") and which
// skill, file and section each is about. The evaluation's own prose is read from text/markdown.ts
// (blocks.ts): code, quotations and blockquotes (other people's words) stay out; a table's cells
// are read with their row and column. Each sentence is read by the rules in rules/, one form of
// claim each. Measuring the claims is analysis/fact-check.ts's job.
import { blocks, type Block } from '../../text/markdown.ts';
import { sentences } from '../../text/sentences.ts';
import { claimBlocks, type ClaimBlock } from './blocks.ts';
import { ClaimSentence, type ClaimRule, type Located, type Scan } from './sentence.ts';
import { bareNumber } from './rules/bare-number.ts';
import { counted } from './rules/counted.ts';
import { oneNamedFile, singleFile } from './rules/one-file.ts';
import { ratio, ratioOfThat } from './rules/ratio.ts';
import { tableCell } from './rules/table-cell.ts';
import type { ClaimContext, FoundClaim, Mention } from './types.ts';

export * from './types.ts';

export const CLAIM_RULES: readonly ClaimRule[] = [
  tableCell,
  counted,
  oneNamedFile,
  singleFile,
  ratio,
  ratioOfThat,
  bareNumber,
];

/** One sentence's claims, in the order they stand. */
function sentenceClaims(s: ClaimSentence): FoundClaim[] {
  const found: Located[] = [];
  for (const rule of CLAIM_RULES) found.push(...rule.find(s, found));
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...c }) => c);
}

/** The skills a sentence names; null for one it calls by a label the evaluation does not map. */
const skillsNamed = (ms: Mention[]) => [
  ...new Set(ms.flatMap((m) => (m.id ? [m.id] : m.label ? [null] : []))),
];

/** The claims of a block's sentences; the skill a sentence names alone carries to the next. */
function blockClaims(block: ClaimBlock, mentions: Mention[], scan: Scan): FoundClaim[] {
  const out: FoundClaim[] = [];
  for (const { start, text } of sentences(block.blanked)) {
    out.push(...sentenceClaims(new ClaimSentence(block, start, text, mentions, scan)));
    const named = skillsNamed(mentions.filter((m) => m.at >= start && m.at < start + text.length));
    if (named.length) scan.carried = named.length === 1 ? named[0] : null;
    for (const id of named) scan.named!.add(id);
    for (const m of mentions) if (m.label && m.id) scan.labelled!.add(m.id);
  }
  return out;
}

/** A paragraph's scan, under the heading above it. */
function newScan(ctx: ClaimContext, heading: { id: string | null; label: boolean } | null): Scan {
  const id = heading?.id ?? null;
  return {
    ctx,
    carried: null,
    heading: id,
    named: new Set(),
    labelled: new Set(heading?.label && id ? [id] : []),
  };
}

/** Finds every measurable claim in an evaluation (`bs`: its blocks, when they were read already). */
export function findClaims(
  markdown: string,
  ctx: ClaimContext,
  bs: Block[] = blocks(markdown),
): FoundClaim[] {
  const out: FoundClaim[] = [];
  let heading: { id: string | null; depth: number; label: boolean } | null = null;
  let scan: Scan | null = null;
  let leads = false;
  for (const block of claimBlocks(bs, ctx.mentions)) {
    const mentions = ctx.mentions(block.text);
    if (block.heading !== null) {
      const named = skillsNamed(mentions);
      const depth = block.heading;
      const label = mentions.some((m) => m.label);
      if (named.length === 1) heading = { id: named[0], depth, label };
      else if (!heading || heading.depth >= depth) heading = null;
      continue;
    }
    // a bold lead line and the rest of its paragraph are read as one
    if (!scan || !leads) scan = newScan(ctx, heading);
    out.push(...blockClaims(block, mentions, scan));
    leads = !!block.leads;
  }
  return out;
}
