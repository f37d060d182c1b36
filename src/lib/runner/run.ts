// Runs an experiment: every participant writes a skill, then every judge judges all skills in every
// order. Each call is stored the moment it returns, keyed by what was sent, so a rerun (after a
// crash, Ctrl-C or a failure) makes only the calls not yet done.
import path from 'node:path';
import pLimit from 'p-limit';
import {
  MANIFEST,
  SKILLS_DIR,
  UserError,
  readManifest,
  readSkills,
  readSource,
  writeSkill,
} from '../content/experiment.ts';
import type { CallRecord, Manifest, PriceTable } from '../content/schema.ts';
import { costOf } from '../content/prices.ts';
import { ioReason } from '../content/errors.ts';
import { recoverSwaps } from '../content/swap.ts';
import { DEFAULT_MAX_TOKENS } from '../providers/anthropic.ts';
import { usd } from '../text/format.ts';
import { estimateCall, mostOf } from './estimate.ts';
import { checkKeys, keysIn, providerFor, type Provider } from '../providers/index.ts';
import { CallStore } from './store.ts';
import {
  checkDefinition,
  evaluationCalls,
  generationCalls,
  judgesOf,
  type CallSpec,
  type Stage,
} from './plan.ts';
import { skillProblem, type SkillFile } from './prompts.ts';
import { askTwice, recordOf, type Asked } from './ask.ts';
import { askAgent, type AgentAsked } from './ask-agent.ts';
import { copyContextIn, readContext, type LoadedContext } from './context.ts';
import { agentFor, type Agent } from '../agents/index.ts';
import { checkAgents } from '../agents/load.ts';
import { skillTexts, writeJudgments } from './judgments.ts';
import { leaveSample } from './sample-copy.ts';

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
  /** USD: the run stops before a call whose most expected cost would take it over (estimate.ts). */
  maxCost?: number;
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
  /** What the run changed besides its results, for the user (a copy of the sample made a run). */
  notes: string[];
}

const silent: Progress = { start() {}, update() {}, stop() {} };

