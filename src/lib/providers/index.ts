// One way to ask any model for a structured answer, through the providers' official SDKs.
// Keys come from the environment and stay in the SDK clients: never in a record, a log or a page.
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import type { Participant } from '../content/schema.ts';
import { UserError } from '../content/errors.ts';
import { errorText, redactKnown, redactKnownDeep } from '../content/secrets.ts';
import { openaiProvider } from './openai.ts';
import { anthropicProvider } from './anthropic.ts';
import { compatibleProvider } from './compatible.ts';
import type { Provider } from './types.ts';
import { NOT_JSON_HEADER } from './wire.ts';

export type { Ask, Answer, Provider } from './types.ts';
export { MAX_RETRIES } from './types.ts';

/** A call that got no answer within its participant's timeout, the SDK's retries included. */
export class CallTimeout extends Error {
  override name = 'CallTimeout';
}

/** An error of the API or the connection (after the SDK's retries), as opposed to a malformed answer. */
export const isApiError = (err: unknown) =>
  err instanceof OpenAI.APIError || err instanceof Anthropic.APIError || err instanceof CallTimeout;

/** How long one API call may take, the SDK's retries included, unless the participant says. */
export const DEFAULT_TIMEOUT_SECONDS = 300;

const isConnectionError = (err: unknown) =>
  err instanceof OpenAI.APIConnectionError || err instanceof Anthropic.APIConnectionError;

/** Why a connection failed, from the causes fetch gives: "ECONNREFUSED", "getaddrinfo ENOTFOUND host". */
function rootCause(err: unknown): string {
  let e = (err as { cause?: unknown })?.cause as
    { cause?: unknown; code?: string; message?: string } | undefined;
  while (e && typeof e === 'object' && e.cause && typeof e.cause === 'object')
    e = e.cause as typeof e;
  return e?.code ?? e?.message ?? '';
}

/**
 * An API error as it is recorded and published: its first line, the server named when it could not be
 * reached, anything shaped like a key (or equal to one in use) redacted, and at most 2 KB of it.
 */
export function describeApiError(
  err: unknown,
  baseURL: string,
  keys: (string | undefined)[],
): string {
  const said = String((err as Error)?.message ?? err).split('\n')[0];
  // an answer that was not JSON is reported as what it was, not as the 502 made of it (wire.ts)
  const notJson = (err as { headers?: Headers })?.headers?.get?.(NOT_JSON_HEADER);
  const message = notJson ? said.replace(/^502 /, '') : said;
  const cause = isConnectionError(err) ? rootCause(err) : '';
  const text = isConnectionError(err)
    ? `cannot reach ${baseURL}: ${message}${cause ? ` (${cause})` : ''}`
    : message;
  return errorText(text, keys);
}

/** The values of the key variables in the environment, to redact wherever they might show. */
export const keysIn = (env: NodeJS.ProcessEnv) => Object.values(KEY_VARIABLE).map((v) => env[v]);

export const KEY_VARIABLE: Record<NonNullable<Participant['provider']>, string> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  'openai-compatible': 'OPENAI_COMPATIBLE_API_KEY',
};

/** Every key the participants need that the environment lacks, named, before any call is made. */
export function checkKeys(participants: Participant[], env: NodeJS.ProcessEnv): void {
  const missing = new Map<string, string[]>();
  for (const p of participants) {
    if (p.provider === 'openai-compatible') continue; // local servers usually take any key
    const variable = KEY_VARIABLE[p.provider!];
    if (!env[variable]) missing.set(variable, [...(missing.get(variable) ?? []), p.id]);
  }
  if (missing.size)
    throw new UserError(
      [...missing].map(([v, ids]) => `${v} is not set (needed for ${ids.join(', ')})`).join('; ') +
        '. Set it in the environment, or use --dry-run to see the calls without making them.',
    );
}

/** The providers that take the user's real key: their own address, and the SDK's variable that moves it. */
const KEYED_SERVER = {
  openai: { address: 'https://api.openai.com/v1', variable: 'OPENAI_BASE_URL' },
  anthropic: { address: 'https://api.anthropic.com', variable: 'ANTHROPIC_BASE_URL' },
};

/**
 * Why a participant's baseURL cannot be used, or null. A definition may be someone else's: an openai
 * or anthropic call carries the user's key, so it goes to that provider's address, or where the
 * user's own environment points the SDK, never where a definition says.
 */
export function baseUrlProblem(p: Participant): string | null {
  if (!p.baseURL || p.provider === 'openai-compatible' || !p.provider) return null;
  const { variable } = KEYED_SERVER[p.provider];
  return `baseURL is for openai-compatible servers; ${p.provider} calls carry your ${KEY_VARIABLE[p.provider]}, so they go to ${p.provider}'s own address (to send them elsewhere, set ${variable} in your environment)`;
}

/** The server a participant's calls go to, as the dry run shows it and the SDK client is given. */
export function serverFor(p: Participant, env: NodeJS.ProcessEnv): string {
  const problem = baseUrlProblem(p);
  if (problem) throw new UserError(`participant ${p.id}: ${problem}`);
  if (p.provider === 'openai-compatible') return p.baseURL!;
  if (!p.provider) throw new UserError(`participant ${p.id} has no provider`);
  const { address, variable } = KEYED_SERVER[p.provider];
  return env[variable] || address;
}

export function providerFor(p: Participant, env: NodeJS.ProcessEnv): Provider {
  const timeoutMs = Math.ceil((p.timeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000);
  const options = { baseURL: serverFor(p, env), model: p.model, params: p.params ?? {}, timeoutMs };
  const provider =
    p.provider === 'openai'
      ? openaiProvider({ apiKey: env.OPENAI_API_KEY!, ...options })
      : p.provider === 'anthropic'
        ? anthropicProvider({ apiKey: env.ANTHROPIC_API_KEY!, ...options })
        : compatibleProvider({ apiKey: env.OPENAI_COMPATIBLE_API_KEY || 'none', ...options });
  return withDeadline(withoutKeys(provider, keysIn(env)), timeoutMs);
}

/**
 * The provider with a deadline on each call, retries included: without one, a server that never
 * answers, or drips its answer a byte at a time, holds a call for the SDKs' defaults (10 minutes
 * for each of 5 attempts), and the SDKs' own timeout ends when the headers arrive.
 */
function withDeadline(provider: Provider, ms: number): Provider {
  return {
    baseURL: provider.baseURL,
    async ask(request) {
      const deadline = AbortSignal.timeout(ms);
      const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
      try {
        return await provider.ask({ ...request, signal });
      } catch (err) {
        if (!deadline.aborted || request.signal?.aborted) throw err;
        throw new CallTimeout(
          `no answer from ${provider.baseURL} within ${ms / 1000} s (the participant's timeout; set timeout: <seconds> on it in experiment.yaml to allow longer)`,
        );
      }
    },
  };
}

/**
 * The provider with the keys in use redacted from every answer (a server may echo the request's
 * headers in it) and every error it throws, before anything stores or prints them.
 */
function withoutKeys(provider: Provider, keys: (string | undefined)[]): Provider {
  return {
    baseURL: provider.baseURL,
    async ask(request) {
      try {
        const answer = await provider.ask(request);
        const { parsed, model } = answer;
        return {
          ...answer,
          parsed: redactKnownDeep(parsed, keys),
          model: redactKnown(model, keys),
        };
      } catch (err) {
        if (err instanceof Error) err.message = redactKnown(err.message, keys);
        throw err;
      }
    },
  };
}
