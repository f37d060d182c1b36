// Pure logic: what all the experiments say about each model together. A model is grouped by its
// model name across experiments (whatever participant id it had), plus the alias map in
// content/models.yaml for names that mean the same model.
import {
  displayName,
  type ModelAliases,
  type Participant,
  type Verdict,
} from '../content/schema.ts';
import type { Experiment } from '../content/experiment.ts';
import type { Entry } from './analysis.ts';
import { compact, slugify } from '../text/names.ts';
import { followedPosition, positionName } from './findings.ts';
import { bootstrapStrengths, bradleyTerry, wilson, type Interval, type Outcome } from './stats.ts';

/** Strengths are shown only for models with at least this many pairwise outcomes. */
export const MIN_JUDGMENTS = 10;
export const OPTIONS = { samples: 500, seed: 20261125, minJudgments: MIN_JUDGMENTS };

export interface ModelStats {
  name: string;
  slug: string;
  /** The participant ids it had, in every experiment. */
  ids: string[];
  experiments: { slug: string; title: string; id: string }[];
  skills: { experiment: string; participant: string; name: string; lines: number; files: number }[];
  /** Times it picked its own skill, out of its decided judgments that included its own skill. */
  selfVotes: { votes: number; of: number; interval: Interval | null };
  /** Times other models' judges picked its skill, out of their decided judgments that included it. */
  pickedByOthers: { picks: number; of: number; interval: Interval | null };
  /** Judgments made in several orders: how often it kept its pick, and, when not, the position it followed. */
  orderKept: {
    kept: number;
    of: number;
    interval: Interval | null;
    followed: Record<string, number>;
  };
  /** Pairs of decided judgments (its own and another judge's, same experiment) that picked the same skill. */
  agreement: { agreed: number; of: number; interval: Interval | null };
  /** Bradley–Terry strength over every pairwise outcome its skills took part in (null below MIN_JUDGMENTS). */
  strength: { value: number | null; interval: Interval | null; judgments: number };
}

/** The model a participant is: its canonical name from the alias map, else its own name. */
export function modelName(p: Participant, aliases: ModelAliases): string {
  const own = [p.model, p.label, p.id].filter((s): s is string => !!s).map(compact);
  const hit = Object.entries(aliases).find(([name, list]) =>
    [name, ...list].map(compact).some((a) => own.includes(a)),
  );
  return hit ? hit[0] : displayName(p);
}

/** Pairwise outcomes of one judgment: the pick beat every other skill shown, in every order judged. */
function outcomes(v: Verdict, skills: string[]): { winner: string; loser: string }[] {
  const picks = v.runs?.length
    ? v.runs.filter((r) => !r.tie && r.winner).map((r) => ({ winner: r.winner!, shown: r.order }))
    : v.winner
      ? [{ winner: v.winner, shown: skills }]
      : [];
  return picks.flatMap((p) =>
    p.shown.filter((s) => s !== p.winner).map((loser) => ({ winner: p.winner, loser })),
  );
}

const emptyStats = (name: string): ModelStats => ({
  name,
  slug: slugify(name),
  ids: [],
  experiments: [],
  skills: [],
  selfVotes: { votes: 0, of: 0, interval: null },
  pickedByOthers: { picks: 0, of: 0, interval: null },
  orderKept: { kept: 0, of: 0, interval: null, followed: {} },
  agreement: { agreed: 0, of: 0, interval: null },
  strength: { value: null, interval: null, judgments: 0 },
});

/** The figures being gathered: each model's, by key, and every pairwise outcome. */
class Tally {
  byKey = new Map<string, ModelStats>();
  /** `${slug}/${id}` -> model key */
  keyOf = new Map<string, string>();
  pairs: Outcome[] = [];
  constructor(private aliases: ModelAliases) {}

  /** The stats of the model a participant of an experiment is, created on first sight. */
  stats(exp: Experiment, p: Participant): ModelStats {
    const name = modelName(p, this.aliases);
    const key = compact(name);
    this.keyOf.set(`${exp.slug}/${p.id}`, key);
    if (!this.byKey.has(key)) this.byKey.set(key, emptyStats(name));
    return this.byKey.get(key)!;
  }

