// The review stance corpus (tests/corpus/reviews/cases.yaml, written by someone who had not read
// the review reader): its schema, and how one reading scores against what a careful reader says.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { FAMILIES } from '../../src/lib/text/words/models.ts';
import { tokens } from '../../src/lib/text/names.ts';
import { readReview, type ReadReview } from '../../src/lib/reading/review/index.ts';

const CaseSchema = z.object({
  id: z.string(),
  reviewer: z.string(),
  reviewed: z.string(),
  note: z.string().optional(),
  text: z.string(),
  expected: z.object({
    stance: z.enum(['accepts', 'rejects', 'mixed', 'open']),
    implied: z.enum(['own', 'other', 'none', 'open']),
  }),
});
export type ReviewCase = z.infer<typeof CaseSchema>;

/** The corpus's cases: `cases.yaml`, or `heldout.yaml` (written later, kept out of the reader's tuning). */
export async function readReviewCases(name = 'cases.yaml'): Promise<ReviewCase[]> {
  const file = path.resolve(import.meta.dirname, 'reviews', name);
  return z.array(CaseSchema).parse(YAML.parse(await fs.readFile(file, 'utf8')));
}

/** The case read as an experiment would: the two models, and the other families as third artifacts. */
export function runReviewCase(c: ReviewCase): ReadReview {
  const mine = new Set(
    [...tokens(c.reviewer), ...tokens(c.reviewed)].map((t) => t.replace(/\d[\d.]*$/, '')),
  );
  const others = Object.keys(FAMILIES)
    .filter((f) => !mine.has(f))
    .map((f) => ({ id: `other-${f}`, aliases: [f] }));
  return readReview(c.text, {
    reviewed: { id: 'reviewed', aliases: [c.reviewed] },
    own: { id: 'own', aliases: [c.reviewer] },
    others,
  });
}

export type Score = 'right' | 'open' | 'wrong';

/** Right: what a careful reader says; open: no answer where there is one; wrong: any other answer (a guess where a reader cannot tell among them). */
export function scoreAnswer(expected: string, read: string | null): Score {
  if (expected === 'open') return read === null ? 'right' : 'wrong';
  if (read === null) return 'open';
  return read === expected ? 'right' : 'wrong';
}
