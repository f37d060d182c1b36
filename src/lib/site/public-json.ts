// The public JSON format of an experiment (documented at /format/). Change FORMAT when it changes.
import type { Experiment } from '../content/experiment.ts';
import type { Analysis, SkillSummary, VerdictView } from '../analysis/analysis.ts';
import type { Claim } from '../analysis/fact-check.ts';
import type { QuoteCheck } from '../reading/quotes.ts';
import { displayName, type Participant } from '../content/schema.ts';
import { findingsOf } from '../analysis/findings.ts';
import type { Anchors } from './anchors.ts';
import { OPTIONS, type ModelStats } from '../analysis/models.ts';

export const FORMAT = 'crossjudge.experiment/1';
export const MODELS_FORMAT = 'crossjudge.models/1';

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
    participants: m.participants.map(participantJson),
    skills: a.skills.map(skillJson),
    verdicts: a.verdicts.map(verdictJson),
    quotes: a.quotes.map(quoteJson),
    claims: a.claims.map(claimJson),
    ...findingLists(e, a, url, ids),
  };
}

const participantJson = (p: Participant) => ({
  id: p.id,
  model: p.model,
  name: displayName(p),
  provider: p.provider ?? null,
  params: p.params ?? {},
});

const skillJson = (s: SkillSummary) => ({
  participant: s.participant,
  name: s.name,
  description: s.description,
  files: s.files.map((f) => ({ path: f.path, bytes: f.bytes, lines: f.lines, words: f.words })),
  totals: s.totals,
});

const verdictJson = (v: VerdictView) => ({
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
});

const quoteJson = (q: QuoteCheck) => ({
  text: q.text,
  file: q.file,
  line: q.line,
  kind: q.kind,
  found: q.found,
  match: q.match,
  where: q.where ?? null,
  ...(q.closest ? { closest: q.closest } : {}),
  ...(q.attribution ? { attribution: q.attribution } : {}),
  ...(q.attributedTo ? { attributedTo: q.attributedTo } : {}),
});

const claimJson = (c: Claim) => ({
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
  ...(c.files ? { files: c.files } : {}),
  ...(c.counted ? { counted: c.counted } : {}),
  ...(c.note ? { note: c.note } : {}),
  ...(c.tentative ? { tentative: c.tentative } : {}),
});

/** The certain findings (the page's top), and the tentative ones (its appendix), with why. */
function findingLists(e: Experiment, a: Analysis, url: string, ids: Anchors) {
  const all = findingsOf(e, a).map((f) => ({
    kind: f.kind,
    text: f.text,
    evidence: `${url}#${ids.id(...f.anchor)}`,
    ...(f.doubt ? { doubt: f.doubt } : {}),
  }));
  return {
    findings: all.filter((f) => !f.doubt),
    tentativeFindings: all.filter((f) => f.doubt),
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
