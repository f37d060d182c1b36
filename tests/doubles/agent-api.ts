// A stand-in for the model APIs as the coding agents call them, on 127.0.0.1: Anthropic Messages
// (Claude Code) and OpenAI Responses (Codex), streamed. It plays a model that follows the runner's
// prompts with the agents' own tools: a writer reads the source (and searches the web and reads a
// page, when it has the tools), then writes its skill under skills/<name>/; a judge reads the
// blinded skills, writes evaluation.md and gives its decision in the schema it is asked for.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { answerMessages, answerResponses, type Step } from './agent-wire.ts';

export type Agent = 'claude' | 'codex';

export interface AgentRequest {
  agent: Agent;
  model: string;
  kind: 'generate' | 'evaluate' | 'web' | 'other';
  step: number;
  tools: string[];
  /** The request's body as sent. */
  raw: string;
}

export interface AgentDoubleOptions {
  /** Models that also try to write a file outside their workspace. */
  escape?: string[];
  /**
   * Claude Code models that act through Bash: they write a file in their workspace with a shell
   * command, and (with escape) try the write outside it with one too.
   */
  bash?: string[];
  /** Models that end with an API error at their nth request (1-based), once. */
  failAt?: Record<string, number>;
  /** Judges that never give their decision in the schema: it is only in their evaluation.md. */
  noSchema?: string[];
  /** How a judge picks: the first label shown, or a tie. */
  judges?: Record<string, 'first' | 'tie'>;
  /** The text of the page the web double serves at /page/<name>. */
  page?: string;
  /**
   * A key and certificate for 127.0.0.1: the page is also served over HTTPS, for Claude Code's
   * WebFetch, which asks for https:// whatever it is given (its runs trust the certificate through
   * NODE_EXTRA_CA_CERTS).
   */
  tls?: { key: string; cert: string };
}

export interface AgentDouble {
  url: string;
  received: AgentRequest[];
  /** Requests to any other path: an agent's telemetry or update check would show here. */
  stray: string[];
  close(): Promise<void>;
}

/** The words the web double's page holds, for the quote tests. */
export const PAGE_TEXT =
  'An interview with the note\'s author. "Small commits are a kindness to the reviewer," she said.';

interface Turn {
  agent: Agent;
  model: string;
  prompt: string;
  step: number;
  tools: string[];
  /** Where the agent works (Claude Code's paths are absolute). */
  cwd: string;
  /** The text the agent's tools returned so far. */
  seen: string;
  pageUrl: string;
}

const skillName = (prompt: string, model: string) =>
  prompt.match(/Name the skill ([\w.-]*\w)/)?.[1] ?? `${model}-skill`;

function skillFiles(prompt: string, model: string, seen: string) {
  const name = skillName(prompt, model);
  const quote = seen.includes('a kindness to the reviewer')
    ? '\n> "Small commits are a kindness to the reviewer," as the author put it.\n'
    : '';
  return [
    {
      path: `skills/${name}/SKILL.md`,
      content: `---\nname: ${name}\ndescription: A skill written by ${model} in its agent.\n---\n\n# ${name}\n\nWritten by ${model}.\n${quote}\n- Keep each step small.\n- Check each step.\n`,
    },
    { path: `skills/${name}/notes.md`, content: `Notes from ${model}.\n` },
  ];
}

/** The labels a judge is shown, from its prompt ("Skill A: the folder skill-a/"). */
const labelsIn = (prompt: string) =>
  [...prompt.matchAll(/^(Skill [A-Z]): the folder (skill-[a-z])\//gm)].map((m) => ({
    label: m[1],
    folder: m[2],
  }));

/** The writer's plan, as steps of tool calls named in each agent's terms. */
function writerPlan(t: Turn, o: AgentDoubleOptions): Step[] {
  const at = (p: string) => (t.agent === 'claude' ? `${t.cwd}/${p}` : p);
  const files = skillFiles(t.prompt, t.model, t.seen);
  const web = t.tools.includes('WebSearch') || t.tools.includes('web_search');
  const steps: Step[] = [];
  if (t.agent === 'claude') {
    steps.push({ tools: [{ name: 'Read', input: { file_path: at('source.md') } }] });
    if (web) {
      steps.push({ tools: [{ name: 'WebSearch', input: { query: 'note author interview' } }] });
      steps.push({
        tools: [
          { name: 'WebFetch', input: { url: t.pageUrl, prompt: 'What does the author say?' } },
        ],
      });
    }
    if (o.escape?.includes(t.model)) steps.push({ tools: [escapeTool(t, o)] });
    if (o.bash?.includes(t.model))
      steps.push({ tools: [bashTool(`echo in > ${t.cwd}/${BASH_FILE}`)] });
    steps.push({
      tools: files.map((f) => ({
        name: 'Write',
        input: { file_path: at(f.path), content: f.content },
      })),
    });
  } else {
    steps.push({ tools: [shell('cat source.md')] });
    if (web)
      steps.push({
        search: { query: 'note author interview', results: [] },
        after: { tools: [shell(`curl -s ${t.pageUrl}`)] },
      });
    if (o.escape?.includes(t.model))
      steps.push({ tools: [shell(`echo out > ../escaped-${t.model}.md`)] });
    steps.push({ tools: [shell(files.map((f) => heredoc(f.path, f.content)).join('\n'))] });
  }
  return [...steps, { text: 'I wrote the skill.' }];
}

