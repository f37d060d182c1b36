// The experiments corpus (tests/corpus/experiments/<case>/): made-up hand-run experiments in the
// layouts people use, each with `experiment/` (the files as a person left them) and
// `expected.yaml` (its judges, verdicts, rankings, self-votes and findings, written by someone who
// had not read the readers' code). This module holds the expectations' schema and the scoring:
// what an import made of a case, compared with what a careful reader says.
//
// Imported and expected things are matched by content, never by the importer's names: an
// artifact by the text of its files, an evaluation by its text.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import type { Experiment } from '../../src/lib/content/experiment.ts';
import type { Analysis } from '../../src/lib/analysis/analysis.ts';
import { quoteDoubt } from '../../src/lib/analysis/findings.ts';

export const CORPUS = path.resolve(import.meta.dirname, 'experiments');

const JudgmentSchema = z.object({
  file: z.string(),
  section: z.string().optional(),
  judge: z.string().nullable().optional(),
  kind: z.enum(['comparison', 'review', 'not-a-judgment']),
  reason: z.string().optional(),
  winner: z.string().nullable().optional(),
  ranking: z.array(z.string()).optional(),
  reviewed: z.string().optional(),
  stance: z.string().optional(),
  implied: z.string().nullable().optional(),
  selfVote: z.boolean().optional(),
  note: z.string().optional(),
});

const FindingSchema = z.object({
  kind: z.enum(['self-vote', 'fabricated-quote', 'false-claim']),
  judge: z.string().optional(),
  artifact: z.string().optional(),
  file: z.string().optional(),
  quote: z.string().optional(),
  claimed: z.string().optional(),
  actual: z.union([z.string(), z.number()]).optional(),
});

export const ExpectedSchema = z.object({
  layout: z.string(),
  description: z.string(),
  source: z.string().nullable(),
  sourceAuthor: z.string().nullable().optional(),
  models: z.array(z.object({ id: z.string(), names: z.array(z.string()) })),
  artifacts: z.array(
    z.object({ path: z.string(), model: z.string(), revisedWith: z.string().optional() }),
  ),
  judgments: z.array(JudgmentSchema),
  findings: z.array(FindingSchema).default([]),
  notFindings: z
    .array(z.object({ kind: z.string(), why: z.string(), text: z.string() }))
    .default([]),
  trueClaims: z.array(z.record(z.string(), z.unknown())).default([]),
});

export type Expected = z.infer<typeof ExpectedSchema>;
export type Judgment = z.infer<typeof JudgmentSchema>;

export interface Case {
  name: string;
  dir: string;
  expected: Expected;
  /** A map the case declares its layout with (map.yaml beside experiment/), if any. */
  map: string | null;
}

/** Keys a case's map may not hold: they would give the answers instead of declaring the layout. */
const ANSWER_KEYS = ['verdicts', 'labels'];

export async function readCases(root = CORPUS): Promise<Case[]> {
  const names = (await fs.readdir(root, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const dir = path.join(root, name);
      const text = await fs.readFile(path.join(dir, 'expected.yaml'), 'utf8');
      const expected = ExpectedSchema.parse(YAML.parse(text));
      const mapFile = path.join(dir, 'map.yaml');
      const map = await fs.readFile(mapFile, 'utf8').catch(() => null);
      const answers = map ? ANSWER_KEYS.filter((k) => k in (YAML.parse(map) ?? {})) : [];
      if (answers.length) throw new Error(`${mapFile}: a case's map may not pin ${answers}`);
      return { name, dir, expected, map: map === null ? null : mapFile };
    }),
  );
}

