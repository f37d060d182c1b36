// Pure logic: the compact trace of each agent participant, from the traces of its calls: what it
// searched, what it read on the web and in its workspace, what it was refused, turns, cost, time.
import type { CallRecord } from '../content/schema.ts';

export interface AgentTraceSummary {
  participant: string;
  agent: string;
  version: string;
  calls: number;
  turns: number;
  toolsUsed: Record<string, number>;
  searches: { query: string; urls: string[] }[];
  /** Pages read with the web tools, each once. */
  pagesRead: string[];
  filesRead: string[];
  filesWritten: string[];
  refused: string[];
  skills: string[];
  web: boolean;
  tokens: { input: number; output: number };
  /** USD over the calls with a cost; null when none has one. */
  cost: number | null;
  ms: number;
}

const addOnce = (list: string[], items: string[]) => {
  for (const i of items) if (!list.includes(i)) list.push(i);
};

function add(s: AgentTraceSummary, c: CallRecord & { trace: NonNullable<CallRecord['trace']> }) {
  const t = c.trace;
  s.calls++;
  s.turns += t.turns;
  for (const [tool, n] of Object.entries(t.toolsUsed))
    s.toolsUsed[tool] = (s.toolsUsed[tool] ?? 0) + n;
  s.searches.push(...t.searches);
  addOnce(
    s.pagesRead,
    t.reads.map((r) => r.url),
  );
  addOnce(s.filesRead, t.files.read);
  addOnce(s.filesWritten, t.files.written);
  addOnce(s.refused, t.refused);
  addOnce(s.skills, t.skills);
  s.web ||= t.web;
  s.tokens.input += c.usage?.input ?? 0;
  s.tokens.output += c.usage?.output ?? 0;
  if (c.cost !== null) s.cost = (s.cost ?? 0) + c.cost;
  s.ms += c.ms;
}

/** One summary per agent participant, in the order their calls were made. */
export function agentTraces(calls: CallRecord[]): AgentTraceSummary[] {
  const by = new Map<string, AgentTraceSummary>();
  const sorted = [...calls].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  for (const c of sorted) {
    if (!c.trace) continue;
    if (!by.has(c.participant))
      by.set(c.participant, {
        participant: c.participant,
        agent: c.trace.agent.name,
        version: c.trace.agent.version,
        calls: 0,
        turns: 0,
        toolsUsed: {},
        searches: [],
        pagesRead: [],
        filesRead: [],
        filesWritten: [],
        refused: [],
        skills: [],
        web: false,
        tokens: { input: 0, output: 0 },
        cost: null,
        ms: 0,
      });
    add(by.get(c.participant)!, { ...c, trace: c.trace });
  }
  return [...by.values()];
}
