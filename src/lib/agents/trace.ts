// Builds an agent call's trace as the agent reports what it does, the same way for every agent.
import path from 'node:path';
import type { AgentProvider } from '../content/agent-schema.ts';
import type { AgentTrace } from './types.ts';

/** The longest text of a page read that is kept in the trace. */
export const MAX_READ_CHARS = 50_000;

/** Web addresses in a tool's answer, in order, each once. */
export const urlsIn = (text: string) => [...new Set(text.match(/https?:\/\/[^\s)\]"'<>]+/g) ?? [])];

export class TraceBuilder {
  readonly trace: AgentTrace;
  private started = Date.now();

  constructor(
    private workspace: string,
    agent: { name: AgentProvider; version: string },
    setup: { skills: string[]; web: boolean },
  ) {
    this.trace = {
      agent: { name: agent.name, version: agent.version },
      systemPrompt: null,
      tools: [],
      skills: setup.skills,
      web: setup.web,
      turns: 0,
      toolsUsed: {},
      searches: [],
      reads: [],
      files: { read: [], written: [] },
      commands: [],
      refused: [],
      ms: 0,
    };
  }

  /** A path as the trace shows it: relative inside the workspace, absolute outside it. */
  shown(file: string): string {
    const abs = path.resolve(this.workspace, file);
    const rel = path.relative(this.workspace, abs);
    return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
  }

  /** A shell command as the trace shows it: the workspace's own (random) path left out. */
  shownCommand(command: string): string {
    return command.split(`${this.workspace}${path.sep}`).join('');
  }

  used(tool: string) {
    this.trace.toolsUsed[tool] = (this.trace.toolsUsed[tool] ?? 0) + 1;
  }

  read(file: string) {
    const f = this.shown(file);
    if (!this.trace.files.read.includes(f)) this.trace.files.read.push(f);
  }

  wrote(file: string) {
    const f = this.shown(file);
    if (!this.trace.files.written.includes(f)) this.trace.files.written.push(f);
  }

  searched(query: string, urls: string[]) {
    this.trace.searches.push({ query, urls });
  }

  readPage(url: string, text: string) {
    this.trace.reads.push({ url, text: text.slice(0, MAX_READ_CHARS) });
  }

  refused(what: string) {
    if (!this.trace.refused.includes(what)) this.trace.refused.push(what);
  }

  done(): AgentTrace {
    this.trace.ms = Date.now() - this.started;
    return this.trace;
  }
}

/** The trace of an agent's run of a task, begun with what the agent is given. */
export function traceOf(
  task: { workspace: string; skills: string[] },
  agent: { name: AgentProvider; version: string; systemPrompt: string },
  web: boolean,
): TraceBuilder {
  const t = new TraceBuilder(task.workspace, agent, { skills: task.skills, web });
  t.trace.systemPrompt = agent.systemPrompt;
  return t;
}
