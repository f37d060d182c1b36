// Runs an experiment: every participant writes a skill, then every judge judges all skills in every
// order. Each call is stored the moment it returns, keyed by what was sent, so a rerun (after a
// crash, Ctrl-C or a failure) makes only the calls not yet done.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import pLimit from 'p-limit';
import YAML from 'yaml';
import type { ZodType } from 'zod';
import { readManifest, readSource, MANIFEST, UserError } from '../content/experiment.ts';
import { ioReason } from '../content/errors.ts';
import { readTextFiles, replaceFolder, writeFileAtomic } from '../content/files.ts';
import type { CallRecord, Manifest, PriceTable, Verdict } from '../content/schema.ts';
import { costOf } from '../content/prices.ts';
import {
  checkKeys,
  describeApiError,
  isApiError,
  keysIn,
  providerFor,
  type Provider,
} from '../providers/index.ts';
import { errorText } from '../content/secrets.ts';
import { CallStore } from './store.ts';
import {
  checkDefinition,
  evaluationCalls,
  generationCalls,
  judgesOf,
  type CallSpec,
  type Stage,
} from './plan.ts';
import { GeneratedSkillSchema, judgmentSchema, skillProblem, type SkillFile } from './prompts.ts';

export interface Totals {
  done: number;
  total: number;
  made: number;
  reused: number;
  failed: number;
  tokens: number;
  cost: number;
  /** Calls made whose model has no price in the table. */
  unpriced: number;
}

export interface Progress {
  start(total: number): void;
  /** After each call: made, taken from the store, or failed. */
  update(
    call: { kind: CallSpec['kind']; participant: string },
    outcome: 'made' | 'stored' | 'failed',
    totals: Totals,
    record?: CallRecord,
  ): void;
  stop(): void;
}

export interface RunOptions {
  dir: string;
  stages: Stage[];
  concurrency: number;
  fresh?: boolean;
  env: NodeJS.ProcessEnv;
  prices: PriceTable;
  progress?: Progress;
  /** Aborting stops new calls and cancels those in flight; what returned is kept. */
  signal?: AbortSignal;
}

export interface Failure {
  kind: CallSpec['kind'];
  participant: string;
  error: string;
}

export interface RunResult {
  totals: Totals;
  failures: Failure[];
  interrupted: boolean;
  setAside: string | null;
  wallMs: number;
}

const silent: Progress = { start() {}, update() {}, stop() {} };

/** The skills on disk, for the judges: skills/<participant>/... */
export async function readSkills(dir: string, m: Manifest): Promise<Map<string, SkillFile[]>> {
  const skills = new Map<string, SkillFile[]>();
  for (const p of m.participants) {
    const files = (await readTextFiles(path.join(dir, 'skills', p.id))).filter(
      (f) => f.content !== null,
    );
    if (files.length)
      skills.set(
        p.id,
        files.map((f) => ({ path: f.path, content: f.content! })),
      );
  }
  return skills;
}

/** The definition and source a run reads, checked for what the stages need. */
export async function loadDefinition(
  dir: string,
  stages: Stage[],
): Promise<{ manifest: Manifest; source: string }> {
  const manifestFile = path.join(dir, MANIFEST);
  const manifest = await readManifest(dir);
  checkDefinition(manifest, manifestFile, stages);
  if (manifest.source === null)
    throw new UserError(`${manifestFile}: field source is null; a run needs source material`);
  return { manifest, source: await readSource(dir, manifest) };
}

type Asked = { attempts: number; usage: { input: number; output: number } } & (
  { parsed: unknown; model: string } | { error: string }
);

