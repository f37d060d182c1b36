// The agent SDKs weigh about 400 MB each with their agents, so they are not dependencies of the
// site: they are loaded here, only when a definition has an agent participant, and a missing one
// is named with the command that installs it.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../content/errors.ts';
import type { AgentProvider } from '../content/agent-schema.ts';
import type { Participant } from '../content/schema.ts';
import { missingSandboxPackages, sandboxProblem } from './sandbox.ts';

/** Each agent's SDK, the version tried with crossjudge, and the agent it runs. */
export const AGENT_PACKAGES: Record<
  AgentProvider,
  { sdk: string; version: string; agent: string }
> = {
  'claude-code': {
    sdk: '@anthropic-ai/claude-agent-sdk',
    version: '0.3.332',
    agent: '@anthropic-ai/claude-agent-sdk',
  },
  codex: { sdk: '@openai/codex-sdk', version: '0.163.0', agent: '@openai/codex' },
};

/** The command that installs every agent SDK, without adding it to package.json. */
export const INSTALL_AGENTS = `npm install --no-save ${Object.values(AGENT_PACKAGES)
  .map((p) => `${p.sdk}@${p.version}`)
  .join(' ')}`;

const require = createRequire(import.meta.url);

/** A package's package.json where Node would find the package (their exports do not list it). */
function packageJson(name: string): string | null {
  for (const dir of require.resolve.paths(name) ?? []) {
    const file = path.join(dir, name, 'package.json');
    if (existsSync(file)) return file;
  }
  return null;
}

/** Whether an agent's SDK is installed. */
export const hasAgent = (name: AgentProvider) => packageJson(AGENT_PACKAGES[name].sdk) !== null;

/** The installed version of the agent itself (the CLI the SDK runs), for the trace. */
export function agentVersion(name: AgentProvider): string {
  const file = packageJson(AGENT_PACKAGES[name].agent);
  if (!file) return 'unknown';
  const version = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version;
  return typeof version === 'string' ? version : 'unknown';
}

/** What a run says when an agent's SDK is missing: what it is, and the command that installs it. */
export function missingAgent(name: AgentProvider): string {
  const { sdk, version } = AGENT_PACKAGES[name];
  return `provider ${name} needs ${sdk}, which is not installed (it is not one of the site's dependencies: it weighs about 400 MB with its agent). Install it with:\n  npm install --no-save ${sdk}@${version}\nor every agent SDK with:\n  ${INSTALL_AGENTS}`;
}

/** The SDK module, or a UserError naming the install command. */
export async function loadSdk<T>(name: AgentProvider): Promise<T> {
  if (!hasAgent(name)) throw new UserError(missingAgent(name));
  return (await import(AGENT_PACKAGES[name].sdk)) as T;
}

/** Every agent the participants need that is not installed, named with its install command, and
 * the sandbox Claude Code's Bash needs when a participant allows it: before any call. */
export function checkAgents(
  participants: Pick<Participant, 'id' | 'provider' | 'bash'>[],
  searchPath = process.env.PATH ?? '',
): void {
  const missing = [...new Set(participants.map((p) => p.provider))].filter(
    (p): p is AgentProvider => (p === 'claude-code' || p === 'codex') && !hasAgent(p),
  );
  const problems = missing.map(missingAgent);
  const bash = participants.filter((p) => p.provider === 'claude-code' && p.bash).map((p) => p.id);
  const sandbox = sandboxProblem(bash, missingSandboxPackages(searchPath));
  if (sandbox) problems.push(sandbox);
  if (problems.length) throw new UserError(problems.join('\n'));
}
