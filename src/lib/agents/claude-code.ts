// Claude Code as a participant, through @anthropic-ai/claude-agent-sdk (loaded only when used).
// Confinement: acceptEdits with no Write or Edit in allowedTools lets it write inside its
// workspace and nowhere else; Bash only when the definition allows it; no other traffic than the
// model API (CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC) and, with the web on, its web tools.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { agentVersion, loadSdk } from './load.ts';
import { TraceBuilder, traceOf, urlsIn } from './trace.ts';
import type { Agent, AgentOptions, AgentOutcome, AgentTask } from './types.ts';

interface Block {
  type: string;
  id?: string;
  name?: string;
  input?: Record<string, unknown>;
  tool_use_id?: string;
  content?: unknown;
  is_error?: boolean;
}

interface Message {
  type: string;
  subtype?: string;
  tools?: string[];
  claude_code_version?: string;
  message?: { model?: string; content?: Block[] | string };
  result?: string;
  structured_output?: unknown;
  total_cost_usd?: number;
  num_turns?: number;
  errors?: string[];
  modelUsage?: Record<
    string,
    {
      inputTokens: number;
      outputTokens: number;
      cacheReadInputTokens?: number;
      cacheCreationInputTokens?: number;
    }
  >;
  permission_denials?: { tool_name: string; tool_input: Record<string, unknown> }[];
}

interface ClaudeSdk {
  query(args: { prompt: string; options: Record<string, unknown> }): AsyncIterable<Message>;
}

/** Claude Code's own system prompt, as the trace names it (the SDK does not show its text). */
const SYSTEM_PROMPT = "Claude Code's own system prompt (preset claude_code)";

/** The tools Claude Code is given: files, its skills, and the web and Bash when allowed. */
export function claudeTools(o: Pick<AgentOptions, 'web' | 'bash'>): string[] {
  return [
    'Read',
    'Write',
    'Edit',
    'Glob',
    'Grep',
    'Skill',
    ...(o.web ? ['WebSearch', 'WebFetch'] : []),
    ...(o.bash ? ['Bash'] : []),
  ];
}

/**
 * Where Bash runs, when the definition allows it: in the SDK's sandbox (bubblewrap on Linux), which
 * lets a command write in the workspace only, with no network (the web tools run outside it, in
 * Claude Code itself, and are not affected), and no way for the model to run a command outside it.
 * Without the sandbox's programs the run ends in an error result rather than run Bash unconfined.
 */
export const bashSandbox = (workspace: string) => ({
  enabled: true,
  failIfUnavailable: true,
  allowUnsandboxedCommands: false,
  // a command in the sandbox needs no permission: the sandbox is what confines it
  autoAllowBashIfSandboxed: true,
  filesystem: { allowWrite: [workspace] },
  network: { allowedDomains: [], strictAllowlist: true },
});

/** A tool's answer as text. */
const resultText = (content: unknown): string =>
  typeof content === 'string'
    ? content
    : Array.isArray(content)
      ? content.map((c) => (typeof c?.text === 'string' ? c.text : '')).join('\n')
      : '';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** A refused call as the trace shows it: the tool and the file (as a full path), address or command. */
function refusal(t: TraceBuilder, tool: string | undefined, input: Record<string, unknown>) {
  const file = str(input.file_path);
  return `${tool} ${file ? t.shown(file) : str(input.url) || t.shownCommand(str(input.command))}`;
}

/**
 * A refusal in a failed tool's answer: the permission check's, or the sandbox's (its folders
 * outside the workspace are mounted read-only, so a command writing there gets EROFS).
 */
const REFUSED = /denied|permission|not allowed|outside|read-only file system/i;

/** Reads what each tool call did, once its answer is in. */
function noteToolResult(t: TraceBuilder, use: Block, result: Block) {
  const input = use.input ?? {};
  const text = resultText(result.content);
  if (use.name === 'Bash') {
    // a failed command's answer starts "Exit code N"; a command that succeeded exited with 0
    const code = result.is_error ? Number(text.match(/^Exit code (\d+)/)?.[1] ?? NaN) : 0;
    const command = t.shownCommand(str(input.command));
    t.trace.commands.push({ command, exitCode: isNaN(code) ? null : code });
  }
  if (result.is_error) {
    if (REFUSED.test(text)) t.refused(refusal(t, use.name, input));
    return;
  }
  if (use.name === 'Read') t.read(str(input.file_path));
  if (use.name === 'Write' || use.name === 'Edit') t.wrote(str(input.file_path));
  if (use.name === 'WebSearch') t.searched(str(input.query), urlsIn(text));
  if (use.name === 'WebFetch') t.readPage(str(input.url), text);
}

