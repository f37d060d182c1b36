// The public JSON format of an experiment (documented at /format/). Change FORMAT when it changes.
import type { Experiment } from '../content/experiment.ts';
import type { Analysis } from '../analysis/analysis.ts';
import { displayName } from '../content/schema.ts';
import { findingsOf } from '../analysis/findings.ts';
import type { Anchors } from './anchors.ts';
import { OPTIONS, type ModelStats } from '../analysis/models.ts';

export const FORMAT = 'crossjudge.experiment/1';
export const MODELS_FORMAT = 'crossjudge.models/1';

const participantsJson = (m: Experiment['manifest']) =>
  m.participants.map((p) => ({
    id: p.id,
    model: p.model,
    name: displayName(p),
    provider: p.provider ?? null,
    params: p.params ?? {},
  }));

const skillsJson = (a: Analysis) =>
  a.skills.map((s) => ({
    participant: s.participant,
    name: s.name,
    description: s.description,
    files: s.files.map((f) => ({ path: f.path, bytes: f.bytes, lines: f.lines, words: f.words })),
    totals: s.totals,
  }));

const verdictsJson = (a: Analysis) =>
  a.verdicts.map((v) => ({
    judge: v.judge,
    winner: v.winner,
    self: v.self,
    evidence: v.evidence,
    reason: v.reason ?? null,
    pinned: v.pinned ?? false,
    ranking: v.ranking ?? null,
    readBy: v.readBy ?? null,
    ...(v.runs
      ? {
          runs: v.runs.map(({ evaluation: _e, ...run }) => run),
          consistent: v.consistent ?? null,
        }
      : {}),
  }));

const quotesJson = (a: Analysis) =>
  a.quotes.map((q) => ({
    text: q.text,
    file: q.file,
    line: q.line,
    kind: q.kind,
    found: q.found,
    match: q.match,
    where: q.where ?? null,
    ...(q.closest ? { closest: q.closest } : {}),
  }));

const claimsJson = (a: Analysis) =>
  a.claims.map((c) => ({
    text: c.sentence,
    phrase: c.phrase,
    file: c.file,
    line: c.line,
    about: c.about,
    target: c.target,
    section: c.section,
    measure: c.measure,
    claimed: c.claimed,
    relativeTo: c.relativeTo,
    qualifier: c.qualifier,
    measured: c.measured,
    holds: c.holds,
    ...(c.why ? { why: c.why } : {}),
  }));

/** `ids` turns a finding's anchor parts into the page's id, so `evidence` links resolve. */
export function toPublicJson(e: Experiment, a: Analysis, url: string, ids: Anchors) {
  const m = e.manifest;
  return {
    format: FORMAT,
    slug: e.slug,
    url,
    title: m.title,
    date: m.date.toISOString().slice(0, 10),
    summary: m.summary,
    sample: m.sample,
    headline: a.headline,
    provenance: m.provenance,
    source: { file: m.source, author: m.sourceAuthor ?? null },
    artifacts: m.artifacts,
    artifactName: a.noun.one,
    prompts: m.prompts,
    post: e.post ? { ...e.post.meta, date: e.post.meta.date.toISOString().slice(0, 10) } : null,
    judging: m.judging ?? null,
    participants: participantsJson(m),
    skills: skillsJson(a),
    verdicts: verdictsJson(a),
    quotes: quotesJson(a),
    claims: claimsJson(a),
    findings: findingsOf(e, a).map((f) => ({
      kind: f.kind,
      text: f.text,
      evidence: `${url}#${ids.id(...f.anchor)}`,
    })),
  };
}

/** /models.json: every model over all experiments (documented at /format/). */
export function toModelsJson(models: ModelStats[], url: (m: ModelStats) => string) {
  return {
    format: MODELS_FORMAT,
    minJudgments: OPTIONS.minJudgments,
    bootstrap: { samples: OPTIONS.samples, seed: OPTIONS.seed },
    models: models.map((m) => ({
      name: m.name,
      url: url(m),
      ids: m.ids,
      experiments: m.experiments.map((e) => e.slug),
      skills: m.skills,
      selfVotes: m.selfVotes,
      pickedByOthers: m.pickedByOthers,
      orderKept: m.orderKept,
      agreement: m.agreement,
      strength: m.strength,
    })),
  };
}
