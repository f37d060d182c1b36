// Pure logic: what the site shows about one experiment, derived from its files.
// Skill summaries, the verdict matrix, the headline, and the quote provenance check.
import { nameById, type Manifest, type Participant, type Verdict } from '../content/schema.ts';
import type { Experiment } from '../content/experiment.ts';
import { pathOf, type Location } from '../content/experiment/location.ts';
import { parseFrontMatter } from '../content/frontmatter.ts';
import { checkQuotes, isFinding, ReferenceIndex, type QuoteCheck } from '../reading/quotes.ts';
import { compact } from '../text/names.ts';
import { withoutJson } from '../reading/verdict/json.ts';
import { claimChecker, countLines, type Claim } from './fact-check.ts';
import { countWords } from '../text/words.ts';

export interface FileSummary {
  path: string;
  bytes: number;
  lines: number;
  words: number;
  binary: boolean;
}

export interface SkillSummary {
  participant: string;
  /** Front-matter `name`, else the folder name. */
  name: string;
  description: string;
  files: FileSummary[];
  totals: { files: number; lines: number; words: number };
  /** A problem with SKILL.md a reader should know of (missing, no front matter, ...). */
  problem?: string;
}

export interface VerdictView extends Verdict {
  self: boolean;
}

export interface RunSummary {
  calls: number;
  failed: number;
  tokens: { input: number; output: number };
  /** USD over the calls with a known price; `unpriced` counts the others. */
  cost: number;
  unpriced: number;
  /** From the first call's start to the last call's end. */
  wallMs: number;
  /** participant -> the model ids its calls' API reported. */
  reported: Record<string, string[]>;
}

/** A quote checked, with the text it stands in and the one it was found in (or nearly) as locations. */
export type LocatedQuote = QuoteCheck & { at: Location; foundAt?: Location };

/** A claim checked, with the evaluation that makes it. */
export type LocatedClaim = Claim & { at: Extract<Location, { kind: 'evaluation' }> };

export interface Analysis {
  skills: SkillSummary[];
  verdicts: VerdictView[];
  /** What the page calls the artifacts. */
  noun: Noun;
  headline: string;
  quotes: LocatedQuote[];
  findings: LocatedQuote[];
  /** The measurable claims the evaluations make about the skills, checked. */
  claims: LocatedClaim[];
  run: RunSummary | null;
}

/** An experiment with what the site derives from it. */
export interface Entry {
  experiment: Experiment;
  analysis: Analysis;
}

export function summarizeSkill(
  participant: string,
  files: Experiment['skills'][number]['files'],
  folder?: string,
  kind: 'skills' | 'files' = 'skills',
): SkillSummary {
  const list = files.map((f) => ({
    path: f.path,
    bytes: f.bytes,
    binary: f.content === null,
    lines: f.content === null ? 0 : countLines(f.content),
    words: f.content === null ? 0 : countWords(f.content),
  }));
  const skillMd = files.find((f) => f.path.toLowerCase() === 'skill.md');
  const fm = skillMd?.content ? parseFrontMatter(skillMd.content) : null;
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  let problem: string | undefined;
  if (kind === 'files')
    problem = undefined; // not a skill: nothing to check
  else if (!skillMd) problem = 'no SKILL.md';
  else if (fm?.error) problem = `SKILL.md front matter is not valid YAML: ${fm.error}`;
  else if (!str(fm?.data.name) || !str(fm?.data.description))
    problem = 'SKILL.md front matter lacks name or description';
  return {
    participant,
    name: str(fm?.data.name) || folder || participant,
    description: str(fm?.data.description),
    files: list,
    totals: {
      files: list.length,
      lines: list.reduce((n, f) => n + f.lines, 0),
      words: list.reduce((n, f) => n + f.words, 0),
    },
    problem,
  };
}

