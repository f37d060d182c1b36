// Pure logic: what the site shows about one experiment, derived from its files.
// Skill summaries, the verdict matrix, the headline, and the quote provenance check.
import { nameById, type Manifest, type Participant, type Verdict } from '../content/schema.ts';
import type { Experiment } from '../content/experiment.ts';
import { pathOf, type Location } from '../content/experiment/location.ts';
import { parseFrontMatter } from '../content/frontmatter.ts';
import { isFinding, type QuoteCheck } from '../reading/quotes.ts';
import { checkExperimentQuotes, notEvaluations, references } from './quote-check.ts';
import { ReferenceIndex } from '../reading/references.ts';
import { compact } from '../text/names.ts';
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
  /** For a winner told by a guess (a model's reading where the words left it open): what was guessed. */
  doubt?: string;
}

/**
 * Why a verdict's winner is only a guess, if it is: read by a model where the evaluation's words
 * left it open (and no person pinned it).
 */
export function verdictDoubt(v: Verdict): string | undefined {
  if (v.winner === null || v.pinned || !v.readBy) return undefined;
  return `the verdict was read by ${v.readBy}, where the evaluation's words left it open`;
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

/** Why the verdicts without a winner have none: a changed pick, a tie, or words not read. */
function undecided(verdicts: Verdict[], name: (id: string) => string): string[] {
  const open = verdicts.filter((v) => v.winner === null);
  const changed = open.filter((v) => v.consistent === false);
  const ties = open.filter(
    (v) => v.consistent !== false && v.runs?.length && v.runs.every((r) => r.tie),
  );
  const unread = open.filter((v) => !changed.includes(v) && !ties.includes(v));
  return [
    ...changed.map((v) => `${name(v.judge)} changed its pick when the order changed`),
    ...ties.map((v) => `${name(v.judge)} called it a tie`),
    ...(unread.length === 0
      ? []
      : unread.length === 1 && verdicts.length <= 2
        ? [`${possessive(name(unread[0].judge))} verdict could not be read`]
        : [`${unread.length} of ${verdicts.length} verdicts could not be read`]),
  ];
}

/** One line a verdict: "A voted for itself", "B voted for C" ("as read by X" for a guess). */
const eachVerdict = (decided: Verdict[], name: (id: string) => string) =>
  decided
    .map(
      (v) =>
        (v.winner === v.judge
          ? `${name(v.judge)} voted for itself`
          : `${name(v.judge)} voted for ${name(v.winner!)}`) +
        (verdictDoubt(v) ? ` (as ${v.readBy} read it)` : ''),
    )
    .join('; ');

/** The lead when every verdict was read from the judges' own words. */
function leadOfAll(decided: Verdict[], name: (id: string) => string, noun: Noun): string {
  const self = decided.filter((v) => v.winner === v.judge);
  const winners = new Set(decided.map((v) => v.winner));
  const two = decided.length === 2;
  if (decided.length === 1) {
    const v = decided[0];
    return v.winner === v.judge
      ? `${name(v.judge)} voted for its own ${noun.one}`
      : `${name(v.judge)} voted for ${possessive(name(v.winner!))} ${noun.one}`;
  }
  if (!self.length) {
    const lead = two ? 'Neither model voted for itself' : 'No model voted for itself';
    return winners.size === 1
      ? `${lead}; ${two ? 'both' : 'all'} picked ${possessive(name([...winners][0]!))} ${noun.one}`
      : lead;
  }
  if (self.length === decided.length)
    return two ? 'Both models voted for themselves' : 'Every model voted for itself';
  if (winners.size === 1) {
    const w = [...winners][0]!;
    return `${two ? 'Both judges' : 'Every judge'} picked ${possessive(name(w))} ${noun.one}; ${name(w)} voted for itself`;
  }
  return eachVerdict(decided, name);
}

/**
 * The headline: who voted for whom. It says "neither", "no model" or "every" only when every
 * verdict was read from the judges' own words; otherwise it names each verdict read, and says how
 * many could not be read.
 */
export function headline(
  participants: Participant[],
  verdicts: Verdict[],
  noun: Noun = artifactNoun({ artifacts: 'skills' as const }),
): string {
  const name = nameById(participants);
  if (!verdicts.length) return 'No verdicts recorded';
  const decided = verdicts.filter((v) => v.winner !== null);
  const unclear = undecided(verdicts, name);
  if (!decided.length)
    return verdicts.length === 1
      ? unclear[0]
      : [`No verdict could be read`, ...unclear.filter((u) => !/could not be read/.test(u))].join(
          '; ',
        );
  const sure = decided.length === verdicts.length && !decided.some(verdictDoubt);
  const lead =
    sure || (decided.length === 1 && !verdictDoubt(decided[0]))
      ? leadOfAll(decided, name, noun)
      : eachVerdict(decided, name);
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

/** Each quote with the location of the text it stands in, and of the text it was found in. */
function locateQuotes(exp: Experiment, quotes: QuoteCheck[]): LocatedQuote[] {
  const { source, skills, evaluations } = textsOf(exp);
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
    ...(verdictDoubt(v) ? { doubt: verdictDoubt(v) } : {}),
  }));
  const named = manifest.participants.map((p) => ({
    id: p.id,
    aliases: skillAliases(p, skills.find((s) => s.participant === p.id)?.name),
  }));
  const index = new ReferenceIndex(references(exp));
  const checkClaims = claimChecker(
    exp.skills,
    named,
    (words) => !!index.exact(words, notEvaluations),
  );
  const quotes = locateQuotes(
    exp,
    checkExperimentQuotes(exp, authorNames(manifest.sourceAuthor), named, index),
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
