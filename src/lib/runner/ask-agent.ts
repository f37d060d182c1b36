// One call of an agent participant: a fresh workspace, the agent run in it, and what it left
// there read back: the skill it wrote, or a judge's evaluation file and its decision (in the
// schema when the agent gave it, else read from the file by the verdict reader).
import { z } from 'zod';
import type { Agent, AgentOutcome } from '../agents/types.ts';
import {
  changedFiles,
  collectSkill,
  makeWorkspace,
  readWorkspaceText,
  removeWorkspace,
} from '../agents/workspace.ts';
import { readVerdict } from '../reading/verdict/index.ts';
import { errorText, redactKnownDeep } from '../content/secrets.ts';
import type { CallSpec } from './plan.ts';
import type { Asked, Output } from './ask.ts';
import { EVALUATION_FILE } from './agent-plan.ts';
import { judgmentSchema, skillProblem } from './prompts.ts';

export type AgentAsked = Asked & { outcome: AgentOutcome };

/** The decision in the agent's structured answer, or read from its evaluation file. */
function judgmentOf(spec: CallSpec, outcome: AgentOutcome, file: string | null) {
  const labels = Object.keys(spec.labels!);
  const parsed = judgmentSchema(labels).safeParse(outcome.structured);
  if (parsed.success) return { ...parsed.data, evaluation: file ?? parsed.data.evaluation };
  if (!file) return null;
  const named = Object.values(spec.labels!).map((id) => ({ id, aliases: [] }));
  const v = readVerdict(file, named, { labels: spec.labels });
  const label = labels.find((l) => spec.labels![l] === v.winner);
  if (!label && !/tie/i.test(v.reason)) return null;
  return { evaluation: file, winner: label ?? 'tie', reason: v.evidence || v.reason };
}

/** What the agent's run gave, as the answer of the spec's kind, or the problem with it. */
async function answerOf(
  spec: CallSpec,
  ws: string,
  outcome: AgentOutcome,
): Promise<Output | { problem: string }> {
  if (spec.kind === 'generate') {
    const files = await collectSkill(ws, spec.prompt);
    if (!Array.isArray(files)) return files;
    const problem = skillProblem(files);
    return problem ? { problem } : { kind: 'generate', output: { files } };
  }
  const judgment = judgmentOf(spec, outcome, await readWorkspaceText(ws, EVALUATION_FILE));
  if (!judgment)
    return {
      problem: `no decision: not in the agent's structured answer, nor readable in its ${EVALUATION_FILE}`,
    };
  return { kind: 'evaluate', output: judgment };
}

/** The judge's decision as a JSON schema, without the $schema line (Claude Code refuses it). */
function decisionSchema(spec: CallSpec): Record<string, unknown> {
  const { $schema: _, ...schema } = z.toJSONSchema(judgmentSchema(Object.keys(spec.labels!)));
  return schema;
}

/** Runs the agent once for the spec (an agent's run is not asked twice); null when aborted. */
export async function askAgent(
  agent: Agent,
  spec: CallSpec,
  keys: (string | undefined)[],
  signal?: AbortSignal,
): Promise<AgentAsked | null> {
  const { files, skills } = spec.agent!;
  const ws = await makeWorkspace(files, skills, agent.skillsDir);
  try {
    const schema = spec.kind === 'evaluate' ? decisionSchema(spec) : undefined;
    const deadline = AbortSignal.timeout(agent.timeoutMs);
    const run = await agent.run({
      prompt: spec.prompt,
      workspace: ws,
      skills: skills.map((s) => s.name),
      schema,
      signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
    });
    if (signal?.aborted) return null;
    if (deadline.aborted)
      run.error = `no result from ${agent.name} within ${agent.timeoutMs / 1000} s (the participant's timeout; set timeout: <seconds> on it in experiment.yaml to allow longer)`;
    // what is in the workspace now says what was written, whatever tool wrote it
    for (const f of await changedFiles(ws, files))
      if (!run.trace.files.written.includes(f)) run.trace.files.written.push(f);
    const outcome = redactKnownDeep(run, keys);
    const common = { attempts: 1, usage: outcome.usage, outcome };
    // a judge that did not give its decision in the schema is still read from its file
    const schemaOnly = spec.kind === 'evaluate' && /structured/i.test(outcome.error ?? '');
    if (outcome.error && !schemaOnly) return { ...common, error: errorText(outcome.error, keys) };
    const answer = await answerOf(spec, ws, outcome);
    if ('problem' in answer)
      return { ...common, error: `malformed answer: ${errorText(answer.problem, keys)}` };
    return { ...common, answer: redactKnownDeep(answer, keys), model: outcome.model };
  } finally {
    await removeWorkspace(ws);
  }
}
