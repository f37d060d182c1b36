// The agent a participant runs in, made with its key and server as an API participant's client is.
import type { Manifest, Participant } from '../content/schema.ts';
import { KEY_VARIABLE, serverFor } from '../providers/index.ts';
import { claudeCodeAgent } from './claude-code.ts';
import { codexAgent } from './codex.ts';
import type { Agent } from './types.ts';

export type { Agent } from './types.ts';

/** How long one agent run may take unless the participant says (its `timeout`, in seconds). */
export const DEFAULT_AGENT_TIMEOUT_SECONDS = 1800;

export function agentFor(p: Participant, m: Manifest, env: NodeJS.ProcessEnv): Agent {
  const options = {
    apiKey: env[KEY_VARIABLE[p.provider!]] ?? '',
    server: serverFor(p, env),
    model: p.model,
    web: p.web ?? m.web ?? false,
    bash: p.bash ?? false,
    reasoningEffort: p.params?.reasoningEffort,
    extraCa: env.NODE_EXTRA_CA_CERTS,
    timeoutMs: (p.timeout ?? DEFAULT_AGENT_TIMEOUT_SECONDS) * 1000,
  };
  return p.provider === 'claude-code' ? claudeCodeAgent(options) : codexAgent(options);
}
