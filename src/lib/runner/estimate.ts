// Pure logic: what a call is estimated to cost before it is made, for the dry run and --max-cost.
// An API call sends its prompt once. An agent sends its system prompt, its tools and the whole
// conversation again on every turn, with what it read in its workspace and on the web.
import type { PriceTable } from '../content/schema.ts';
import { estimateTokens, priceOf } from '../content/prices.ts';
import type { CallSpec } from './plan.ts';

/** An agent's system prompt and tool definitions, in tokens (Claude Code's own is ~28k characters). */
export const AGENT_OVERHEAD_TOKENS = 8_000;
/** The turns an agent call is estimated to take. */
export const AGENT_TURNS = 10;
/** What the web adds to an agent's context: search results and pages read. */
export const WEB_TOKENS = 20_000;

export interface Estimate {
  inputTokens: number;
  maxOutputTokens: number;
  /** USD for the input, and at most for the output; null without a price. */
  inputCost: number | null;
  maxOutputCost: number | null;
}

/** The input tokens of a call: its prompt, or an agent's context over its turns. */
export function inputTokensOf(spec: CallSpec): number {
  const prompt = estimateTokens(spec.prompt);
  if (!spec.agent) return prompt;
  const files = spec.agent.files.reduce((n, f) => n + estimateTokens(f.content), 0);
  const web = spec.agent.web ? WEB_TOKENS : 0;
  return (prompt + files + AGENT_OVERHEAD_TOKENS + web) * AGENT_TURNS;
}

export function estimateCall(
  spec: CallSpec,
  maxOutputTokens: number,
  prices: PriceTable,
): Estimate {
  const price = priceOf(prices, spec.model);
  const inputTokens = inputTokensOf(spec);
  return {
    inputTokens,
    maxOutputTokens,
    inputCost: price ? (inputTokens * price.input) / 1e6 : null,
    maxOutputCost: price ? (maxOutputTokens * price.output) / 1e6 : null,
  };
}

/** The most a call is expected to cost: its input and its longest output; 0 without a price. */
export const mostOf = (e: Estimate) => (e.inputCost ?? 0) + (e.maxOutputCost ?? 0);