/** Asks once, and once more when the answer is malformed; API errors come after the SDK's own retries. */
async function askTwice(
  provider: Provider,
  spec: CallSpec,
  keys: (string | undefined)[],
  signal?: AbortSignal,
): Promise<Asked | null> {
  const schema: ZodType<unknown> =
    spec.kind === 'generate' ? GeneratedSkillSchema : judgmentSchema(Object.keys(spec.labels!));
  const usage = { input: 0, output: 0 };
  let error = '';
  for (let attempts = 1; attempts <= 2; attempts++) {
    try {
      const answer = await provider.ask({
        prompt: spec.prompt,
        schema,
        name: spec.kind === 'generate' ? 'skill' : 'judgment',
        signal,
      });
      usage.input += answer.usage.input;
      usage.output += answer.usage.output;
      const problem =
        spec.kind === 'generate'
          ? skillProblem((answer.parsed as { files: SkillFile[] }).files)
          : null;
      if (!problem) return { attempts, usage, parsed: answer.parsed, model: answer.model };
      error = `malformed answer: ${errorText(problem, keys)}`;
    } catch (err) {
      if (signal?.aborted) return null;
      if (isApiError(err))
        return { attempts, usage, error: describeApiError(err, provider.baseURL, keys) };
      error = `malformed answer: ${errorText((err as Error).message, keys)}`;
    }
  }
  return { attempts: 2, usage, error };
}

// oxlint-disable-next-line max-lines-per-function -- TODO(issue 12): split into named steps
export async function runExperiment(opts: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const { dir, stages, env, prices, signal } = opts;
  const progress = opts.progress ?? silent;
  const { manifest, source } = await loadDefinition(dir, stages);
  const judges = judgesOf(manifest);
  checkKeys(stages.includes('generate') ? manifest.participants : judges, env);

  const store = new CallStore(dir);
  const setAside = opts.fresh ? await store.setAside() : null;
  await store.load();
  const limit = pLimit(opts.concurrency);
  const providers = new Map<string, Provider>();
  const providerOf = (id: string) => {
    if (!providers.has(id))
      providers.set(
        id,
        providerFor(
          manifest.participants.find((p) => p.id === id)!,
          env,
        ),
      );
    return providers.get(id)!;
  };

  const skillCount = manifest.participants.length;
  const orders = manifest.judging?.swap === false ? 1 : skillCount;
  const totals: Totals = {
    done: 0,
    made: 0,
    reused: 0,
    failed: 0,
    tokens: 0,
    cost: 0,
    unpriced: 0,
    total:
      (stages.includes('generate') ? skillCount : 0) +
      (stages.includes('evaluate') ? judges.length * orders : 0),
  };
  const failures: RunResult['failures'] = [];
  progress.start(totals.total);

  /** Counts a call into the totals and reports it, in one step, so each report's totals are those of the calls reported so far. */
  const count = (
    call: { kind: CallSpec['kind']; participant: string },
    outcome: 'made' | 'stored' | 'failed',
    record?: CallRecord,
  ) => {
    totals.done++;
    if (outcome === 'made') totals.made++;
    if (outcome === 'stored') totals.reused++;
    if (outcome === 'failed') totals.failed++;
    if (outcome !== 'stored' && record?.usage) {
      totals.tokens += record.usage.input + record.usage.output;
      totals.cost += record.cost ?? 0;
      if (outcome === 'made' && record.cost === null) totals.unpriced++;
    }
    progress.update(call, outcome, totals, record);
  };
  const fail = (
    kind: CallSpec['kind'],
    participant: string,
    error: string,
    record?: CallRecord,
  ) => {
    failures.push({ kind, participant, error });
    count({ kind, participant }, 'failed', record);
  };

  /** One call: from the store if done before, else asked (a malformed answer is asked again once). */
  const call = async (spec: CallSpec): Promise<CallRecord | null> => {
    const stored = usable(store.done(spec.key));
    if (stored) {
      count(spec, 'stored', stored);
      return stored;
    }
    return limit(async () => {
      if (signal?.aborted) return null;
      const startedAt = new Date();
      const asked = await askTwice(providerOf(spec.participant), spec, keysIn(env), signal);
      if (!asked) return null;
      const cost =
        costOf(prices, 'model' in asked ? asked.model : spec.model, asked.usage) ??
        costOf(prices, spec.model, asked.usage);
      if ('error' in asked) {
        const failed = recordOf(spec, startedAt, asked.attempts, 'failed', {
          error: asked.error,
          usage: asked.usage,
          cost,
        });
        await store.put(failed);
        fail(spec.kind, spec.participant, asked.error, failed);
        return null;
      }
      const record = recordOf(spec, startedAt, asked.attempts, 'ok', {
        output: asked.parsed,
        model: asked.model,
        usage: asked.usage,
        cost,
      });
      await store.put(record);
      count(spec, 'made', record);
      return record;
    });
  };

  if (stages.includes('generate')) {
    const records = await Promise.all(generationCalls(manifest, source).map(call));
    for (const r of records) {
      // a skill that cannot be written fails its cell; the others are still written
      const error = r && (await writeSkill(dir, r));
      if (error) failures.push({ kind: 'generate', participant: r.participant, error });
      if (error) totals.failed++;
    }
  }

  if (stages.includes('evaluate') && !signal?.aborted) {
    const skills = await readSkills(dir, manifest);
    const missing = manifest.participants.filter((p) => !skills.has(p.id)).map((p) => p.id);
    if (missing.length) {
      const why = `no skill from ${missing.join(', ')} (skills/<participant>/ is empty)`;
      for (const judge of judges)
        for (let k = 0; k < orders; k++) fail('evaluate', judge.id, `not judged: ${why}`);
    } else {
      await Promise.all(evaluationCalls(manifest, source, skills).map(call));
    }
  }
  await writeJudgments(dir, manifest, source, store);
  progress.stop();
  return {
    totals,
    failures,
    interrupted: !!signal?.aborted,
    setAside,
    wallMs: Date.now() - started,
  };
}