  model(exp: Experiment, id: string): ModelStats {
    return this.byKey.get(this.keyOf.get(`${exp.slug}/${id}`)!)!;
  }
}

/** Who took part in an experiment, and the skills they wrote. */
function countParticipants(t: Tally, { experiment: exp, analysis: a }: Entry): void {
  for (const p of exp.manifest.participants) {
    const s = t.stats(exp, p);
    if (!s.ids.includes(p.id)) s.ids.push(p.id);
    s.experiments.push({ slug: exp.slug, title: exp.manifest.title, id: p.id });
    const skill = a.skills.find((x) => x.participant === p.id);
    if (skill)
      s.skills.push({
        experiment: exp.slug,
        participant: p.id,
        name: skill.name,
        lines: skill.totals.lines,
        files: skill.totals.files,
      });
  }
}

/** One verdict: self-votes, picks by others, order kept, agreement and pairwise outcomes. */
function countVerdict(t: Tally, exp: Experiment, v: Verdict, skills: string[]): void {
  const judge = t.model(exp, v.judge);
  if (v.winner !== null && skills.includes(v.judge)) {
    judge.selfVotes.of++;
    if (v.winner === v.judge) judge.selfVotes.votes++;
  }
  if (v.winner !== null)
    for (const id of skills) {
      const owner = t.model(exp, id);
      if (owner === judge) continue;
      owner.pickedByOthers.of++;
      if (v.winner === id) owner.pickedByOthers.picks++;
    }
  countOrder(judge, v);
  if (v.winner !== null)
    for (const other of exp.manifest.verdicts) {
      if (other.judge === v.judge || other.winner === null) continue;
      judge.agreement.of++;
      if (other.winner === v.winner) judge.agreement.agreed++;
    }
  for (const o of outcomes(v, skills)) {
    const winner = t.keyOf.get(`${exp.slug}/${o.winner}`);
    const loser = t.keyOf.get(`${exp.slug}/${o.loser}`);
    if (winner && loser && winner !== loser) t.pairs.push({ winner, loser });
  }
}

/** A judgment made in several orders: kept, or which position the judge followed. */
function countOrder(judge: ModelStats, v: Verdict): void {
  if ((v.runs?.length ?? 0) < 2) return;
  judge.orderKept.of++;
  const winners = new Set(v.runs!.map((r) => (r.tie ? null : r.winner)));
  if (winners.size === 1 && !winners.has(null)) judge.orderKept.kept++;
  else {
    const at = followedPosition(v);
    const label = at === null ? 'none' : positionName(at, v.runs![0].order.length);
    judge.orderKept.followed[label] = (judge.orderKept.followed[label] ?? 0) + 1;
  }
}

/** The intervals of every rate, and the strength of models with enough outcomes. */
function finish(t: Tally, options: typeof OPTIONS): void {
  const strengths = bradleyTerry(t.pairs);
  const intervals = t.pairs.length
    ? bootstrapStrengths(t.pairs, options)
    : new Map<string, Interval>();
  for (const [key, s] of t.byKey) {
    s.selfVotes.interval = wilson(s.selfVotes.votes, s.selfVotes.of);
    s.pickedByOthers.interval = wilson(s.pickedByOthers.picks, s.pickedByOthers.of);
    s.orderKept.interval = wilson(s.orderKept.kept, s.orderKept.of);
    s.agreement.interval = wilson(s.agreement.agreed, s.agreement.of);
    const judgments = t.pairs.filter((o) => o.winner === key || o.loser === key).length;
    const shown = judgments >= options.minJudgments;
    s.strength = {
      value: shown ? (strengths.get(key) ?? null) : null,
      interval: shown ? (intervals.get(key) ?? null) : null,
      judgments,
    };
  }
}

export function aggregateModels(
  entries: Entry[],
  aliases: ModelAliases = {},
  options = OPTIONS,
): ModelStats[] {
  const t = new Tally(aliases);
  for (const entry of entries) {
    countParticipants(t, entry);
    const skills = entry.analysis.skills.map((x) => x.participant);
    for (const v of entry.experiment.manifest.verdicts)
      countVerdict(t, entry.experiment, v, skills);
  }
  finish(t, options);
  return [...t.byKey.values()].sort((x, y) => x.name.localeCompare(y.name));
}