/** Follows the agent's messages into the trace. */
function follow(t: TraceBuilder, m: Message, uses: Map<string, Block>) {
  if (m.type === 'system' && m.subtype === 'init') {
    t.trace.tools = m.tools ?? [];
    if (m.claude_code_version) t.trace.agent.version = m.claude_code_version;
  }
  const content = Array.isArray(m.message?.content) ? m.message.content : [];
  for (const block of content) {
    if (block.type === 'tool_use' && block.id) {
      uses.set(block.id, block);
      if (block.name !== 'StructuredOutput') t.used(block.name ?? '?');
    }
    const use = block.type === 'tool_result' ? uses.get(block.tool_use_id ?? '') : undefined;
    if (use) noteToolResult(t, use, block);
  }
}

/** The outcome from the run's result message. */
function outcomeOf(t: TraceBuilder, result: Message, model: string): AgentOutcome {
  for (const d of result.permission_denials ?? []) t.refused(refusal(t, d.tool_name, d.tool_input));
  t.trace.turns = result.num_turns ?? 0;
  const usage = { input: 0, output: 0 };
  for (const u of Object.values(result.modelUsage ?? {})) {
    usage.input +=
      u.inputTokens + (u.cacheReadInputTokens ?? 0) + (u.cacheCreationInputTokens ?? 0);
    usage.output += u.outputTokens;
  }
  return {
    text: result.result ?? '',
    structured: result.structured_output,
    model,
    usage,
    agentCost: result.total_cost_usd ?? null,
    trace: t.done(),
    ...(result.subtype === 'success'
      ? {}
      : { error: `Claude Code ended with ${result.subtype}: ${(result.errors ?? []).join('; ')}` }),
  };
}

export function claudeCodeAgent(o: AgentOptions): Agent {
  return {
    name: 'claude-code',
    server: o.server,
    timeoutMs: o.timeoutMs,
    skillsDir: '.claude/skills',
    async run(task: AgentTask) {
      const { query } = await loadSdk<ClaudeSdk>('claude-code');
      // its settings, sessions and caches go to a folder of its own, removed afterwards
      const home = await fs.mkdtemp(path.join(os.tmpdir(), 'crossjudge-claude-'));
      // and its temporary files too (else a folder per workspace is left in /tmp/claude-<uid>,
      // which every run's sandboxed commands could write to)
      const tmp = path.join(home, 'tmp');
      await fs.mkdir(tmp, { mode: 0o700 });
      const t = traceOf(
        task,
        { name: 'claude-code', version: agentVersion('claude-code'), systemPrompt: SYSTEM_PROMPT },
        o.web,
      );
      const abortController = new AbortController();
      task.signal?.addEventListener('abort', () => abortController.abort());
      let stderr = '';
      const uses = new Map<string, Block>();
      let model = o.model;
      try {
        const messages = query({
          prompt: task.prompt,
          options: {
            cwd: task.workspace,
            model: o.model,
            systemPrompt: { type: 'preset', preset: 'claude_code' },
            permissionMode: 'acceptEdits',
            tools: claudeTools(o),
            // no Write or Edit here: they would be allowed anywhere, not only in the workspace
            allowedTools: o.web ? ['WebSearch', 'WebFetch'] : [],
            disallowedTools: o.bash ? [] : ['Bash'],
            ...(o.bash ? { sandbox: bashSandbox(task.workspace) } : {}),
            settingSources: ['project'],
            // WebFetch would first ask claude.ai whether the domain is allowed: no traffic but the page's
            settings: { skipWebFetchPreflight: true },
            skills: task.skills,
            maxTurns: o.maxTurns ?? 50,
            persistSession: false,
            abortController,
            ...(task.schema ? { outputFormat: { type: 'json_schema', schema: task.schema } } : {}),
            stderr: (s: string) => (stderr = (stderr + s).slice(-2000)),
            env: {
              PATH: process.env.PATH,
              HOME: home,
              CLAUDE_CONFIG_DIR: home,
              CLAUDE_CODE_TMPDIR: tmp,
              ANTHROPIC_BASE_URL: o.server,
              ANTHROPIC_API_KEY: o.apiKey,
              CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
              DISABLE_TELEMETRY: '1',
              DISABLE_ERROR_REPORTING: '1',
              DISABLE_AUTOUPDATER: '1',
              // a certificate authority of the user's (a proxy's), for the web tools
              ...(o.extraCa ? { NODE_EXTRA_CA_CERTS: o.extraCa } : {}),
            },
          },
        });
        for await (const m of messages) {
          follow(t, m, uses);
          if (m.type === 'assistant' && m.message?.model) model = m.message.model;
          if (m.type === 'result') return outcomeOf(t, m, model);
        }
        throw new Error('Claude Code ended without a result');
      } catch (err) {
        const why = `${(err as Error).message}${stderr ? ` (${stderr.trim().split('\n').slice(-3).join(' ')})` : ''}`;
        return {
          text: '',
          model,
          usage: { input: 0, output: 0 },
          agentCost: null,
          trace: t.done(),
          error: `Claude Code failed: ${why}`,
        };
      } finally {
        await fs.rm(home, { recursive: true, force: true });
      }
    },
  };
}