/** A stored call to reuse: a skill stored by an older check that it no longer passes is asked again. */
function usable(record: CallRecord | undefined): CallRecord | undefined {
  if (record?.kind !== 'generate') return record;
  return skillProblem((record.output as { files: SkillFile[] }).files) ? undefined : record;
}

/** Writes a generated skill into skills/<participant>/, replacing the one there; null, or why not. */
async function writeSkill(dir: string, record: CallRecord): Promise<string | null> {
  const files = (record.output as { files: SkillFile[] }).files;
  return replaceFolder(
    path.join(dir, 'skills'),
    path.join(dir, 'skills', record.participant),
    async (tmp) => {
      for (const f of files) await writeFileAtomic(path.join(tmp, f.path), f.content);
    },
  ).then(
    () => null,
    (err) => `the skill could not be written: ${ioReason(err)}`,
  );
}

function recordOf(
  spec: CallSpec,
  startedAt: Date,
  attempts: number,
  status: 'ok' | 'failed',
  rest: Partial<CallRecord>,
): CallRecord {
  return {
    key: spec.key,
    kind: spec.kind,
    participant: spec.participant,
    ...(spec.order ? { order: spec.order, labels: spec.labels } : {}),
    provider: spec.provider,
    requested: spec.model,
    params: spec.params,
    prompt: spec.prompt,
    status,
    attempts,
    cost: null,
    startedAt: startedAt.toISOString(),
    ms: Date.now() - startedAt.getTime(),
    ...rest,
  };
}

interface Judgment {
  evaluation: string;
  winner: string;
  reason: string;
}

/**
 * After a run, every verdict comes from the calls that judged the skills now on disk, or there is
 * none: writes evaluations/<judge>.md (every order) and the verdicts into the manifest, and removes
 * the verdicts and evaluations of earlier skills (a person's pinned verdicts excepted).
 */
