// OpenAI-compatible servers (Ollama, vLLM, llama.cpp, ...) through the official SDK's Chat
// Completions API, which they all speak, with a JSON schema response format.
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { notAnAnswerOf, sdkOptions } from './wire.ts';
import type { ClientOptions, Provider } from './types.ts';

export function compatibleProvider(options: ClientOptions): Provider {
  const { model, params } = options;
  const client = new OpenAI(sdkOptions(options));
  return {
    baseURL: client.baseURL,
    async ask({ prompt, schema, name, signal }) {
      const r = await client.chat.completions
        .parse(
          {
            model,
            messages: [{ role: 'user', content: prompt }],
            response_format: zodResponseFormat(schema, name),
            ...(params.maxOutputTokens ? { max_completion_tokens: params.maxOutputTokens } : {}),
            ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
            ...(params.reasoningEffort ? { reasoning_effort: params.reasoningEffort } : {}),
          },
          { signal },
        )
        .catch(notAnAnswerOf('Chat Completions API'));
      const parsed = r.choices[0]?.message.parsed;
      if (parsed === null || parsed === undefined)
        throw new Error(`no structured answer (finish reason ${r.choices[0]?.finish_reason})`);
      return {
        parsed,
        model: r.model,
        usage: { input: r.usage?.prompt_tokens ?? 0, output: r.usage?.completion_tokens ?? 0 },
      };
    },
  };
}