/** Every name a text may use for a participant's skill: folder, front-matter name, the name without the model, the model. */
export function skillAliases(p: Participant, skillName?: string): string[] {
  const names = [p.id, p.model, p.label, p.skillFolder, skillName].filter((s): s is string => !!s);
  const short = [p.skillFolder, skillName]
    .filter((s): s is string => !!s)
    .map((s) => s.replace(new RegExp(`^${p.id}[-_]|[-_]${p.id}$`, 'i'), ''))
    .filter((s) => compact(s) !== compact(p.id));
  return [...new Set([...names, ...short])];
}

const possessive = (name: string) => `${name}'s`;

/** What the page calls the artifacts: "skill"/"skills", or the manifest's own noun. */
export interface Noun {
  one: string;
  many: string;
}
export function artifactNoun(m: { artifacts: Manifest['artifacts']; artifactName?: string }): Noun {
  const one = m.artifactName ?? (m.artifacts === 'files' ? 'piece' : 'skill');
  return { one, many: /(s|sh|ch|x)$/.test(one) ? `${one}es` : `${one}s` };
}

export function headline(
  participants: Participant[],
  verdicts: Verdict[],
  noun: Noun = artifactNoun({ artifacts: 'skills' as const }),
): string {
  const name = nameById(participants);
  if (!verdicts.length) return 'No verdicts recorded';
  const decided = verdicts.filter((v) => v.winner !== null);
  const unclear = verdicts
    .filter((v) => v.winner === null)
    .map((v) =>
      v.consistent === false
        ? `${name(v.judge)} changed its pick when the order changed`
        : v.runs?.length && v.runs.every((r) => r.tie)
          ? `${name(v.judge)} called it a tie`
          : `${possessive(name(v.judge))} verdict is open`,
    );
  if (!decided.length) return verdicts.length === 1 ? unclear[0] : 'No verdict could be read';
  const self = decided.filter((v) => v.winner === v.judge);
  const winners = new Set(decided.map((v) => v.winner));
  let lead: string;
  if (decided.length === 1) {
    const v = decided[0];
    lead =
      v.winner === v.judge
        ? `${name(v.judge)} voted for its own ${noun.one}`
        : `${name(v.judge)} voted for ${possessive(name(v.winner!))} ${noun.one}`;
  } else if (!self.length) {
    lead = decided.length === 2 ? 'Neither model voted for itself' : 'No model voted for itself';
    if (winners.size === 1)
      lead += `; ${decided.length === 2 ? 'both' : 'all'} picked ${possessive(name([...winners][0]!))} ${noun.one}`;
  } else if (self.length === decided.length) {
    lead =
      decided.length === 2 ? 'Both models voted for themselves' : 'Every model voted for itself';
  } else if (winners.size === 1) {
    const w = [...winners][0]!;
    lead = `${decided.length === 2 ? 'Both judges' : 'Every judge'} picked ${possessive(name(w))} ${noun.one}; ${name(w)} voted for itself`;
  } else {
    lead = decided
      .map((v) =>
        v.winner === v.judge
          ? `${name(v.judge)} voted for itself`
          : `${name(v.judge)} voted for ${name(v.winner!)}`,
      )
      .join('; ');
  }
  return [lead, ...unclear].join('; ');
}

/** Names that mark a quote as attributed to the source's author: "Andrej Karpathy" also gives "Andrej" and "Karpathy". */
function authorNames(author?: string): string[] {
  if (!author) return [];
  const parts = author.split(/\s+/).filter((w) => w.length > 2);
  return [author, ...(parts.length > 1 ? parts : [])];
}

export function summarizeRun(calls: Experiment['calls']): RunSummary | null {
  if (!calls.length) return null;
  const start = Math.min(...calls.map((c) => Date.parse(c.startedAt)));
  const end = Math.max(...calls.map((c) => Date.parse(c.startedAt) + c.ms));
  const reported: Record<string, string[]> = {};
  for (const c of calls)
    if (c.model)
      reported[c.participant] = [...new Set([...(reported[c.participant] ?? []), c.model])];
  return {
    calls: calls.length,
    failed: calls.filter((c) => c.status === 'failed').length,
    tokens: {
      input: calls.reduce((n, c) => n + (c.usage?.input ?? 0), 0),
      output: calls.reduce((n, c) => n + (c.usage?.output ?? 0), 0),
    },
    cost: calls.reduce((n, c) => n + (c.cost ?? 0), 0),
    unpriced: calls.filter((c) => c.cost === null && c.usage).length,
    wallMs: end - start,
    reported,
  };
}

