// One call of a run: the model asked for a skill or a judgment (once more when the answer is
// malformed), and what came back as a call record of its kind.
import {
  GeneratedSkillSchema,
  type CallRecord,
  type GeneratedSkill,
  type Judgment,
} from '../content/schema.ts';
import { describeApiError, isApiError, type Provider } from '../providers/index.ts';
import { errorText } from '../content/secrets.ts';
import type { CallSpec } from './plan.ts';
import { judgmentSchema, skillProblem } from './prompts.ts';

/** An answer of the kind asked for. */
type Output = { kind: 'generate'; output: GeneratedSkill } | { kind: 'evaluate'; output: Judgment };

export type Asked = { attempts: number; usage: { input: number; output: number } } & (
  { answer: Output; model: string } | { error: string }
);

/** Asks once for the answer of the spec's kind; a skill that breaks the rules is an Error. */
async function askOnce(
  provider: Provider,
  spec: CallSpec,
  signal?: AbortSignal,
): Promise<{ answer: Output; model: string; usage: { input: number; output: number } }> {
  const prompt = spec.prompt;
  if (spec.kind === 'generate') {
    const got = await provider.ask({ prompt, schema: GeneratedSkillSchema, name: 'skill', signal });
    const problem = skillProblem(got.parsed.files);
    if (problem) throw Object.assign(new Error(problem), { usage: got.usage });
    return { ...got, answer: { kind: 'generate', output: got.parsed } };
  }
  const schema = judgmentSchema(Object.keys(spec.labels!));
  const got = await provider.ask({ prompt, schema, name: 'judgment', signal });
  return { ...got, answer: { kind: 'evaluate', output: got.parsed } };
}

/** Asks once, and once more when the answer is malformed; API errors come after the SDK's own retries. */
export async function askTwice(
  provider: Provider,
  spec: CallSpec,
  keys: (string | undefined)[],
  signal?: AbortSignal,
): Promise<Asked | null> {
  const usage = { input: 0, output: 0 };
  let error = '';
  for (let attempts = 1; attempts <= 2; attempts++) {
    try {
      const got = await askOnce(provider, spec, signal);
      usage.input += got.usage.input;
      usage.output += got.usage.output;
      return { attempts, usage, answer: got.answer, model: got.model };
    } catch (err) {
      if (signal?.aborted) return null;
      if (isApiError(err))
        return { attempts, usage, error: describeApiError(err, provider.baseURL, keys) };
      const spent = (err as { usage?: typeof usage }).usage;
      if (spent) {
        usage.input += spent.input;
        usage.output += spent.output;
      }
      error = `malformed answer: ${errorText((err as Error).message, keys)}`;
    }
  }
  return { attempts: 2, usage, error };
}

/** The record of a call asked (answered or failed) at `startedAt`, priced at `cost`. */
export function recordOf(
  spec: CallSpec,
  startedAt: Date,
  asked: Asked,
  cost: number | null,
): CallRecord {
  const common = {
    key: spec.key,
    participant: spec.participant,
    ...(spec.order ? { order: spec.order, labels: spec.labels } : {}),
    provider: spec.provider,
    requested: spec.model,
    params: spec.params,
    prompt: spec.prompt,
    attempts: asked.attempts,
    usage: asked.usage,
    cost,
    startedAt: startedAt.toISOString(),
    ms: Date.now() - startedAt.getTime(),
  };
  if ('error' in asked) return { ...common, kind: spec.kind, status: 'failed', error: asked.error };
  return { ...common, ...asked.answer, status: 'ok', model: asked.model };
}
