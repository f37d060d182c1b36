// Codex's own record of a thread: the rollout file it keeps in its home (CODEX_HOME/sessions/…,
// a throwaway folder crossjudge gives it), one JSON line per model item and event. It holds every
// function call and the output Codex sent back to the model. Codex 0.163 streams no item at all
// for a shell command its sandbox denies (unified exec returns before its begin and end events,
// openai/codex#22395), so a write refused outside the workspace is only found here. The file is
// the agent's output: every line is checked before it is used.
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** A shell command of the thread that no streamed event reported, as Codex answered it. */
export interface UnreportedCommand {
  /** Its place among the thread's shell commands, from 0. */
  at: number;
  command: string;
  /** null when Codex answered without running it. */
  exitCode: number | null;
  output: string;
}

type Line = { type?: unknown; payload?: Record<string, unknown> };

function parse(line: string): Line | null {
  try {
    const value: unknown = JSON.parse(line);
    return value && typeof value === 'object' ? (value as Line) : null;
  } catch {
    return null;
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The command of an exec_command call's arguments (a JSON object holding `cmd`). */
function commandOf(args: string): string {
  const value = parse(args) as { cmd?: unknown } | null;
  return str(value?.cmd);
}

/** What Codex told the model: "…Process exited with code N…Output:\n<output>". */
function answerOf(text: string): { exitCode: number | null; output: string } {
  const code = text.match(/^Process exited with code (-?\d+)$/m)?.[1];
  const at = text.indexOf('\nOutput:\n');
  return {
    exitCode: code === undefined ? null : Number(code),
    output: at < 0 ? text : text.slice(at + '\nOutput:\n'.length),
  };
}

/** The ids of the calls an event reported (a finished command item, or a command's end). */
function reportedId(p: Record<string, unknown>): string {
  const item = p.item as Record<string, unknown> | undefined;
  if (p.type === 'item_completed' && item?.type === 'CommandExecution') return str(item.id);
  return p.type === 'exec_command_end' ? str(p.call_id) : '';
}

/** The exec_command calls of a rollout that no command event reported, with what Codex answered. */
export function unreportedCommands(rollout: string): UnreportedCommand[] {
  const calls = new Map<string, string>();
  const answers = new Map<string, string>();
  const reported = new Set<string>();
  for (const line of rollout.split('\n')) {
    const p = parse(line)?.payload;
    if (!p || typeof p !== 'object') continue;
    const id = str(p.call_id);
    if (p.type === 'function_call' && p.name === 'exec_command' && id)
      calls.set(id, commandOf(str(p.arguments)));
    if (p.type === 'function_call_output' && id) answers.set(id, str(p.output));
    const done = reportedId(p);
    if (done) reported.add(done);
  }
  return [...calls]
    .map(([id, command], at) => ({ id, at, command }))
    .filter(({ id, command }) => command && answers.has(id) && !reported.has(id))
    .map(({ id, at, command }) => ({ at, command, ...answerOf(answers.get(id)!) }));
}

/** The most of Codex's system prompt kept in a trace (its own is about 20,000 characters). */
export const MAX_INSTRUCTIONS = 200_000;

/**
 * The system prompt Codex gave the model (its base instructions, in the rollout's first line), or
 * null when the file has none.
 */
export function baseInstructions(rollout: string): string | null {
  const end = rollout.indexOf('\n');
  const first = parse(end < 0 ? rollout : rollout.slice(0, end));
  if (first?.type !== 'session_meta') return null;
  const base = first.payload?.base_instructions as { text?: unknown } | undefined;
  const text = str(base?.text);
  return text ? text.slice(0, MAX_INSTRUCTIONS) : null;
}

/** The rollout file of a thread in a Codex home (sessions/YYYY/MM/DD/rollout-…-<thread>.jsonl). */
export async function readRollout(home: string, threadId: string): Promise<string> {
  if (!/^[\w-]+$/.test(threadId)) return '';
  const sessions = path.join(home, 'sessions');
  const files = await fs.readdir(sessions, { recursive: true }).catch(() => []);
  const file = files.find((f) => f.endsWith(`-${threadId}.jsonl`));
  return file ? fs.readFile(path.join(sessions, file), 'utf8') : '';
}