/** The file a model acting through Bash writes in its workspace. */
export const BASH_FILE = 'written-by-bash.txt';

const bashTool = (command: string, more = {}) => ({ name: 'Bash', input: { command, ...more } });

/** Claude Code's try at a file outside its workspace: with Bash when it acts through it, else Write. */
const escapeTool = (t: Turn, o: AgentDoubleOptions) => {
  const file = `${t.cwd}/../escaped-${t.model}.md`;
  return o.bash?.includes(t.model)
    ? // and asks to run it outside the sandbox, which it must not be let do
      bashTool(`echo out > ${file}`, { dangerouslyDisableSandbox: true })
    : { name: 'Write', input: { file_path: file, content: 'out' } };
};

const shell = (cmd: string) => ({ name: 'exec_command', input: { cmd } });
const heredoc = (file: string, content: string) =>
  `mkdir -p $(dirname ${file}) && cat > ${file} <<'CROSSJUDGE_EOF'\n${content}CROSSJUDGE_EOF`;

/** The judge's plan: read every skill, write evaluation.md, then decide in the schema. */
function judgePlan(t: Turn, o: AgentDoubleOptions): Step[] {
  const shown = labelsIn(t.prompt);
  const winner = o.judges?.[t.model] === 'tie' ? 'tie' : shown[0].label;
  const evaluation = `# Evaluation\n\nI read ${shown.map((s) => s.label).join(' and ')}.\n\n**Winner:** ${winner}\n`;
  const decision = { evaluation, winner, reason: `${winner} keeps the note's point in front.` };
  if (o.noSchema?.includes(t.model)) return judgeWithoutSchema(t, shown, evaluation);
  if (t.agent === 'claude')
    return [
      {
        tools: shown.map((s) => ({
          name: 'Read',
          input: { file_path: `${t.cwd}/${s.folder}/SKILL.md` },
        })),
      },
      {
        tools: [
          { name: 'Write', input: { file_path: `${t.cwd}/evaluation.md`, content: evaluation } },
        ],
      },
      t.tools.includes('StructuredOutput')
        ? { tools: [{ name: 'StructuredOutput', input: decision }] }
        : { text: JSON.stringify(decision) },
      { text: 'Done.' },
    ];
  return [
    { tools: [shell(`cat ${shown.map((s) => `${s.folder}/SKILL.md`).join(' ')}`)] },
    { tools: [shell(heredoc('./evaluation.md', evaluation))] },
    { text: JSON.stringify(decision) },
  ];
}

/** A judge that writes its evaluation and then only says it is done. */
function judgeWithoutSchema(t: Turn, shown: { folder: string }[], evaluation: string): Step[] {
  const read =
    t.agent === 'claude'
      ? {
          tools: shown.map((s) => ({
            name: 'Read',
            input: { file_path: `${t.cwd}/${s.folder}/SKILL.md` },
          })),
        }
      : { tools: [shell(`cat ${shown.map((s) => `${s.folder}/SKILL.md`).join(' ')}`)] };
  const write =
    t.agent === 'claude'
      ? {
          tools: [
            { name: 'Write', input: { file_path: `${t.cwd}/evaluation.md`, content: evaluation } },
          ],
        }
      : { tools: [shell(heredoc('./evaluation.md', evaluation))] };
  return [read, write, { text: 'My evaluation is in evaluation.md.' }];
}

const textOf = (content: unknown): string =>
  typeof content === 'string'
    ? content
    : Array.isArray(content)
      ? content
          .map((c) =>
            c?.type === 'text' || c?.type === 'input_text' ? c.text : textOf(c?.content),
          )
          .join('\n')
      : '';

interface MessagesBody {
  model: string;
  tools?: { name: string; type?: string }[];
  messages: { role: string; content: unknown }[];
  system?: unknown;
}

