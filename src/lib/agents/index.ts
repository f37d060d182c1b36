// The agent a participant runs in, made with its key and server as an API participant's client is.
import type { Manifest, Participant } from '../content/schema.ts';
import { KEY_VARIABLE, serverFor } from '../providers/index.ts';
import { claudeCodeAgent } from './claude-code.ts';
import { codexAgent } from './codex.ts';
import type { Agent } from './types.ts';

export type { Agent } from './types.ts';

export function agentFor(p: Participant, m: Manifest, env: NodeJS.ProcessEnv): Agent {
  const options = {
    apiKey: env[KEY_VARIABLE[p.provider!]] ?? '',
    server: serverFor(p, env),
    model: p.model,
    web: p.web ?? m.web ?? false,
    bash: p.bash ?? false,
    reasoningEffort: p.params?.reasoningEffort,
    extraCa: env.NODE_EXTRA_CA_CERTS,
  };
  return p.provider === 'claude-code' ? claudeCodeAgent(options) : codexAgent(options);
}