/** Text compared loosely: case, whitespace and markdown emphasis do not count. */
export const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[*_`>#]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The lines of a markdown file under its first heading named `heading`, up to the next one of the same or a higher level. */
export function sectionOf(text: string, heading: string, nth = 0): string {
  const lines = text.split('\n');
  const starts = lines
    .map((l, i) => [i, /^(#+)\s+(.*?)\s*#*$/.exec(l)] as const)
    .filter(([, m]) => m && norm(m[2]) === norm(heading));
  const at = starts[nth] ?? starts[0];
  if (!at) return '';
  const level = at[1]![1].length;
  const end = lines.findIndex(
    (l, i) => i > at[0] && (/^(#+)\s/.exec(l)?.[1].length ?? Infinity) <= level,
  );
  return lines.slice(at[0] + 1, end === -1 ? undefined : end).join('\n');
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else out.push(p);
  }
  return out;
}

/** The texts of an expected artifact: each file of its folder, the file itself, or a file's section. */
async function artifactTexts(root: string, artifact: string): Promise<string[]> {
  const [file, heading] = artifact.split('#');
  const full = path.join(root, file);
  if (heading) return [sectionOf(await fs.readFile(full, 'utf8'), heading)];
  const stat = await fs.stat(full);
  const files = stat.isDirectory() ? await listFiles(full) : [full];
  return Promise.all(files.map((f) => fs.readFile(f, 'utf8')));
}

/** The text of an expected judgment: its file, or its section (the last one of that heading: artifacts come first). */
async function judgmentText(root: string, j: Judgment): Promise<string> {
  const text = await fs.readFile(path.join(root, j.file), 'utf8');
  if (!j.section) return text;
  const count = text
    .split('\n')
    .filter((l) => /^#+\s/.test(l) && norm(l) === norm(j.section!)).length;
  return sectionOf(text, j.section, count - 1);
}

/** Two texts are the same document when one holds the other (at least 40 characters of it). */
const same = (a: string, b: string) => {
  const [x, y] = [norm(a), norm(b)];
  return x.length >= 40 && y.length >= 40 && (x.includes(y) || y.includes(x));
};

export interface Imported {
  experiments: { experiment: Experiment; analysis: Analysis }[];
  /** What the import printed, and whether it succeeded. */
  output: string;
  ok: boolean;
}

type Outcome = 'right' | 'open' | 'wrong';

export interface JudgmentScore {
  judgment: Judgment;
  outcome: Outcome;
  said: string;
}

export interface FindingScore {
  kind: string;
  text: string;
  outcome: 'true' | 'false alarm' | 'missed';
}

export interface CaseScore {
  name: string;
  layout: string;
  imported: boolean;
  judgments: JudgmentScore[];
  findings: FindingScore[];
}

interface Matcher {
  /** "<slug>/<participant>" -> expected artifact path */
  artifactOf: Map<string, string>;
  modelOf: (slug: string, participant: string) => string | null;
}

async function matchArtifacts(c: Case, imported: Imported): Promise<Matcher> {
  const root = path.join(c.dir, 'experiment');
  const texts = await Promise.all(c.expected.artifacts.map((a) => artifactTexts(root, a.path)));
  const artifactOf = new Map<string, string>();
  for (const { experiment } of imported.experiments)
    for (const skill of experiment.skills) {
      const i = texts.findIndex((ts) =>
        skill.files.some((f) => ts.some((t) => same(t, f.content ?? ''))),
      );
      if (i >= 0)
        artifactOf.set(`${experiment.slug}/${skill.participant}`, c.expected.artifacts[i].path);
    }
  const byName = (s: string) =>
    c.expected.models.find((m) => [m.id, ...m.names].some((n) => norm(n) === norm(s)))?.id ?? null;
  const modelOf = (slug: string, participant: string) => {
    const artifact = artifactOf.get(`${slug}/${participant}`);
    if (artifact) return c.expected.artifacts.find((a) => a.path === artifact)!.model;
    const exp = imported.experiments.find((e) => e.experiment.slug === slug)?.experiment;
    const p = exp?.manifest.participants.find((q) => q.id === participant);
    return byName(participant) ?? (p ? byName(p.model) : null);
  };
  return { artifactOf, modelOf };
}

async function scoreJudgment(
  c: Case,
  j: Judgment,
  imported: Imported,
  m: Matcher,
): Promise<JudgmentScore> {
  const text = await judgmentText(path.join(c.dir, 'experiment'), j);
  const found = imported.experiments.flatMap(({ experiment, analysis }) =>
    experiment.evaluations
      .filter((e) => same(e.content, text))
      .map((e) => ({
        slug: experiment.slug,
        v: analysis.verdicts.find((v) => v.judge === e.judge),
      })),
  );
  const picks = found
    .filter((f) => f.v?.winner)
    .map((f) => m.artifactOf.get(`${f.slug}/${f.v!.winner}`) ?? `?${f.v!.winner}`);
  const said = picks.length ? picks.join(', ') : found.length ? 'no winner' : 'not imported';
  const expected = j.kind === 'comparison' ? (j.winner ?? null) : null;
  if (!picks.length) return { judgment: j, outcome: expected === null ? 'right' : 'open', said };
  const right = expected !== null && picks.every((p) => p === expected);
  return { judgment: j, outcome: right ? 'right' : 'wrong', said };
}

const words = (s: string) => new Set(norm(s).match(/[\p{L}\p{N}']+/gu) ?? []);
const overlap = (a: string, b: string) => {
  const [x, y] = [words(a), words(b)];
  const common = [...x].filter((w) => y.has(w)).length;
  return common / Math.max(1, Math.min(x.size, y.size));
};

function scoreFindings(c: Case, imported: Imported, m: Matcher): FindingScore[] {
  const expected = c.expected.findings.map((f) => ({ f, seen: false }));
  const out: FindingScore[] = [];
  const claim = (
    kind: string,
    text: string,
    test: (f: Expected['findings'][number]) => boolean,
  ) => {
    const hit = expected.find((e) => !e.seen && e.f.kind === kind && test(e.f));
    if (hit) hit.seen = true;
    const already = !hit && expected.some((e) => e.seen && e.f.kind === kind && test(e.f));
    if (!already) out.push({ kind, text, outcome: hit ? 'true' : 'false alarm' });
  };
  for (const { experiment: e, analysis: a } of imported.experiments) {
    // what stands at the top of the page: the certain findings only (findings.ts)
    for (const v of a.verdicts.filter((x) => x.self && !x.doubt))
      claim(
        'self-vote',
        `${e.slug}: ${v.judge} voted for itself`,
        (f) => f.judge === m.modelOf(e.slug, v.judge),
      );
    for (const q of a.findings.filter((x) => !quoteDoubt(x)))
      claim(
        'fabricated-quote',
        `${e.slug}: “${q.text}” (${q.file})`,
        (f) => overlap(f.quote ?? '', q.text) >= 0.8,
      );
    for (const k of a.claims.filter((x) => x.holds === false && !x.tentative)) {
      const judge = k.at.judge;
      const artifact = k.about ? m.artifactOf.get(`${e.slug}/${k.about}`) : undefined;
      claim(
        'false-claim',
        `${e.slug}: ${judge} on ${k.about}: “${k.phrase}”`,
        (f) => f.judge === m.modelOf(e.slug, judge) && f.artifact === artifact,
      );
    }
  }
  for (const e of expected.filter((x) => !x.seen))
    out.push({ kind: e.f.kind, text: JSON.stringify(e.f), outcome: 'missed' });
  return out;
}

export async function scoreCase(c: Case, imported: Imported): Promise<CaseScore> {
  const m = await matchArtifacts(c, imported);
  const judgments = await Promise.all(
    c.expected.judgments.map((j) => scoreJudgment(c, j, imported, m)),
  );
  const findings = imported.ok
    ? scoreFindings(c, imported, m)
    : c.expected.findings.map((f) => ({
        kind: f.kind,
        text: JSON.stringify(f),
        outcome: 'missed' as const,
      }));
  return { name: c.name, layout: c.expected.layout, imported: imported.ok, judgments, findings };
}
