// Pure logic: the calls a run makes, each keyed by a hash of what is sent.
import { createHash } from 'node:crypto';
import type { Manifest, Params, Participant } from '../content/schema.ts';
import { PROVIDERS } from '../content/schema.ts';
import { UserError } from '../content/experiment.ts';
import { baseUrlProblem } from '../providers/index.ts';
import {
  blindFiles,
  evaluationPrompt,
  generationPrompt,
  labelOf,
  presentationOrders,
  type SkillFile,
} from './prompts.ts';

export interface CallSpec {
  key: string;
  /** read: the importer's --read-with model reading an evaluation's verdict. */
  kind: 'generate' | 'evaluate' | 'read';
  participant: string;
  provider: Participant['provider'] & string;
  model: string;
  baseURL?: string;
  params: Params;
  prompt: string;
  /** Evaluations: the order shown and label -> participant. */
  order?: string[];
  labels?: Record<string, string>;
}

export type Stage = 'generate' | 'evaluate';

/** What a run needs of the manifest beyond what the site needs; errors name the file and field. */
export function checkDefinition(m: Manifest, file: string, stages: Stage[]): void {
  const problems: string[] = [];
  if (stages.includes('generate') && !m.prompts.generation)
    problems.push(
      'prompts.generation: the generation prompt is required (placeholders: {source}, {skill_name})',
    );
  if (stages.includes('evaluate') && !m.prompts.evaluation)
    problems.push(
      'prompts.evaluation: the evaluation prompt is required (placeholders: {source}, {skills}, {count}, {labels})',
    );
  if (
    stages.includes('generate') &&
    m.prompts.generation &&
    !m.prompts.generation.includes('{source}')
  )
    problems.push('prompts.generation: must contain {source}');
  if (
    stages.includes('evaluate') &&
    m.prompts.evaluation &&
    !m.prompts.evaluation.includes('{skills}')
  )
    problems.push('prompts.evaluation: must contain {skills}');
  m.participants.forEach((p, i) => {
    if (!p.provider)
      problems.push(
        `participants.${i}.provider: required for a run, one of ${PROVIDERS.join(', ')}`,
      );
    const baseUrl = baseUrlProblem(p);
    if (baseUrl) problems.push(`participants.${i}.baseURL: ${baseUrl}`);
    if (p.provider === 'openai-compatible' && !p.baseURL)
      problems.push(
        `participants.${i}.baseURL: required for provider openai-compatible (e.g. http://127.0.0.1:11434/v1)`,
      );
  });
  const ids = new Set(m.participants.map((p) => p.id));
  (m.judging?.judges ?? []).forEach((j, i) => {
    if (!ids.has(j))
      problems.push(
        `judging.judges.${i}: "${j}" is not a participant (participants: ${[...ids].join(', ')})`,
      );
  });
  if (stages.includes('evaluate') && m.participants.length < 2)
    problems.push('participants: at least two are needed to judge');
  if (m.participants.length > 26) problems.push('participants: at most 26');
  if (problems.length)
    throw new UserError(`${file} cannot be run:\n${problems.map((p) => `  ${p}`).join('\n')}`);
}

export function callKey(spec: Omit<CallSpec, 'key'>): string {
  const sent = [
    spec.kind,
    spec.provider,
    spec.model,
    spec.baseURL ?? '',
    spec.params,
    spec.prompt,
    spec.labels ?? {},
  ];
  return createHash('sha256').update(JSON.stringify(sent)).digest('hex').slice(0, 32);
}

const withKey = (spec: Omit<CallSpec, 'key'>): CallSpec => ({ ...spec, key: callKey(spec) });

const base = (p: Participant) => ({
  participant: p.id,
  provider: p.provider!,
  model: p.model,
  ...(p.baseURL ? { baseURL: p.baseURL } : {}),
  params: p.params ?? {},
});

export function generationCalls(m: Manifest, source: string): CallSpec[] {
  return m.participants.map((p) =>
    withKey({ kind: 'generate', ...base(p), prompt: generationPrompt(m, p, source) }),
  );
}

export const judgesOf = (m: Manifest) =>
  m.participants.filter((p) => !m.judging?.judges || m.judging.judges.includes(p.id));

/** Every judgment: each judge, each order of presentation (a rotation per skill when swap is on). */
export function evaluationCalls(
  m: Manifest,
  source: string,
  skills: Map<string, SkillFile[]>,
): CallSpec[] {
  const judging = { blind: true, swap: true, seed: 1, ...m.judging };
  const ids = m.participants.map((p) => p.id).filter((id) => skills.has(id));
  const orders = presentationOrders(ids, judging.seed, judging.swap);
  return judgesOf(m).flatMap((judge) =>
    orders.map((order) => {
      const labels = new Map(order.map((id, i) => [id, labelOf(i)]));
      const shown = order.map((id) => ({
        label: labels.get(id)!,
        files: judging.blind
          ? blindFiles(skills.get(id)!, labels, m.participants)
          : skills.get(id)!,
      }));
      const prompt = evaluationPrompt(
        m,
        source,
        judging.blind ? shown : shown.map((s, i) => ({ ...s, label: `${s.label} (${order[i]})` })),
      );
      return withKey({
        kind: 'evaluate',
        ...base(judge),
        prompt,
        order,
        labels: Object.fromEntries(order.map((id) => [labels.get(id)!, id])),
      });
    }),
  );
}
