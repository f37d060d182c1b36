// Codex as a participant, through @openai/codex-sdk (loaded only when used). It acts through its
// shell, inside its own sandbox: workspace-write with /tmp and $TMPDIR excluded, no network unless
// the web is on; analytics and plugins off, so it sends nothing but its model API calls.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { agentVersion, loadSdk } from './load.ts';
import { baseInstructions, readRollout, unreportedCommands } from './codex-rollout.ts';
import { TraceBuilder, traceOf } from './trace.ts';
import type { Agent, AgentOptions, AgentOutcome, AgentTask } from './types.ts';

interface Item {
  type: string;
  text?: string;
  command?: string;
  aggregated_output?: string;
  exit_code?: number;
  changes?: { path: string; kind: string }[];
  status?: string;
  query?: string;
  message?: string;
}

interface Event {
  type: string;
  thread_id?: string;
  item?: Item;
  usage?: { input_tokens: number; cached_input_tokens: number; output_tokens: number };
  error?: { message: string };
  message?: string;
}

interface CodexSdk {
  Codex: new (options: Record<string, unknown>) => {
    startThread(options: Record<string, unknown>): {
      runStreamed(
        input: string,
        options: { outputSchema?: unknown; signal?: AbortSignal },
      ): Promise<{ events: AsyncIterable<Event> }>;
    };
  };
}

