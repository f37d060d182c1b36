// The streaming wire formats the coding agents speak, for the agent double: Anthropic Messages
// (server-sent events, as Claude Code reads them) and OpenAI Responses (as Codex reads them).
import type http from 'node:http';

/** One step of an agent's turn as the double answers it: tool calls, or text that ends the turn. */
export type Step =
  | { tools: { name: string; input: Record<string, unknown> }[] }
  | { text: string }
  | { search: { query: string; results: { url: string; title: string }[] }; after: Step };

let ids = 0;
const nextId = (prefix: string) => `${prefix}_${(++ids).toString(36)}`;

function sse(res: http.ServerResponse, events: { event?: string; data: object }[]) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const e of events)
    res.write(`${e.event ? `event: ${e.event}\n` : ''}data: ${JSON.stringify(e.data)}\n\n`);
  res.end();
}

/** The content blocks of one Messages answer, each as its start, deltas and stop events. */
function messageBlocks(step: Step): { event: string; data: object }[][] {
  if ('search' in step) {
    const id = nextId('srvtoolu');
    const use = {
      type: 'server_tool_use',
      id,
      name: 'web_search',
      input: { query: step.search.query },
    };
    const result = {
      type: 'web_search_tool_result',
      tool_use_id: id,
      content: step.search.results.map((r) => ({
        type: 'web_search_result',
        url: r.url,
        title: r.title,
        encrypted_content: 'x',
        page_age: null,
      })),
    };
    return [...[use, result].map((b) => [startStop(b)]).flat(), ...messageBlocks(step.after)];
  }
  if ('text' in step)
    return [
      [start({ type: 'text', text: '' }), delta({ type: 'text_delta', text: step.text }), stop()],
    ];
  return step.tools.map((t) => [
    start({ type: 'tool_use', id: nextId('toolu'), name: t.name, input: {} }),
    delta({ type: 'input_json_delta', partial_json: JSON.stringify(t.input) }),
    stop(),
  ]);
}
const start = (block: object) => ({
  event: 'content_block_start',
  data: { type: 'content_block_start', content_block: block },
});
const delta = (d: object) => ({
  event: 'content_block_delta',
  data: { type: 'content_block_delta', delta: d },
});
const stop = () => ({ event: 'content_block_stop', data: { type: 'content_block_stop' } });
const startStop = (block: object) => [start(block), stop()];

/** Answers a Messages request with the step, streamed. */
export function answerMessages(
  res: http.ServerResponse,
  model: string,
  step: Step,
  usage: { input: number; output: number },
) {
  const blocks = messageBlocks(step).map((events, index) =>
    events.map((e) => ({ event: e.event, data: { ...e.data, index } })),
  );
  const toolUse = 'tools' in step || ('search' in step && 'tools' in step.after);
  sse(res, [
    {
      event: 'message_start',
      data: {
        type: 'message_start',
        message: {
          id: nextId('msg'),
          type: 'message',
          role: 'assistant',
          model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: usage.input, output_tokens: 1 },
        },
      },
    },
    ...blocks.flat(),
    {
      event: 'message_delta',
      data: {
        type: 'message_delta',
        delta: { stop_reason: toolUse ? 'tool_use' : 'end_turn', stop_sequence: null },
        usage: { output_tokens: usage.output },
      },
    },
    { event: 'message_stop', data: { type: 'message_stop' } },
  ]);
}

/** The output items of one Responses answer. */
function responseItems(step: Step): object[] {
  if ('search' in step)
    return [
      {
        type: 'web_search_call',
        id: nextId('ws'),
        status: 'completed',
        action: { type: 'search', query: step.search.query },
      },
      ...responseItems(step.after),
    ];
  if ('text' in step)
    return [
      {
        type: 'message',
        id: nextId('msg'),
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: step.text, annotations: [] }],
      },
    ];
  return step.tools.map((t) => ({
    type: 'function_call',
    id: nextId('fc'),
    call_id: nextId('call'),
    name: t.name,
    arguments: JSON.stringify(t.input),
    status: 'completed',
  }));
}

/** Answers a Responses request with the step, streamed. */
export function answerResponses(
  res: http.ServerResponse,
  model: string,
  step: Step,
  usage: { input: number; output: number },
) {
  const id = nextId('resp');
  const items = responseItems(step);
  const response = { id, object: 'response', model, status: 'in_progress', output: [] };
  sse(res, [
    { data: { type: 'response.created', response } },
    ...items.flatMap((item, output_index) => [
      { data: { type: 'response.output_item.added', output_index, item } },
      { data: { type: 'response.output_item.done', output_index, item } },
    ]),
    {
      data: {
        type: 'response.completed',
        response: {
          ...response,
          status: 'completed',
          output: items,
          usage: {
            input_tokens: usage.input,
            input_tokens_details: { cached_tokens: 0 },
            output_tokens: usage.output,
            output_tokens_details: { reasoning_tokens: 0 },
            total_tokens: usage.input + usage.output,
          },
        },
      },
    },
  ]);
}
