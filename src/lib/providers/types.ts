// The types every provider shares, apart from the providers, so that none imports the index.
import type { z } from 'zod';
import type { Params } from '../content/schema.ts';

export interface Ask<T> {
  prompt: string;
  schema: z.ZodType<T>;
  /** A name for the schema, as the APIs want one. */
  name: string;
  signal?: AbortSignal;
}

export interface Answer<T> {
  parsed: T;
  /** The model id as the API reported it. */
  model: string;
  usage: { input: number; output: number };
}

export interface Provider {
  /** The server the SDK talks to, for error messages. */
  baseURL: string;
  ask<T>(request: Ask<T>): Promise<Answer<T>>;
}

/** Retries of 429 and 5xx, with backoff, are the SDKs' own. */
export const MAX_RETRIES = 4;

export interface ClientOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  params: Params;
  /** The longest one HTTP request may take before the SDK gives up on it (and retries). */
  timeoutMs: number;
}
