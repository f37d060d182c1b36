// What the runner asks of an agent and what comes back, the same for every agent.
import type { AgentProvider, Trace } from '../content/agent-schema.ts';

export interface AgentTask {
  prompt: string;
  /** A fresh folder holding the source, the listed files and the context skills; the agent works here. */
  workspace: string;
  /** The context skills installed in the workspace, by folder name. */
  skills: string[];
  /** A JSON schema for the final answer (a judge's decision), or none. */
  schema?: Record<string, unknown>;
  signal?: AbortSignal;
}

/** The trace as an agent reports it; the runner adds where the cost came from. */
export type AgentTrace = Omit<Trace, 'costFrom'>;

export interface AgentOutcome {
  /** The agent's last message. */
  text: string;
  /** The answer in the task's schema, when asked for one and given. */
  structured?: unknown;
  /** The model as the API reported it. */
  model: string;
  usage: { input: number; output: number };
  /** USD as the agent reported it, or null (Codex reports tokens only). */
  agentCost: number | null;
  trace: AgentTrace;
  /** Why the agent's run ended in an error, when it did. */
  error?: string;
}

export interface Agent {
  name: AgentProvider;
  /** The API the agent talks to, for messages. */
  server: string;
  /** Where in its workspace the agent looks for skills: <skillsDir>/<name>/SKILL.md. */
  skillsDir: string;
  /** How long one run may take (the participant's timeout). */
  timeoutMs: number;
  run(task: AgentTask): Promise<AgentOutcome>;
}

/** What every agent is made with. */
export interface AgentOptions {
  apiKey: string;
  server: string;
  model: string;
  web: boolean;
  bash: boolean;
  reasoningEffort?: string;
  maxTurns?: number;
  timeoutMs: number;
  /** NODE_EXTRA_CA_CERTS from the environment: certificates the agent's web tools also trust. */
  extraCa?: string;
}