function claudeTurn(body: MessagesBody, pageUrl: string): Turn {
  const all = body.messages.map((m) => textOf(m.content)).join('\n') + textOf(body.system);
  const results = body.messages
    .flatMap((m) => (Array.isArray(m.content) ? m.content : []))
    .filter((b) => b?.type === 'tool_result')
    .map((b) => textOf(b.content));
  return {
    agent: 'claude',
    model: body.model,
    prompt: textOf(body.messages[0]?.content),
    step: body.messages.filter((m) => m.role === 'assistant').length,
    tools: (body.tools ?? []).map((t) => t.name),
    cwd: all.match(/Primary working directory: (\S+)/)?.[1] ?? '.',
    seen: results.join('\n'),
    pageUrl,
  };
}

interface ResponsesBody {
  model: string;
  tools?: { name?: string; type: string }[];
  input: { type?: string; role?: string; content?: unknown; output?: unknown }[];
}

function codexTurn(body: ResponsesBody, pageUrl: string): Turn {
  const users = body.input.filter((i) => i.role === 'user').map((i) => textOf(i.content));
  return {
    agent: 'codex',
    model: body.model,
    prompt: users.join('\n'),
    step: body.input.filter((i) => i.type === 'function_call').length,
    tools: (body.tools ?? []).map((t) => t.name ?? t.type),
    cwd: '.',
    seen: body.input
      .filter((i) => i.type === 'function_call_output')
      .map((i) => textOf(i.output))
      .join('\n'),
    pageUrl,
  };
}

/** The step a turn gets, and what kind of request it was. */
function stepFor(t: Turn, o: AgentDoubleOptions): { kind: AgentRequest['kind']; step: Step } {
  // Claude Code's WebSearch asks the API to search, with the server's search tool alone
  if (t.agent === 'claude' && t.tools.length === 1 && t.tools[0] === 'web_search')
    return {
      kind: 'web',
      step: {
        search: {
          query: 'note author interview',
          results: [{ url: t.pageUrl, title: 'Interview' }],
        },
        after: { text: `Found: ${t.pageUrl}` },
      },
    };
  // a call without tools: Claude Code's WebFetch has the page read to it; answer with the page's words
  if (!t.tools.length)
    return { kind: 'other', step: { text: t.prompt.includes(PAGE_TEXT) ? PAGE_TEXT : 'ok' } };
  const kind = labelsIn(t.prompt).length ? 'evaluate' : 'generate';
  const plan = kind === 'evaluate' ? judgePlan(t, o) : writerPlan(t, o);
  return { kind, step: plan[Math.min(t.step, plan.length - 1)] };
}

const servePage = (options: AgentDoubleOptions) => (res: http.ServerResponse) =>
  void res
    .writeHead(200, { 'content-type': 'text/html' })
    .end(`<html><body><p>${options.page ?? PAGE_TEXT}</p></body></html>`);

async function listen(server: http.Server | https.Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

export async function startAgentApi(options: AgentDoubleOptions = {}): Promise<AgentDouble> {
  const secure = options.tls
    ? https.createServer(options.tls, (_, res) => servePage(options)(res))
    : null;
  const securePort = secure ? await listen(secure) : 0;
  const received: AgentRequest[] = [];
  const stray: string[] = [];
  const failAt = { ...options.failAt };
  const counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'GET' && url.pathname.startsWith('/page/')) return servePage(options)(res);
      const route =
        url.pathname === '/v1/messages'
          ? 'claude'
          : url.pathname === '/v1/responses'
            ? 'codex'
            : null;
      if (req.method !== 'POST' || !route) {
        stray.push(`${req.method} ${url.pathname}`);
        return void res
          .writeHead(404, { 'content-type': 'application/json' })
          .end('{"error":{"message":"not found"}}');
      }
      const body = JSON.parse(raw);
      const pageUrl =
        route === 'claude' && secure
          ? `https://127.0.0.1:${securePort}/page/interview`
          : `http://${req.headers.host}/page/interview`;
      const turn = route === 'claude' ? claudeTurn(body, pageUrl) : codexTurn(body, pageUrl);
      const { kind, step } = stepFor(turn, options);
      const n = (counts.get(turn.model) ?? 0) + 1;
      counts.set(turn.model, n);
      received.push({
        agent: route,
        model: turn.model,
        kind,
        step: turn.step,
        tools: turn.tools,
        raw,
      });
      if (failAt[turn.model] === n) {
        delete failAt[turn.model];
        return void res.writeHead(400, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            type: 'error',
            error: { type: 'invalid_request_error', message: 'injected failure' },
          }),
        );
      }
      const usage = { input: Math.ceil(raw.length / 40), output: 50 };
      if (route === 'claude') answerMessages(res, turn.model, step, usage);
      else answerResponses(res, turn.model, step, usage);
    });
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    stray,
    close: () =>
      new Promise((r) => {
        secure?.close();
        secure?.closeAllConnections();
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
