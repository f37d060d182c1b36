// What a run would do, without a key or a call: every call with the server it goes to, its
// estimated tokens and cost.
import type { PriceTable } from '../content/schema.ts';
import { estimateTokens, priceOf } from '../content/prices.ts';
import { columns, num, usd } from '../text/format.ts';
import { DEFAULT_MAX_TOKENS } from '../providers/anthropic.ts';
import { serverFor } from '../providers/index.ts';
import { stripCredentials } from '../content/secrets.ts';
import { CallStore } from './store.ts';
import { evaluationCalls, generationCalls, type CallSpec, type Stage } from './plan.ts';
import { loadDefinition, readSkillTexts } from './run.ts';
import type { SkillFile } from './prompts.ts';

export interface PlannedCall {
  spec: CallSpec;
  /** The base URL the call is sent to (with the user's key, for openai and anthropic). */
  server: string;
  inputTokens: number;
  maxOutputTokens: number;
  /** USD for the input, and at most for the output; null without a price. */
  inputCost: number | null;
  maxOutputCost: number | null;
  stored: boolean;
  /** Judgments before the skills exist are estimated with skills of the writers' maximum size. */
  estimatedSkills: boolean;
}

export async function planRun(
  dir: string,
  stages: Stage[],
  prices: PriceTable,
  env: NodeJS.ProcessEnv,
): Promise<PlannedCall[]> {
  const { manifest: m, source } = await loadDefinition(dir, stages);
  const store = new CallStore(dir);
  await store.load();
  const maxOut = (id: string) =>
    m.participants.find((p) => p.id === id)?.params?.maxOutputTokens ?? DEFAULT_MAX_TOKENS;
  let specs: CallSpec[] = stages.includes('generate') ? generationCalls(m, source) : [];
  let skills = await readSkillTexts(dir, m);
  const estimated = stages.includes('generate') || skills.size < m.participants.length;
  if (estimated) {
    // stand-ins as long as the largest skill each writer may return
    skills = new Map(
      m.participants.map((p): [string, SkillFile[]] => [
        p.id,
        [{ path: 'SKILL.md', content: 'x'.repeat(maxOut(p.id) * 4) }],
      ]),
    );
  }
  if (stages.includes('evaluate')) specs = [...specs, ...evaluationCalls(m, source, skills)];
  return specs.map((spec) => {
    const price = priceOf(prices, spec.model);
    const inputTokens = estimateTokens(spec.prompt);
    const maxOutputTokens = maxOut(spec.participant);
    const participant = m.participants.find((p) => p.id === spec.participant)!;
    return {
      spec,
      server: stripCredentials(serverFor(participant, env)),
      inputTokens,
      maxOutputTokens,
      inputCost: price ? (inputTokens * price.input) / 1e6 : null,
      maxOutputCost: price ? (maxOutputTokens * price.output) / 1e6 : null,
      stored: !!store.done(spec.key),
      estimatedSkills: spec.kind === 'evaluate' && estimated,
    };
  });
}

/** The planned calls as a table, one line each under a heading line, in columns however long the ids. */
export function dryRunTable(calls: PlannedCall[]): string[] {
  const rows = calls.map(({ spec: s, ...c }) => [
    s.kind === 'generate'
      ? `generate  ${s.participant}`
      : `evaluate  ${s.participant} judges ${Object.entries(s.labels!)
          .map(([l, id]) => `${l.replace('Skill ', '')}=${id}`)
          .join(' ')}`,
    `${s.provider}/${s.model}`,
    c.server,
    `~${num(c.inputTokens)}${c.estimatedSkills ? ' (est.)' : ''}`,
    `≤${num(c.maxOutputTokens)}`,
    `${usd(c.inputCost)} + ≤${usd(c.maxOutputCost)}`,
    c.stored ? '[stored: no call]' : '',
  ]);
  return columns([
    ['call', 'model', 'server', 'input tokens', 'output tokens', 'cost: input + output', ''],
    ...rows,
  ]);
}
