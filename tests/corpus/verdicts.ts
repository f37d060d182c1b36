// Pure logic: the verdict reader measured on a table of evaluation passages with their expected
// winner (or null: a tie, a contradiction, a conditional), as tests/corpus/verdicts.yaml holds them.
import { z } from 'zod';
import YAML from 'yaml';
import { describeIssues } from '../../src/lib/content/schema.ts';
import { UserError } from '../../src/lib/content/experiment.ts';
import { skillAliases } from '../../src/lib/analysis/analysis.ts';
import { readVerdict, type ReadVerdict } from '../../src/lib/reading/verdict/index.ts';

const CaseSchema = z
  .object({
    id: z.string().min(1),
    note: z.string().default(''),
    /** participant id -> its skill folder (or artifact file), front-matter name and model. */
    participants: z.record(
      z.string(),
      z
        .object({ folder: z.string().optional(), name: z.string().optional(), model: z.string() })
        .strict(),
    ),
    /** Blind label -> participant id, as crossjudge.yaml would give it. */
    labels: z.record(z.string(), z.string()).optional(),
    text: z.string(),
    expect: z.string().nullable(),
    ranking: z.array(z.string()).optional(),
  })
  .strict();
export type CorpusCase = z.infer<typeof CaseSchema>;

export function parseCorpus(text: string, file: string): CorpusCase[] {
  const parsed = z.array(CaseSchema).safeParse(YAML.parse(text));
  if (!parsed.success) throw new UserError(describeIssues(file, parsed.error, 'verdict corpus'));
  return parsed.data;
}

export type Outcome = 'right' | 'null' | 'wrong';

/** right: the expected winner (and ranking, where one is expected), or null where null is expected; null: open where a winner was expected; wrong: anything else. */
export function judgeCase(c: CorpusCase): { outcome: Outcome; read: ReadVerdict } {
  const named = Object.entries(c.participants).map(([id, p]) => ({
    id,
    aliases: skillAliases(
      { id, model: p.model, ...(p.folder ? { skillFolder: p.folder } : {}) },
      p.name,
    ),
  }));
  const read = readVerdict(c.text, named, { labels: c.labels });
  if (read.winner === null) return { outcome: c.expect === null ? 'right' : 'null', read };
  if (read.winner !== c.expect) return { outcome: 'wrong', read };
  if (c.ranking && read.ranking && read.ranking.join() !== c.ranking.join())
    return { outcome: 'wrong', read };
  return { outcome: 'right', read };
}

export function scoreCorpus(cases: CorpusCase[]) {
  const results = cases.map((c) => ({ c, ...judgeCase(c) }));
  const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
  return {
    results,
    line: `${cases.length} cases: ${count('right')} right, ${count('null')} null, ${count('wrong')} wrong`,
    wrong: count('wrong'),
    open: count('null'),
  };
}