/** A text of the experiment a quote may stand in or come from: where it is, and its key for the quote check. */
interface Text {
  at: Location;
  key: string;
  text: string;
}

/** The experiment's texts: the source (keyed "source"), each text file of each skill, each evaluation. */
function textsOf(exp: Experiment): { source: Text; skills: Text[]; evaluations: Text[] } {
  const { manifest } = exp;
  const skills = exp.skills.flatMap((s) =>
    s.files.flatMap((f) => {
      const at: Location = { kind: 'skill', participant: s.participant, file: f.path };
      return f.content === null ? [] : [{ at, key: pathOf(at, manifest), text: f.content }];
    }),
  );
  const evaluations = exp.evaluations.map((e) => ({
    at: { kind: 'evaluation' as const, judge: e.judge },
    key: e.path,
    text: e.content,
  }));
  return {
    source: { at: { kind: 'source' }, key: 'source', text: exp.source },
    skills,
    evaluations,
  };
}

/** Every quote of the skills (checked against the source) and of the evaluations (against everything). */
function checkAllQuotes(exp: Experiment, names: string[]): LocatedQuote[] {
  const { source, skills, evaluations } = textsOf(exp);
  const authors = authorNames(exp.manifest.sourceAuthor);
  const index = (texts: Text[]) =>
    new ReferenceIndex(texts.map((t) => ({ where: t.key, text: t.text })));
  const sourceIndex = index([source]);
  const everything = index([source, ...skills]);
  const isMarkdown = (p: string) => /\.(md|markdown|mdx|txt)$/i.test(p);
  const quotes = [
    ...skills
      .filter((t) => isMarkdown(t.key))
      .flatMap((t) => checkQuotes(t.key, t.text, sourceIndex, authors)),
    ...evaluations.flatMap((t) =>
      checkQuotes(t.key, withoutJson(t.text), everything, [...authors, ...names]),
    ),
  ];
  const at = new Map([source, ...skills, ...evaluations].map((t) => [t.key, t.at]));
  return quotes.map((q) => ({
    ...q,
    at: at.get(q.file)!,
    ...(q.where && at.has(q.where) ? { foundAt: at.get(q.where)! } : {}),
  }));
}

export function analyze(exp: Experiment): Analysis {
  const { manifest } = exp;
  const noun = artifactNoun(manifest);
  const skills = exp.skills.map((s) => {
    const p = manifest.participants.find((x) => x.id === s.participant);
    return summarizeSkill(s.participant, s.files, p?.skillFolder, manifest.artifacts);
  });
  const verdicts = manifest.verdicts.map((v) => ({
    ...v,
    self: v.winner !== null && v.winner === v.judge,
  }));
  const named = manifest.participants.map((p) => ({
    id: p.id,
    aliases: skillAliases(p, skills.find((s) => s.participant === p.id)?.name),
  }));
  const checkClaims = claimChecker(exp.skills, named);
  const quotes = checkAllQuotes(
    exp,
    named.flatMap((n) => n.aliases),
  );
  return {
    skills,
    verdicts,
    noun,
    headline: headline(manifest.participants, manifest.verdicts, noun),
    quotes,
    findings: quotes.filter(isFinding),
    claims: exp.evaluations.flatMap((e) =>
      checkClaims(e.path, e.content).map((c) => ({
        ...c,
        at: { kind: 'evaluation' as const, judge: e.judge },
      })),
    ),
    run: summarizeRun(exp.calls),
  };
}