/** A shell command as the agent typed it: `bash -lc '<this>'`, without a here-document's body. */
const typed = (command: string) =>
  (command.match(/^(?:\S*\/)?(?:ba|z)?sh\s+-l?c\s+(['"])([\s\S]*)\1$/)?.[2] ?? command).split(
    '\n',
  )[0];

/** Files a shell command reads, as far as a plain `cat`, `head`, `tail`, `sed -n` or `nl` shows. */
export function filesReadBy(command: string): string[] {
  return typed(command)
    .split(/&&|\|\||;|\|/)
    .flatMap((part) => {
      const words = part.trim().split(/\s+/);
      if (!['cat', 'head', 'tail', 'sed', 'less', 'nl'].includes(words[0])) return [];
      const end = words.findIndex((w) => /^\d*>|^</.test(w));
      return words
        .slice(1, end < 0 ? undefined : end)
        .filter((w) => !w.startsWith('-') && !/^'?\d+(,\d+)?p?'?$/.test(w));
    });
}

const REFUSED = /read-only file system|permission denied|operation not permitted/i;

/**
 * A shell command as the trace takes it: `declined` when Codex answered without running it, `at`
 * its place among the commands when it is followed after the later ones.
 */
interface Command {
  at?: number;
  command: string;
  exitCode: number | null;
  output: string;
  declined?: boolean;
}

/** Follows a shell command into the trace: refused, or what it read. */
function followCommand(t: TraceBuilder, { at, command, exitCode, output, declined }: Command) {
  t.used('shell');
  t.trace.commands.splice(at ?? t.trace.commands.length, 0, { command, exitCode });
  if (declined || (exitCode !== 0 && REFUSED.test(output))) t.refused(`shell ${command}`);
  else for (const f of filesReadBy(command)) t.read(f);
  const fetched = command.match(/\b(?:curl|wget)\b[^|;&]*?(https?:\/\/\S+?)['"]?(?:\s|$)/)?.[1];
  if (fetched && exitCode === 0) t.readPage(fetched, output);
}

/** Follows one finished item into the trace; an agent message is the answer so far. */
function follow(t: TraceBuilder, item: Item): void {
  if (item.type === 'command_execution' && item.command)
    followCommand(t, {
      command: item.command,
      exitCode: item.exit_code ?? null,
      output: item.aggregated_output ?? '',
    });
  if (item.type === 'file_change') {
    t.used('apply_patch');
    for (const c of item.changes ?? [])
      if (item.status === 'completed') t.wrote(c.path);
      else t.refused(`apply_patch ${c.path}`);
  }
  if (item.type === 'web_search') {
    t.used('web_search');
    t.searched(item.query ?? '', []);
  }
}

/**
 * Follows the shell commands no event reported (a command Codex's sandbox denied: see
 * codex-rollout.ts) from Codex's record of the thread in its home, once the thread is over.
 */
/** What only Codex's rollout file tells: the commands no event reported, and its system prompt. */
async function followRollout(t: TraceBuilder, home: string, threadId: string) {
  const rollout = await readRollout(home, threadId);
  for (const c of unreportedCommands(rollout))
    followCommand(t, { ...c, declined: c.exitCode === null });
  t.trace.systemPrompt = baseInstructions(rollout) ?? t.trace.systemPrompt;
}

const sandboxConfig = (server: string) => ({
  model_provider: 'crossjudge',
  model_providers: {
    crossjudge: {
      name: 'crossjudge',
      base_url: server,
      wire_api: 'responses',
      env_key: 'CODEX_API_KEY',
      supports_websockets: false,
    },
  },
  analytics: { enabled: false },
  features: { plugins: false, apps: false },
  sandbox_workspace_write: { exclude_slash_tmp: true, exclude_tmpdir_env_var: true },
});

async function runThread(o: AgentOptions, task: AgentTask, home: string, t: TraceBuilder) {
  const { Codex } = await loadSdk<CodexSdk>('codex');
  // With a bubblewrap on the PATH (Debian's, which Claude Code's Bash sandbox needs) Codex runs its
  // sandbox with it through a helper it links into its home, and refuses to do so in a home under
  // the temporary folder: its temporary folder is therefore one inside its home (its commands
  // cannot write there: exclude_tmpdir_env_var).
  const tmp = path.join(home, 'tmp');
  await fs.mkdir(tmp);
  const codex = new Codex({
    apiKey: o.apiKey,
    env: { PATH: process.env.PATH ?? '', HOME: home, CODEX_HOME: home, TMPDIR: tmp },
    config: sandboxConfig(o.server),
  });
  const thread = codex.startThread({
    workingDirectory: task.workspace,
    skipGitRepoCheck: true,
    sandboxMode: 'workspace-write',
    approvalPolicy: 'never',
    networkAccessEnabled: o.web,
    webSearchMode: o.web ? 'live' : 'disabled',
    model: o.model,
    ...(o.reasoningEffort ? { modelReasoningEffort: o.reasoningEffort } : {}),
  });
  const { events } = await thread.runStreamed(task.prompt, {
    ...(task.schema ? { outputSchema: task.schema } : {}),
    signal: task.signal,
  });
  const out = { text: '', usage: { input: 0, output: 0 }, error: undefined as string | undefined };
  let threadId = '';
  for await (const e of events) {
    if (e.type === 'thread.started') threadId = e.thread_id ?? '';
    if (e.type === 'item.completed' && e.item) {
      follow(t, e.item);
      if (e.item.type === 'agent_message') out.text = e.item.text ?? '';
    }
    if (e.type === 'turn.completed' && e.usage) {
      out.usage.input += e.usage.input_tokens;
      out.usage.output += e.usage.output_tokens;
    }
    if (e.type === 'turn.failed') out.error = e.error?.message;
    if (e.type === 'error') out.error = e.message;
  }
  await followRollout(t, home, threadId);
  return out;
}

export function codexAgent(o: AgentOptions): Agent {
  return {
    name: 'codex',
    server: o.server,
    timeoutMs: o.timeoutMs,
    skillsDir: '.agents/skills',
    async run(task: AgentTask): Promise<AgentOutcome> {
      const home = await fs.mkdtemp(path.join(os.tmpdir(), 'crossjudge-codex-'));
      // its text, when Codex's rollout file holds it (followRollout)
      const systemPrompt = "Codex's own instructions (built into the agent)";
      const t = traceOf(
        task,
        { name: 'codex', version: agentVersion('codex'), systemPrompt },
        o.web,
      );
      t.trace.tools = ['exec_command', ...(o.web ? ['web_search'] : [])];
      try {
        const out = await runThread(o, task, home, t);
        t.trace.turns = Object.values(t.trace.toolsUsed).reduce((a, n) => a + n, 0) + 1;
        const structured = task.schema ? parseJson(out.text) : undefined;
        return {
          text: out.text,
          ...(structured === undefined ? {} : { structured }),
          model: o.model,
          usage: out.usage,
          agentCost: null,
          trace: t.done(),
          ...(out.error ? { error: `Codex failed: ${out.error}` } : {}),
        };
      } catch (err) {
        return {
          text: '',
          model: o.model,
          usage: { input: 0, output: 0 },
          agentCost: null,
          trace: t.done(),
          error: `Codex failed: ${(err as Error).message}`,
        };
      } finally {
        await fs.rm(home, { recursive: true, force: true });
      }
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