async function writeJudgments(dir: string, m: Manifest, source: string, store: CallStore) {
  const skills = await readSkills(dir, m);
  const judgeable =
    m.prompts.evaluation &&
    m.participants.length >= 2 &&
    m.participants.every((p) => skills.has(p.id));
  const specs = judgeable ? evaluationCalls(m, source, skills) : [];
  const records = specs.map((s) => store.done(s.key) ?? null);
  const name = (id: string) => m.participants.find((p) => p.id === id)?.label ?? id;
  const verdicts: Verdict[] = [];
  for (const judge of judgesOf(m)) {
    const runs = specs
      .map((spec, i) => ({ spec, record: records[i] }))
      .filter(({ spec, record }) => spec.participant === judge.id && record)
      .map(({ spec, record }) => {
        const out = record!.output as Judgment;
        return {
          order: spec.order!,
          labels: spec.labels!,
          winner: out.winner === 'tie' ? null : spec.labels![out.winner],
          tie: out.winner === 'tie',
          reason: out.reason,
          evaluation: out.evaluation,
          call: spec.key,
        };
      });
    if (!runs.length) continue;
    const expected = specs.filter((s) => s.participant === judge.id).length;
    const picks = new Set(runs.map((r) => (r.tie ? 'tie' : r.winner)));
    const consistent = picks.size === 1;
    const complete = runs.length === expected;
    const winner = consistent && complete ? runs[0].winner : null;
    const reason = !complete
      ? `only ${runs.length} of ${expected} orders were judged`
      : !consistent
        ? 'the judge picked differently when the order changed'
        : runs[0].tie
          ? 'the judge called it a tie'
          : 'the same pick in every order';
    verdicts.push({
      judge: judge.id,
      winner,
      evidence: runs[0].reason,
      reason,
      runs: runs.map(({ evaluation: _e, ...r }) => r),
      consistent,
    });
    const text = runs
      .map((r, i) => {
        const shown = r.order
          .map((id, k) => `${Object.keys(r.labels)[k]} = ${name(id)}`)
          .join(', ');
        const pick = r.tie
          ? 'a tie'
          : `${Object.entries(r.labels).find(([, id]) => id === r.winner)?.[0]} (${name(r.winner!)})`;
        return `<!-- run ${i + 1} of ${runs.length}; call ${r.call} -->\n\n**Order ${i + 1}:** ${shown}. **Decision:** ${pick}. ${r.reason}\n\n${r.evaluation.trim()}\n`;
      })
      .join('\n\n---\n\n');
    await writeFileAtomic(path.join(dir, 'evaluations', `${judge.id}.md`), text);
  }
  const kept = new Set([...verdicts, ...m.verdicts.filter((v) => v.pinned)].map((v) => v.judge));
  for (const p of m.participants)
    if (!kept.has(p.id)) await fs.rm(path.join(dir, 'evaluations', `${p.id}.md`), { force: true });
  await updateManifest(dir, verdicts);
}

/**
 * Sets the verdicts in experiment.yaml, keeping its comments and layout, and marks it as run: a run on
 * a copy of the sample is no longer sample data.
 */
async function updateManifest(dir: string, fresh: Verdict[]) {
  const file = path.join(dir, MANIFEST);
  const doc = YAML.parseDocument(await fs.readFile(file, 'utf8'));
  const pinned = ((doc.toJS().verdicts ?? []) as Verdict[]).filter((v) => v.pinned);
  const verdicts = [...pinned, ...fresh.filter((f) => !pinned.some((v) => v.judge === f.judge))];
  doc.set('verdicts', doc.createNode(verdicts, { aliasDuplicateObjects: false }));
  doc.delete('sample');
  if (doc.getIn(['provenance', 'kind']) === 'sample') {
    doc.set('provenance', doc.createNode({ kind: 'run' }));
    // the sample's opening comment says no model produced these files
    doc.commentBefore = null;
    const first = YAML.isMap(doc.contents) ? doc.contents.items[0]?.key : null;
    if (YAML.isNode(first)) first.commentBefore = undefined;
  }
  await writeFileAtomic(file, doc.toString({ lineWidth: 0 }));
}