/** The skills on disk, as the judges read them: skills/<participant>/... */
export async function readSkillTexts(dir: string, m: Manifest): Promise<Map<string, SkillFile[]>> {
  return skillTexts(await readSkills(dir, m));
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

/** The totals of a run and its failures, reported to the progress display as each call ends. */
class Tally {
  failures: Failure[] = [];
  constructor(
    readonly totals: Totals,
    private progress: Progress,
  ) {
    progress.start(totals.total);
  }

  /** Counts a call into the totals and reports it, in one step, so each report's totals are those of the calls reported so far. */
  count(
    call: { kind: CallSpec['kind']; participant: string },
    outcome: 'made' | 'stored' | 'failed',
    record?: CallRecord,
  ) {
    const t = this.totals;
    t.done++;
    if (outcome === 'made') t.made++;
    if (outcome === 'stored') t.reused++;
    if (outcome === 'failed') t.failed++;
    if (outcome !== 'stored' && record?.usage) {
      t.tokens += record.usage.input + record.usage.output;
      t.cost += record.cost ?? 0;
      if (outcome === 'made' && record.cost === null) t.unpriced++;
    }
    this.progress.update(call, outcome, t, record);
  }

  fail(kind: CallSpec['kind'], participant: string, error: string, record?: CallRecord) {
    this.failures.push({ kind, participant, error });
    this.count({ kind, participant }, 'failed', record);
  }
}

/** What every call of one run shares. */
interface Run {
  dir: string;
  manifest: Manifest;
  source: string;
  context: LoadedContext;
  orders: number;
  tally: Tally;
  /** One call: from the store if done before, else asked (a malformed answer is asked again once). */
  call: (spec: CallSpec) => Promise<CallRecord | null>;
  signal?: AbortSignal;
}

/** The calls a run makes in all, for the progress display. */
function totalsOf(m: Manifest, stages: Stage[], orders: number): Totals {
  const total =
    (stages.includes('generate') ? m.participants.length : 0) +
    (stages.includes('evaluate') ? judgesOf(m).length * orders : 0);
  return { done: 0, made: 0, reused: 0, failed: 0, tokens: 0, cost: 0, unpriced: 0, total };
}

/** A call's record, priced from the table, or by the agent's own figure when the table has no price. */
function recordFor(
  prices: PriceTable,
  spec: CallSpec,
  startedAt: Date,
  asked: Asked | AgentAsked,
): CallRecord {
  const reported = 'model' in asked ? asked.model : spec.model;
  const priced = costOf(prices, reported, asked.usage) ?? costOf(prices, spec.model, asked.usage);
  if (!('outcome' in asked)) return recordOf(spec, startedAt, asked, priced);
  const agentCost = asked.outcome.agentCost;
  const cost = priced ?? agentCost;
  const costFrom = priced !== null ? 'prices' : agentCost !== null ? 'agent' : 'none';
  return recordOf(spec, startedAt, asked, cost, { ...asked.outcome.trace, costFrom });
}

/** Makes each participant's client once: an SDK client for an API, an agent for an agent participant. */
function clients(opts: RunOptions, m: Manifest) {
  const made = new Map<string, Provider | Agent>();
  const participant = (id: string) => m.participants.find((p) => p.id === id)!;
  const of = <T extends Provider | Agent>(id: string, make: () => T): T => {
    if (!made.has(id)) made.set(id, make());
    return made.get(id) as T;
  };
  return {
    provider: (id: string) => of(id, () => providerFor(participant(id), opts.env)),
    agent: (id: string) => of(id, () => agentFor(participant(id), m, opts.env)),
  };
}

/**
 * --max-cost: a call is made only when what was spent, what the calls in flight may cost and what
 * this one may cost stay within it; after the first refused, the run makes no more calls.
 */
class Budget {
  private inFlight = new Map<string, number>();
  private stopped = false;
  constructor(
    private opts: RunOptions,
    private m: Manifest,
  ) {}

  private most(spec: CallSpec) {
    const p = this.m.participants.find((x) => x.id === spec.participant);
    const maxOut = p?.params?.maxOutputTokens ?? DEFAULT_MAX_TOKENS;
    return mostOf(estimateCall(spec, maxOut, this.opts.prices));
  }

  /** Why the call may not be made, or null (and it counts as in flight). */
  take(spec: CallSpec, spent: number): string | null {
    const max = this.opts.maxCost;
    if (max === undefined) return null;
    const most = this.most(spec);
    const reserved = [...this.inFlight.values()].reduce((a, n) => a + n, 0);
    if (this.stopped || spent + reserved + most > max) {
      this.stopped = true;
      return `not made: --max-cost ${usd(max)} (spent ${usd(spent)}, in flight up to ${usd(reserved)}, this call up to ${usd(most)})`;
    }
    this.inFlight.set(spec.key, most);
    return null;
  }

  release(spec: CallSpec) {
    this.inFlight.delete(spec.key);
  }
}

/** The function that makes one call: from the store, or asked with at most `concurrency` in flight. */
function caller(opts: RunOptions, m: Manifest, store: CallStore, tally: Tally): Run['call'] {
  const limit = pLimit(opts.concurrency);
  const client = clients(opts, m);
  const keys = keysIn(opts.env);
  const budget = new Budget(opts, m);
  return async (spec) => {
    const stored = usable(store.done(spec.key));
    if (stored) {
      tally.count(spec, 'stored', stored);
      return stored;
    }
    return limit(async () => {
      if (opts.signal?.aborted) return null;
      const over = budget.take(spec, tally.totals.cost);
      if (over) {
        tally.fail(spec.kind, spec.participant, over);
        return null;
      }
      const startedAt = new Date();
      const asked = spec.agent
        ? await askAgent(client.agent(spec.participant), spec, keys, opts.signal)
        : await askTwice(client.provider(spec.participant), spec, keys, opts.signal);
      if (!asked) {
        budget.release(spec);
        return null;
      }
      const record = recordFor(opts.prices, spec, startedAt, asked);
      await store.put(record);
      if ('error' in asked) tally.fail(spec.kind, spec.participant, asked.error, record);
      else tally.count(spec, 'made', record);
      budget.release(spec); // its cost is in the totals now
      return 'error' in asked ? null : record;
    });
  };
}

/** Every participant writes its skill; each written replaces the participant's skill folder. */
async function generate(run: Run): Promise<void> {
  const records = await Promise.all(
    generationCalls(run.manifest, run.source, run.context).map(run.call),
  );
  for (const r of records) {
    if (r?.kind !== 'generate' || !r.output) continue;
    // a skill that cannot be written fails its cell; the others are still written
    const error = await writeSkill(run.dir, r.participant, r.output.files).then(
      () => null,
      (err) => `the skill could not be written: ${ioReason(err)}`,
    );
    if (error) {
      run.tally.failures.push({ kind: 'generate', participant: r.participant, error });
      run.tally.totals.failed++;
    }
  }
}

/** A stored call to reuse: a skill stored by an older check that it no longer passes is asked again. */
function usable(record: CallRecord | undefined): CallRecord | undefined {
  if (record?.kind !== 'generate' || !record.output) return record;
  return skillProblem(record.output.files) ? undefined : record;
}

/** Every judge judges the skills on disk in every order; none is judged when a skill is missing. */
async function evaluate(run: Run): Promise<void> {
  const { manifest: m } = run;
  const skills = await readSkillTexts(run.dir, m);
  const missing = m.participants.filter((p) => !skills.has(p.id)).map((p) => p.id);
  if (!missing.length) {
    await Promise.all(evaluationCalls(m, run.source, skills, run.context).map(run.call));
    return;
  }
  const why = `no skill from ${missing.join(', ')} (skills/<participant>/ is empty)`;
  for (const judge of judgesOf(m))
    for (let k = 0; k < run.orders; k++) run.tally.fail('evaluate', judge.id, `not judged: ${why}`);
}

export async function runExperiment(opts: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const { dir, stages, signal } = opts;
  const { manifest, source } = await loadDefinition(dir, stages);
  await recoverSwaps(path.join(dir, SKILLS_DIR));
  const callers = stages.includes('generate') ? manifest.participants : judgesOf(manifest);
  checkKeys(callers, opts.env);
  checkAgents(callers);
  const notes = await leaveSample(dir, manifest);
  const store = new CallStore(dir);
  const setAside = opts.fresh ? await store.setAside() : null;
  await store.load();
  const orders = manifest.judging?.swap === false ? 1 : manifest.participants.length;
  const progress = opts.progress ?? silent;
  const tally = new Tally(totalsOf(manifest, stages, orders), progress);
  const call = caller(opts, manifest, store, tally);
  const context = await readContext(dir, manifest);
  await copyContextIn(dir, manifest, context);
  const run: Run = { dir, manifest, source, context, orders, tally, call, signal };
  if (stages.includes('generate')) await generate(run);
  if (stages.includes('evaluate') && !signal?.aborted) await evaluate(run);
  const skills = await readSkillTexts(dir, manifest);
  await writeJudgments(dir, manifest, source, skills, store, context);
  if (store.answeredByDouble())
    notes.push(
      'the API double answered: marked as a test run (provenance.test), left out of /models/',
    );
  progress.stop();
  return {
    totals: tally.totals,
    failures: tally.failures,
    interrupted: !!signal?.aborted,
    setAside,
    wallMs: Date.now() - started,
    notes,
  };
}
