// A stand-in for the model APIs, on 127.0.0.1, for tests and the runner benchmark. It speaks the
// subset of the wire formats the runner uses: OpenAI Responses (POST /v1/responses), OpenAI Chat
// Completions (POST /v1/chat/completions, for openai-compatible servers) and Anthropic Messages
// (POST /v1/messages), with structured output and usage. The real SDK clients are pointed at it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = 'responses' | 'chat' | 'messages';

export interface Received {
  route: Route;
  model: string;
  prompt: string;
  kind: 'generate' | 'evaluate' | 'read';
  /** The answer's status: 200, or the injected error. */
  status: number;
  malformed: boolean;
}

/** How a judge picks among the labels it is shown. */
export type JudgeStyle = 'longest' | 'first' | 'tie';

export interface Fault {
  model: string;
  kind?: 'generate' | 'evaluate' | 'read';
  /** An HTTP error status to answer with, or a malformed (not JSON) answer. */
  status?: number;
  malformed?: boolean;
  /** Never answer (silent), or answer the headers and then a space now and then, never the end (drip). */
  hold?: 'silent' | 'drip';
  /** A raw answer instead of the API's: an HTML page from a proxy, a JSON object of another shape. */
  raw?: { status: number; contentType: string; body: string };
  /** The error's message (default "injected <status>"). */
  message?: string;
  /** How many times, from the first matching request. */
  times: number;
}

export interface DoubleOptions {
  /** Milliseconds before each answer. */
  latency?: number;
  faults?: Fault[];
  judges?: Record<string, JudgeStyle>;
  /** Lines in each generated SKILL.md body. */
  skillLines?: number;
  /** Each answer ends with the request's headers, as a server that echoes them would answer. */
  echoHeaders?: boolean;
  /** What a model answers when asked to write a skill, instead of the skill the double writes. */
  skills?: Record<string, { path: string; content: string }[]>;
  /** What a model answers when asked to read an evaluation's verdict (the importer's --read-with). */
  reads?: Record<string, { winner: string; evidence: string }>;
}

export interface ModelApiDouble {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/** The parts of a request body the double reads, in any of the three wire formats. */
/** A JSON schema as the double reads it: the properties a request's schema names. */
interface Schema {
  properties?: { files?: unknown; evidence?: unknown; winner?: { enum?: string[] } };
}

interface RequestBody {
  input?: unknown;
  messages?: { content?: unknown }[];
  text?: { format?: { schema?: Schema } };
  response_format?: { json_schema?: { schema?: Schema } };
  output_config?: { format?: { schema?: Schema } };
}

const promptOf = (route: Route, body: RequestBody): string =>
  route === 'responses'
    ? typeof body.input === 'string'
      ? body.input
      : JSON.stringify(body.input)
    : String(body.messages?.[0]?.content ?? '');

const schemaOf = (route: Route, body: RequestBody): Schema | undefined =>
  route === 'responses'
    ? body.text?.format?.schema
    : route === 'chat'
      ? body.response_format?.json_schema?.schema
      : body.output_config?.format?.schema;

function generate(model: string, prompt: string, lines: number) {
  const name = prompt.match(/Name the skill ([\w.-]*\w)/)?.[1] ?? `${model}-skill`;
  const body = Array.from(
    { length: lines },
    (_, i) => `- Rule ${i + 1} from ${model}: keep step ${i + 1} small and checked.`,
  ).join('\n');
  return {
    files: [
      {
        path: 'SKILL.md',
        content: `---\nname: ${name}\ndescription: A skill written by ${model} for the test.\n---\n\n# ${name}\n\nWritten by ${model}.\n\n${body}\n`,
      },
      { path: `notes/${model}.md`, content: `Notes from ${model}.\n` },
    ],
  };
}

function judge(style: JudgeStyle, labels: string[], prompt: string) {
  const sections = labels.map((l) => ({
    l,
    size: (prompt.split(`## ${l}`)[1] ?? '').split(/\n## Skill /)[0].length,
  }));
  const winner =
    style === 'tie'
      ? 'tie'
      : style === 'first'
        ? labels[0]
        : sections.sort((a, b) => b.size - a.size || a.l.localeCompare(b.l))[0].l;
  return {
    evaluation: `## Evaluation\n\nI read ${labels.join(' and ')}.\n\n**Winner:** ${winner}\n\n<script>window.__pwned = 1</script>\n`,
    winner,
    reason: winner === 'tie' ? 'They are equally good.' : `${winner} is the more thorough skill.`,
  };
}

function wire(route: Route, model: string, text: string, usage: { input: number; output: number }) {
  const reported = `${model}-2026-01-01`;
  if (route === 'responses')
    return {
      id: 'resp_test',
      object: 'response',
      created_at: 1,
      status: 'completed',
      model: reported,
      error: null,
      incomplete_details: null,
      output: [
        {
          type: 'message',
          id: 'msg_test',
          status: 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', text, annotations: [] }],
        },
      ],
      usage: {
        input_tokens: usage.input,
        output_tokens: usage.output,
        total_tokens: usage.input + usage.output,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens_details: { reasoning_tokens: 0 },
      },
    };
  if (route === 'chat')
    return {
      id: 'chatcmpl_test',
      object: 'chat.completion',
      created: 1,
      model: reported,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: text, refusal: null },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      usage: {
        prompt_tokens: usage.input,
        completion_tokens: usage.output,
        total_tokens: usage.input + usage.output,
      },
    };
  return {
    id: 'msg_test',
    type: 'message',
    role: 'assistant',
    model: reported,
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: usage.input, output_tokens: usage.output },
  };
}

