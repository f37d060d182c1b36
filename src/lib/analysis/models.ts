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

// oxlint-disable-next-line max-lines-per-function -- TODO(issue 12): split into named steps
export function aggregateModels(
  entries: Entry[],
  aliases: ModelAliases = {},
  options = OPTIONS,
): ModelStats[] {
  const byKey = new Map<string, ModelStats>();
  const keyOf = new Map<string, string>(); // `${slug}/${id}` -> model key
  const stats = (exp: Experiment, p: Participant) => {
    const name = modelName(p, aliases);
    const key = compact(name);
    keyOf.set(`${exp.slug}/${p.id}`, key);
    if (!byKey.has(key))
      byKey.set(key, {
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
    return byKey.get(key)!;
  };
  const pairs: Outcome[] = [];
  for (const { experiment: exp, analysis: a } of entries) {
    const m = exp.manifest;
    for (const p of m.participants) {
      const s = stats(exp, p);
      if (!s.ids.includes(p.id)) s.ids.push(p.id);
      s.experiments.push({ slug: exp.slug, title: m.title, id: p.id });
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
    const model = (id: string) => byKey.get(keyOf.get(`${exp.slug}/${id}`)!)!;
    const skills = a.skills.map((x) => x.participant);
    for (const v of m.verdicts) {
      const judge = model(v.judge);
      if (v.winner !== null && skills.includes(v.judge)) {
        judge.selfVotes.of++;
        if (v.winner === v.judge) judge.selfVotes.votes++;
      }
      if (v.winner !== null)
        for (const id of skills) {
          const owner = model(id);
          if (owner === judge) continue;
          owner.pickedByOthers.of++;
          if (v.winner === id) owner.pickedByOthers.picks++;
        }
      if ((v.runs?.length ?? 0) >= 2) {
        judge.orderKept.of++;
        const winners = new Set(v.runs!.map((r) => (r.tie ? null : r.winner)));
        if (winners.size === 1 && !winners.has(null)) judge.orderKept.kept++;
        else {
          const at = followedPosition(v);
          const label = at === null ? 'none' : positionName(at, v.runs![0].order.length);
          judge.orderKept.followed[label] = (judge.orderKept.followed[label] ?? 0) + 1;
        }
      }
      if (v.winner !== null)
        for (const other of m.verdicts) {
          if (other.judge === v.judge || other.winner === null) continue;
          judge.agreement.of++;
          if (other.winner === v.winner) judge.agreement.agreed++;
        }
      for (const o of outcomes(v, skills)) {
        const winner = keyOf.get(`${exp.slug}/${o.winner}`);
        const loser = keyOf.get(`${exp.slug}/${o.loser}`);
        if (winner && loser && winner !== loser) pairs.push({ winner, loser });
      }
    }
  }
  const strengths = bradleyTerry(pairs);
  const intervals = pairs.length ? bootstrapStrengths(pairs, options) : new Map<string, Interval>();
  for (const [key, s] of byKey) {
    s.selfVotes.interval = wilson(s.selfVotes.votes, s.selfVotes.of);
    s.pickedByOthers.interval = wilson(s.pickedByOthers.picks, s.pickedByOthers.of);
    s.orderKept.interval = wilson(s.orderKept.kept, s.orderKept.of);
    s.agreement.interval = wilson(s.agreement.agreed, s.agreement.of);
    const judgments = pairs.filter((o) => o.winner === key || o.loser === key).length;
    const shown = judgments >= options.minJudgments;
    s.strength = {
      value: shown ? (strengths.get(key) ?? null) : null,
      interval: shown ? (intervals.get(key) ?? null) : null,
      judgments,
    };
  }
  return [...byKey.values()].sort((x, y) => x.name.localeCompare(y.name));
}
