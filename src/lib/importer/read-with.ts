// The last resort, opt-in (npm run import -- <src> --read-with <provider>:<model>): a model is asked,
// with structured output, for the winner of each evaluation the prose reader left open, with one
// verbatim sentence as evidence. The answer is taken only when that sentence is in the evaluation
// and names the winner by a name that resolves to it. Each call is stored in the experiment's
// runs/calls/ like a runner call, and reused when asked again.
import { z } from 'zod';
import { PROVIDERS, type CallRecord, type Participant, type Verdict } from '../content/schema.ts';
import { UserError } from '../content/experiment.ts';
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
  z.object({
    winner: z.enum(['none', ...ids] as [string, ...string[]]),
    evidence: z.string(),
  });

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

/** Asks the reader about every open, unpinned verdict; a stored call with the same prompt is reused. */
// oxlint-disable-next-line max-lines-per-function -- TODO(issue 12): split into named steps
export async function readOpenVerdicts(opts: {
  verdicts: Verdict[];
  evaluations: Map<string, string>;
  named: Candidate[];
  reader: Participant;
  provider: () => Provider;
  store: CallStore;
}): Promise<ReadWithResult> {
  const { reader, named, store } = opts;
  const out: ReadWithResult = { verdicts: [], made: 0, reused: 0, notes: [] };
  for (const v of opts.verdicts) {
    const text = opts.evaluations.get(v.judge);
    if (v.winner !== null || v.pinned || !text) {
      out.verdicts.push(v);
      continue;
    }
    const prompt = readPrompt(text, named);
    const ids = named.map((n) => n.id);
    const spec = {
      kind: 'read' as const,
      participant: v.judge,
      provider: reader.provider!,
      model: reader.model,
      ...(reader.baseURL ? { baseURL: reader.baseURL } : {}),
      params: {},
      prompt,
    };
    const key = callKey(spec);
    let record: CallRecord | undefined = store.done(key);
    if (record) out.reused++;
    else {
      const startedAt = new Date();
      try {
        const answer = await opts
          .provider()
          .ask({ prompt, schema: readSchema(ids), name: 'verdict' });
        record = {
          key,
          kind: 'read',
          participant: v.judge,
          provider: spec.provider,
          requested: reader.model,
          model: answer.model,
          params: {},
          prompt,
          status: 'ok',
          output: answer.parsed,
          attempts: 1,
          usage: answer.usage,
          cost: null,
          startedAt: startedAt.toISOString(),
          ms: Date.now() - startedAt.getTime(),
        };
        await store.put(record);
        out.made++;
      } catch (err) {
        out.notes.push(
          `evaluations/${v.judge}.md: ${reader.model} could not be asked: ${errorText((err as Error).message)}`,
        );
        out.verdicts.push(v);
        continue;
      }
    }
    const answer = record.output as { winner: string; evidence: string };
    const why = checkAnswer(answer, text, named);
    if (why) {
      out.notes.push(
        `evaluations/${v.judge}.md: stays open; ${reader.model} answered ${answer.winner}, not taken: ${why}`,
      );
      out.verdicts.push(v);
      continue;
    }
    out.notes.push(
      `evaluations/${v.judge}.md: winner ${answer.winner}, read by ${reader.model} from "${answer.evidence.slice(0, 100)}"`,
    );
    out.verdicts.push({
      judge: v.judge,
      winner: answer.winner,
      evidence: answer.evidence,
      reason: `read by ${reader.model}; the prose reader left it open (${v.reason ?? 'undetermined'})`,
      readBy: reader.model,
      call: key,
    });
  }
  return out;
}