/** Holds a request open: no answer at all, or headers and then a space every 100 ms. */
function hold(res: http.ServerResponse, how: 'silent' | 'drip') {
  if (how === 'silent') return;
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{');
  const drip = setInterval(() => res.write(' '), 100);
  res.on('close', () => clearInterval(drip));
}

/** Adds `text` to the answer's main text: the SKILL.md of a skill, a judge's evaluation. */
function echo(answer: object, text: string) {
  if ('files' in answer && Array.isArray(answer.files)) answer.files[0].content += text;
  if ('evaluation' in answer && typeof answer.evaluation === 'string') answer.evaluation += text;
}

const ROUTES: Record<string, Route> = {
  '/v1/responses': 'responses',
  '/v1/chat/completions': 'chat',
  '/v1/messages': 'messages',
};

export async function startModelApi(options: DoubleOptions = {}): Promise<ModelApiDouble> {
  const received: Received[] = [];
  const faults = (options.faults ?? []).map((f) => ({ ...f }));
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', async () => {
      const route = ROUTES[new URL(req.url ?? '/', 'http://x').pathname];
      if (req.method !== 'POST' || !route)
        return void res
          .writeHead(404, { 'content-type': 'application/json' })
          .end('{"error":{"message":"not found"}}');
      const body = JSON.parse(raw);
      const model: string = body.model;
      const prompt = promptOf(route, body);
      const schema = schemaOf(route, body);
      const kind = schema?.properties?.files
        ? 'generate'
        : schema?.properties?.evidence
          ? 'read'
          : 'evaluate';
      const fault = faults.find(
        (f) => f.times > 0 && f.model === model && (!f.kind || f.kind === kind),
      );
      if (fault) fault.times--;
      const status = fault?.status ?? 200;
      received.push({ route, model, prompt, kind, status, malformed: !!fault?.malformed }); // counted on arrival
      if (fault?.hold) return hold(res, fault.hold);
      if (fault?.raw)
        return void res
          .writeHead(fault.raw.status, { 'content-type': fault.raw.contentType })
          .end(fault.raw.body);
      if (options.latency) await new Promise((r) => setTimeout(r, options.latency));
      if (status !== 200) {
        const message = fault?.message ?? `injected ${status}`;
        const error =
          route === 'messages'
            ? { type: 'error', error: { type: 'api_error', message } }
            : { error: { message, type: 'server_error' } };
        return void res
          .writeHead(status, { 'content-type': 'application/json', 'retry-after-ms': '5' })
          .end(JSON.stringify(error));
      }
      const labels: string[] =
        schema?.properties?.winner?.enum?.filter((l: string) => l !== 'tie') ?? [];
      const answer =
        kind === 'generate'
          ? options.skills?.[model]
            ? { files: options.skills[model].map((f) => ({ ...f })) }
            : generate(model, prompt, (options.skillLines ?? 12) + model.length)
          : kind === 'read'
            ? (options.reads?.[model] ?? { winner: 'none', evidence: '' })
            : judge(options.judges?.[model] ?? 'longest', labels, prompt);
      if (options.echoHeaders)
        echo(answer, `\n\nYour request's headers: ${JSON.stringify(req.headers)}\n`);
      const text = fault?.malformed ? '{"files": [unterminated' : JSON.stringify(answer);
      const usage = { input: Math.ceil(prompt.length / 4), output: Math.ceil(text.length / 4) };
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(wire(route, model, text, usage)));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections(); // answers held open end here
      }),
  };
}
