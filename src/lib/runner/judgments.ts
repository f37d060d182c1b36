// After a run, every verdict comes from the calls that judged the skills now on disk, or there is
// none: each judge's evaluation (every order) and verdict, written through the experiment module.
import YAML from 'yaml';
import { editManifest, removeEvaluation, writeText, type Skill } from '../content/experiment.ts';
import { nameById, type JudgmentRun, type Manifest, type Verdict } from '../content/schema.ts';
import type { CallStore } from './store.ts';
import { evaluationCalls, judgesOf, type CallSpec } from './plan.ts';
import type { SkillFile } from './prompts.ts';

/** One order a judge saw the skills in, and what it said. */
type Run = Required<Omit<JudgmentRun, 'evaluation'>> & { evaluation: string };

/** The skills as the judges read them: the text files of each participant's skill. */
export function skillTexts(skills: Skill[]): Map<string, SkillFile[]> {
  return new Map(
    skills.flatMap((s) => {
      const files = s.files.flatMap((f) =>
        f.content === null ? [] : [{ path: f.path, content: f.content }],
      );
      return files.length ? [[s.participant, files] as const] : [];
    }),
  );
}

/** The runs of one judge whose calls are stored, in the order of the specs. */
function runsOf(judge: string, specs: CallSpec[], store: CallStore): Run[] {
  return specs.flatMap((spec) => {
    const record = spec.participant === judge ? store.done(spec.key) : undefined;
    if (record?.kind !== 'evaluate' || !record.output) return [];
    const out = record.output;
    const tie = out.winner === 'tie';
    return [
      {
        order: spec.order!,
        labels: spec.labels!,
        winner: tie ? null : (spec.labels![out.winner] ?? null),
        tie,
        reason: out.reason,
        evaluation: out.evaluation,
        call: spec.key,
      },
    ];
  });
}

/** A judge's verdict from its runs: a winner only when it picked the same in every order judged. */
function verdictOf(judge: string, runs: Run[], expected: number): Verdict {
  const picks = new Set(runs.map((r) => (r.tie ? 'tie' : r.winner)));
  const consistent = picks.size === 1;
  const complete = runs.length === expected;
  const reason = !complete
    ? `only ${runs.length} of ${expected} orders were judged`
    : !consistent
      ? 'the judge picked differently when the order changed'
      : runs[0].tie
        ? 'the judge called it a tie'
        : 'the same pick in every order';
  return {
    judge,
    winner: consistent && complete ? runs[0].winner : null,
    evidence: runs[0].reason,
    reason,
    runs: runs.map(({ evaluation: _e, ...r }) => r),
    consistent,
  };
}

/** The evaluation file of a judge: every order, with what it was shown and what it picked. */
function evaluationText(runs: Run[], name: (id: string) => string): string {
  return runs
    .map((r, i) => {
      const shown = r.order.map((id, k) => `${Object.keys(r.labels)[k]} = ${name(id)}`).join(', ');
      const label = Object.entries(r.labels).find(([, id]) => id === r.winner)?.[0];
      const pick = r.tie ? 'a tie' : `${label} (${name(r.winner!)})`;
      return `<!-- run ${i + 1} of ${runs.length}; call ${r.call} -->\n\n**Order ${i + 1}:** ${shown}. **Decision:** ${pick}. ${r.reason}\n\n${r.evaluation.trim()}\n`;
    })
    .join('\n\n---\n\n');
}

/**
 * Writes evaluations/<judge>.md (every order) and the verdicts into the manifest, and removes the
 * verdicts and evaluations of earlier skills (a person's pinned verdicts excepted).
 */
export async function writeJudgments(
  dir: string,
  m: Manifest,
  source: string,
  skills: Map<string, SkillFile[]>,
  store: CallStore,
): Promise<void> {
  const judgeable =
    m.prompts.evaluation &&
    m.participants.length >= 2 &&
    m.participants.every((p) => skills.has(p.id));
  const specs = judgeable ? evaluationCalls(m, source, skills) : [];
  const name = nameById(m.participants);
  const verdicts: Verdict[] = [];
  for (const judge of judgesOf(m)) {
    const runs = runsOf(judge.id, specs, store);
    if (!runs.length) continue;
    const expected = specs.filter((s) => s.participant === judge.id).length;
    verdicts.push(verdictOf(judge.id, runs, expected));
    await writeText(dir, { kind: 'evaluation', judge: judge.id }, m, evaluationText(runs, name));
  }
  const kept = new Set([...verdicts, ...m.verdicts.filter((v) => v.pinned)].map((v) => v.judge));
  for (const p of m.participants) if (!kept.has(p.id)) await removeEvaluation(dir, p.id);
  await setVerdicts(dir, verdicts);
}

/**
 * Sets the verdicts in experiment.yaml, keeping its comments and layout and the verdicts a person
 * pinned, and marks it as run: a run on a copy of the sample is no longer sample data.
 */
async function setVerdicts(dir: string, fresh: Verdict[]): Promise<void> {
  await editManifest(dir, (doc, manifest) => {
    // the pinned verdicts stay as the person wrote them, comments and all
    const pinned = manifest.verdicts.filter((v) => v.pinned).map((v) => v.judge);
    const old = doc.get('verdicts');
    const kept = YAML.isSeq(old) ? old.items.filter((_, i) => manifest.verdicts[i]?.pinned) : [];
    const added = fresh.filter((v) => !pinned.includes(v.judge));
    const verdicts = new YAML.YAMLSeq();
    verdicts.items = [
      ...kept,
      ...added.map((v) => doc.createNode(v, { aliasDuplicateObjects: false })),
    ];
    doc.set('verdicts', verdicts);
    doc.delete('sample');
    if (manifest.provenance.kind === 'sample') {
      doc.set('provenance', doc.createNode({ kind: 'run' }));
      // the sample's opening comment says no model produced these files
      doc.commentBefore = null;
      const first = YAML.isMap(doc.contents) ? doc.contents.items[0]?.key : null;
      if (YAML.isNode(first)) first.commentBefore = undefined;
    }
  });
}
