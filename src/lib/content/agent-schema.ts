// The content model's parts for coding agents as participants (issue 16), apart so that schema.ts
// only names them: the agent providers, the context every participant gets, and the trace of an
// agent's call (what it was given, what it did, what it read, what it cost).
import { z } from 'zod';
import { isSafeRelativePath } from './contain.ts';

/** Participants that run inside a coding agent through its SDK, rather than one API call. */
export const AGENT_PROVIDERS = ['claude-code', 'codex'] as const;
export type AgentProvider = (typeof AGENT_PROVIDERS)[number];

export const isAgentProvider = (p: string | undefined): p is AgentProvider =>
  (AGENT_PROVIDERS as readonly string[]).includes(p ?? '');

const insideFolder = z
  .string()
  .refine(isSafeRelativePath, 'a path inside the experiment folder, without ".." or a leading /');

/** What every participant gets besides the prompt: skills installed where its agent looks, files in its workspace. */
export const ContextSchema = z
  .object({
    /**
     * Skill folders (each with a SKILL.md), relative to the experiment folder. One outside it is
     * copied in (context/skills/<name>/) when a run starts, and its entry changed to the copy.
     */
    skills: z.array(z.string().min(1)).default([]),
    /** Files copied into every agent's workspace beside the source. */
    files: z.array(insideFolder).default([]),
  })
  .strict();

/** What one agent call did, stored with the call. */
export const TraceSchema = z
  .object({
    /** The agent (claude-code, codex), or the API provider whose own web tools a call used. */
    agent: z.object({ name: z.string(), version: z.string() }).strict(),
    /**
     * The system prompt the agent was given: its text where the agent's own record holds it (Codex's
     * rollout file), else what it is (Claude Code's preset: its SDK does not show the text).
     */
    systemPrompt: z.string().nullable(),
    tools: z.array(z.string()),
    /** The context skills installed in the workspace, by folder name. */
    skills: z.array(z.string()).default([]),
    web: z.boolean(),
    turns: z.number().int().nonnegative(),
    /** Each tool the agent used, and how many times. */
    toolsUsed: z.record(z.string(), z.number().int().positive()),
    searches: z.array(z.object({ query: z.string(), urls: z.array(z.string()) }).strict()),
    /** Pages the agent read with its web tools, with the text it received. */
    reads: z.array(z.object({ url: z.string(), text: z.string() }).strict()),
    files: z.object({ read: z.array(z.string()), written: z.array(z.string()) }).strict(),
    /** Shell commands (Codex acts through its shell), with their exit code. */
    commands: z
      .array(z.object({ command: z.string(), exitCode: z.number().int().nullable() }).strict())
      .default([]),
    /** Actions the agent was refused: a write outside its workspace, a tool not allowed. */
    refused: z.array(z.string()).default([]),
    /** Where the cost comes from: the agent's own figure, or the price table applied to the tokens. */
    costFrom: z.enum(['agent', 'prices', 'none']),
    ms: z.number().nonnegative(),
  })
  .strict();

export type Context = z.infer<typeof ContextSchema>;
export type Trace = z.infer<typeof TraceSchema>;
