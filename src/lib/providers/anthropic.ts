// Anthropic through the official SDK's Messages API, with structured output.
import Anthropic from '@anthropic-ai/sdk';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import { notAnAnswerOf, sdkOptions } from './wire.ts';
import type { ClientOptions, Provider } from './types.ts';

/** The Messages API needs max_tokens; this is used when the definition gives none. */
export const DEFAULT_MAX_TOKENS = 16_000;

export function anthropicProvider(options: ClientOptions): Provider {
  const { model, params } = options;
  const client = new Anthropic(sdkOptions(options));
  return {
    baseURL: client.baseURL,
    async ask({ prompt, schema, signal }) {
      const m = await client.messages
        .parse(
          {
            model,
            max_tokens: params.maxOutputTokens ?? DEFAULT_MAX_TOKENS,
            messages: [{ role: 'user', content: prompt }],
            output_config: { format: zodOutputFormat(schema) },
            ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
          },
          { signal },
        )
        .catch(notAnAnswerOf('Messages API'));
      if (m.parsed_output === null || m.parsed_output === undefined)
        throw new Error(`no structured answer (stop reason ${m.stop_reason})`);
      return {
        parsed: m.parsed_output,
        model: m.model,
        usage: { input: m.usage.input_tokens, output: m.usage.output_tokens },
      };
    },
  };
}
