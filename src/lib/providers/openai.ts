// OpenAI through the official SDK's Responses API, with structured output.
import OpenAI from 'openai';
import { zodTextFormat } from 'openai/helpers/zod';
import { notAnAnswerOf, sdkOptions } from './wire.ts';
import type { ClientOptions, Provider } from './types.ts';

export function openaiProvider(options: ClientOptions): Provider {
  const { model, params } = options;
  const client = new OpenAI(sdkOptions(options));
  return {
    baseURL: client.baseURL,
    async ask({ prompt, schema, name, signal }) {
      const r = await client.responses
        .parse(
          {
            model,
            input: prompt,
            text: { format: zodTextFormat(schema, name) },
            ...(params.maxOutputTokens ? { max_output_tokens: params.maxOutputTokens } : {}),
            ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
            ...(params.reasoningEffort ? { reasoning: { effort: params.reasoningEffort } } : {}),
          },
          { signal },
        )
        .catch(notAnAnswerOf('Responses API'));
      if (r.output_parsed === null) throw new Error(`no structured answer (status ${r.status})`);
      return {
        parsed: r.output_parsed,
        model: r.model,
        usage: { input: r.usage?.input_tokens ?? 0, output: r.usage?.output_tokens ?? 0 },
      };
    },
  };
}
