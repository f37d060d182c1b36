// The public JSON format of an experiment (documented at /format/). Change FORMAT when it changes.
import type { Experiment } from './experiment.ts';
import type { Analysis } from './analysis.ts';
import { displayName } from './schema.ts';

export const FORMAT = 'crossjudge.experiment/1';

export function toPublicJson(e: Experiment, a: Analysis, url: string) {
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
    prompts: m.prompts,
    judging: m.judging ?? null,
    participants: m.participants.map((p) => ({ id: p.id, model: p.model, name: displayName(p), provider: p.provider ?? null, params: p.params ?? {} })),
    skills: a.skills.map((s) => ({
      participant: s.participant,
      name: s.name,
      description: s.description,
      files: s.files.map((f) => ({ path: f.path, bytes: f.bytes, lines: f.lines, words: f.words })),
      totals: s.totals,
    })),
    verdicts: a.verdicts.map((v) => ({
      judge: v.judge,
      winner: v.winner,
      self: v.self,
      evidence: v.evidence,
      reason: v.reason ?? null,
      pinned: v.pinned ?? false,
      ranking: v.ranking ?? null,
      readBy: v.readBy ?? null,
      ...(v.runs ? { runs: v.runs.map(({ evaluation: _e, ...run }) => run), consistent: v.consistent ?? null } : {}),
    })),
    quotes: a.quotes.map((q) => ({
      text: q.text,
      file: q.file,
      line: q.line,
      kind: q.kind,
      found: q.found,
      match: q.match,
      where: q.where ?? null,
      ...(q.closest ? { closest: q.closest } : {}),
    })),
  };
}
