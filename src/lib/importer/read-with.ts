// The last resort, opt-in (npm run import -- <src> --read-with <provider>:<model>): a model is asked,
// with structured output, for the winner of each evaluation the prose reader left open, with one
// verbatim sentence as evidence. The answer is taken only when that sentence is in the evaluation
// and names the winner by a name that resolves to it. Each call is stored in the experiment's
// runs/calls/ like a runner call, and reused when asked again.
import { z } from 'zod';
import {
  PROVIDERS,
  ReadAnswerSchema,
  type Participant,
  type ReadAnswer,
  type Verdict,
} from '../content/schema.ts';
import { UserError, pathOf } from '../content/experiment.ts';
import { errorText } from '../content/secrets.ts';
import { NameIndex, type Candidate } from '../text/names.ts';
import { callKey } from '../runner/plan.ts';
import { baseUrlProblem, type Provider } from '../providers/index.ts';
import type { CallStore } from '../runner/store.ts';

/** "openai:gpt-5-mini" -> a participant-shaped reader the providers can serve. */
export function parseReadWith(spec: string, baseURL?: string): Participant {
  const m = spec.match(/^([a-z-]+):(.+)$/);
  const provider = m?.[1] as Participant['provider'];
  if (!m || !PROVIDERS.includes(provider as (typeof PROVIDERS)[number]))
    throw new UserError(
      `--read-with ${spec}: give <provider>:<model>, with provider one of ${PROVIDERS.join(', ')} (e.g. openai:gpt-5-mini)`,
    );
  if (provider === 'openai-compatible' && !baseURL)
    throw new UserError(
      `--read-with ${spec}: an openai-compatible model needs --base-url (e.g. http://127.0.0.1:11434/v1)`,
    );
  const reader: Participant = {
    id: 'reader',
    model: m[2],
    provider,
    ...(baseURL ? { baseURL } : {}),
  };
  const problem = baseUrlProblem(reader);
  if (problem) throw new UserError(`--base-url ${baseURL}: ${problem}`);
  return reader;
}

export const readSchema = (ids: string[]) =>
  ReadAnswerSchema.extend({ winner: z.enum(['none', ...ids] as [string, ...string[]]) });

export function readPrompt(evaluation: string, named: Candidate[]): string {
  return [
    'Below is an evaluation in which a judge compared the work of several participants.',
    'Which participant does the judge pick as the overall winner? Answer "none" for a tie, a pick that depends on a condition, or no clear pick.',
    'As evidence, copy one sentence of the evaluation word for word: the sentence that names the winner.',
    '',
    'Participants (id: the names the evaluation may use):',
    ...named.map((n) => `- ${n.id}: ${n.aliases.join(', ')}`),
    '',
    '<evaluation>',
    evaluation.trim(),
    '</evaluation>',
  ].join('\n');
}

const squash = (s: string) =>
  s
    .replace(/[*_`>#]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Why an answer is not taken, or null when it is: the sentence must be in the evaluation and name the winner. */
export function checkAnswer(
  answer: { winner: string; evidence: string },
  evaluation: string,
  named: Candidate[],
): string | null {
  if (answer.winner === 'none') return 'the model found no winner either';
  const evidence = squash(answer.evidence);
  if (evidence.length < 8 || !squash(evaluation).includes(evidence))
    return 'its evidence is not a sentence of the evaluation';
  const ids = new Set(new NameIndex(named).mentions(answer.evidence).map((m) => m.id));
  if (!ids.has(answer.winner)) return `its evidence does not name ${answer.winner}`;
  return null;
}

export interface ReadWithResult {
  verdicts: Verdict[];
  made: number;
  reused: number;
  notes: string[];
}

interface ReadOptions {
  verdicts: Verdict[];
  /** Each judge's evaluation, by judge. */
  evaluations: Map<string, string>;
  named: Candidate[];
  reader: Participant;
  provider: () => Provider;
  store: CallStore;
}

/** Asks the reader about every open, unpinned verdict; a stored call with the same prompt is reused. */
export async function readOpenVerdicts(opts: ReadOptions): Promise<ReadWithResult> {
  const out: ReadWithResult = { verdicts: [], made: 0, reused: 0, notes: [] };
  for (const v of opts.verdicts) {
    const text = opts.evaluations.get(v.judge);
    const open = v.winner === null && !v.pinned && text;
    out.verdicts.push(open ? await readOne(v, text, opts, out) : v);
  }
  return out;
}

/** The name of a judge's evaluation in the experiment folder, for notes. */
const evaluationName = (judge: string) => pathOf({ kind: 'evaluation', judge }, { source: null });

/** One open verdict, as the reader reads it: taken when its answer checks out, else left open. */
async function readOne(
  v: Verdict,
  text: string,
  opts: ReadOptions,
  out: ReadWithResult,
): Promise<Verdict> {
  const { reader, named } = opts;
  const asked = await askReader(v.judge, readPrompt(text, named), opts, out);
  const file = evaluationName(v.judge);
  if (!asked) return v;
  const { answer, key } = asked;
  const why = checkAnswer(answer, text, named);
  if (why) {
    out.notes.push(
      `${file}: stays open; ${reader.model} answered ${answer.winner}, not taken: ${why}`,
    );
    return v;
  }
  out.notes.push(
    `${file}: winner ${answer.winner}, read by ${reader.model} from "${answer.evidence.slice(0, 100)}"`,
  );
  return {
    judge: v.judge,
    winner: answer.winner,
    evidence: answer.evidence,
    reason: `read by ${reader.model}; the prose reader left it open (${v.reason ?? 'undetermined'})`,
    readBy: reader.model,
    call: key,
  };
}

/** The reader's answer about a judge's evaluation: stored from before, or asked and stored now. */
async function askReader(
  judge: string,
  prompt: string,
  opts: ReadOptions,
  out: ReadWithResult,
): Promise<{ answer: ReadAnswer; key: string } | null> {
  const { reader, named, store } = opts;
  const spec = {
    kind: 'read' as const,
    participant: judge,
    provider: reader.provider!,
    model: reader.model,
    ...(reader.baseURL ? { baseURL: reader.baseURL } : {}),
    params: {},
    prompt,
  };
  const key = callKey(spec);
  const stored = store.done(key);
  if (stored?.kind === 'read' && stored.output) {
    out.reused++;
    return { answer: stored.output, key };
  }
  const startedAt = new Date();
  try {
    const schema = readSchema(named.map((n) => n.id));
    const got = await opts.provider().ask({ prompt, schema, name: 'verdict' });
    await store.put({
      key,
      kind: 'read',
      participant: judge,
      provider: spec.provider,
      requested: reader.model,
      model: got.model,
      params: {},
      prompt,
      status: 'ok',
      output: got.parsed,
      attempts: 1,
      usage: got.usage,
      cost: null,
      startedAt: startedAt.toISOString(),
      ms: Date.now() - startedAt.getTime(),
    });
    out.made++;
    return { answer: got.parsed, key };
  } catch (err) {
    out.notes.push(
      `${evaluationName(judge)}: ${reader.model} could not be asked: ${errorText((err as Error).message)}`,
    );
    return null;
  }
}
