// End to end through the real agent SDKs and their bundled agents (Claude Code, Codex), against the
// streaming double of the Messages and Responses APIs on 127.0.0.1: nothing leaves the machine.
import { afterEach, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import {
  BASH_FILE,
  startAgentApi,
  type AgentDouble,
  type AgentDoubleOptions,
} from './doubles/agent-api.ts';
import { HAS_SANDBOX, describeAgents, localCertificate } from './support/agents.ts';
import { tempDir, writeTree } from './support/helpers.ts';
import { buildSite } from './support/build.ts';
import { experimentDir } from './support/runner-setup.ts';
import { runExperiment } from '../src/lib/runner/run.ts';
import { planRun } from '../src/lib/runner/dry-run.ts';
import { readCalls, readManifest } from '../src/lib/content/experiment.ts';
import { listFiles } from '../src/lib/content/files.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CONTEXT_SKILL = path.join(ROOT, 'content/context-skills/writing-agent-skills');
const KEYS = {
  OPENAI_API_KEY: 'sk-test-openai-SECRET-789',
  ANTHROPIC_API_KEY: 'sk-ant-SECRET-012',
};
const PRICES = { 'codex-t': { input: 1, output: 4 } };

/** Made once, when the first test needs it (not at all when the agents are not installed). */
let cert: ReturnType<typeof localCertificate> | undefined;

const env = (api: AgentDouble) => ({
  ...KEYS,
  NODE_EXTRA_CA_CERTS: certFile,
  OPENAI_BASE_URL: `${api.url}/v1`,
  ANTHROPIC_BASE_URL: api.url,
});

/** A two-agent experiment: Claude Code and Codex, a context skill from outside the folder. */
let certFile = '';

async function setup(options: AgentDoubleOptions = {}, extra = '') {
  cert ??= localCertificate();
  const { key, cert: pem, file } = await cert;
  certFile = file;
  const api = await startAgentApi({ tls: { key, cert: pem }, ...options });
  opened.push(api);
  const content = await tempDir('crossjudge-agents-');
  const dir = experimentDir(content, 'agents');
  await writeTree(dir, {
    'source.md': '# A short note\n\nSmall steps, each checked, beat one big leap.\n',
    'experiment.yaml': `title: Agents
date: 2026-03-01
provenance: { kind: run }
source: source.md
sourceAuthor: Robin Sample
skillName: "{model}-small-steps"
context:
  skills: [${JSON.stringify(CONTEXT_SKILL)}]
prompts:
  generation: |
    Use the writing-agent-skills skill. Write an agent skill from the note in source.md, in the
    folder skills/{skill_name}/. Name the skill {skill_name}.
  evaluation: |
    Judge these {count} skills ({labels}) against the note in source.md.
    {skills}
participants:
  - { id: claude-t, model: claude-t, provider: claude-code }
  - { id: codex-t, model: codex-t, provider: codex }
${extra}`,
  });
  return { api, content, dir };
}

/** Gives a participant of the experiment `bash: true`. */
async function allowBash(dir: string, id: string) {
  const file = path.join(dir, 'experiment.yaml');
  const yaml = await fs.readFile(file, 'utf8');
  await fs.writeFile(file, yaml.replace(`{ id: ${id},`, `{ id: ${id}, bash: true,`));
}

const opened: AgentDouble[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((a) => a.close()));
});

const run = (dir: string, api: AgentDouble, more = {}) =>
  runExperiment({
    dir,
    stages: ['generate', 'evaluate'],
    concurrency: 2,
    env: env(api),
    prices: PRICES,
    ...more,
  });

/** Every file of the folder holding a key the run was given. */
async function filesWithKeys(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const f of await listFiles(dir)) {
    const text = await fs.readFile(path.join(dir, f), 'utf8');
    if (Object.values(KEYS).some((k) => text.includes(k))) found.push(f);
  }
  return found;
}

describeAgents('coding agents as participants', () => {
  it('write with a context skill, judge blind in both orders, and store a trace of each call', async () => {
    const { api, dir } = await setup();
    const result = await run(dir, api);
    expect(result.failures).toEqual([]);
    expect(result.totals.made).toBe(2 + 2 * 2);
    // the context skill was copied into the experiment and the definition points at the copy
    const m = await readManifest(dir);
    expect(m.context?.skills).toEqual(['context/skills/writing-agent-skills']);
    expect(existsSync(path.join(dir, 'context/skills/writing-agent-skills/SKILL.md'))).toBe(true);
    // each agent was shown it where it looks for skills
    for (const agent of ['claude', 'codex'])
      expect(
        api.received.some((r) => r.agent === agent && r.raw.includes('writing-agent-skills')),
      ).toBe(true);
    // each skill collected from the folder the prompt named, both files
    for (const id of ['claude-t', 'codex-t'])
      expect((await listFiles(path.join(dir, 'skills', id))).sort()).toEqual([
        'SKILL.md',
        'notes.md',
      ]);
    // each judge judged blind, in both orders, from folders skill-a/ and skill-b/
    expect(m.verdicts.map((v) => [v.judge, v.runs?.length])).toEqual([
      ['claude-t', 2],
      ['codex-t', 2],
    ]);
    const calls = await readCalls(dir);
    const judge = calls.find((c) => c.kind === 'evaluate' && c.participant === 'codex-t')!;
    expect(judge.trace?.files.read).toEqual(['skill-a/SKILL.md', 'skill-b/SKILL.md']);
    expect(judge.trace?.files.written).toEqual(['evaluation.md']);
    expect(judge.prompt).not.toMatch(/claude-t|codex-t/);
    const writer = calls.find((c) => c.kind === 'generate' && c.participant === 'claude-t')!;
    expect(writer.trace).toMatchObject({
      agent: { name: 'claude-code' },
      skills: ['writing-agent-skills'],
      web: false,
      files: { read: ['source.md'] },
      costFrom: 'agent',
    });
    expect(writer.trace?.tools).not.toContain('Bash');
    // Codex reports tokens only: its cost is priced from the table
    const codex = calls.find((c) => c.kind === 'generate' && c.participant === 'codex-t')!;
    expect(codex.trace?.costFrom).toBe('prices');
    // its system prompt's text, as Codex's own record of the thread holds it
    expect(codex.trace?.systemPrompt?.length).toBeGreaterThan(1000);
    expect(codex.trace?.systemPrompt).toMatch(/Codex/);
    expect(codex.cost).toBeCloseTo((codex.usage!.input * 1 + codex.usage!.output * 4) / 1e6);
    expect(api.stray).toEqual([]);
    expect(await filesWithKeys(dir)).toEqual([]);
    // a rerun makes no call
    const before = api.received.length;
    const again = await run(dir, api);
    expect([again.totals.made, again.totals.reused, api.received.length]).toEqual([0, 6, before]);
  });

  it('reads a judge’s decision from its evaluation.md when it gives none in the schema', async () => {
    const { api, dir } = await setup({ noSchema: ['claude-t', 'codex-t'] });
    const result = await run(dir, api);
    expect(result.failures).toEqual([]);
    const m = await readManifest(dir);
    // each judge wrote "Winner: Skill A", which is a different skill in each order
    for (const v of m.verdicts) {
      expect(v.runs?.map((r) => r.winner)).toEqual(v.runs?.map((r) => r.labels!['Skill A']));
      expect(v.consistent).toBe(false);
    }
  });

  it('refuses a write outside the workspace and reports it in the trace and on the page', async () => {
    const { api, content, dir } = await setup({ escape: ['claude-t', 'codex-t'] });
    const result = await run(dir, api, { stages: ['generate'], prices: {} });
    expect(result.failures).toEqual([]);
    const tmp = path.dirname(await tempDir());
    const calls = await readCalls(dir);
    for (const id of ['claude-t', 'codex-t']) {
      expect(existsSync(path.join(tmp, `escaped-${id}.md`))).toBe(false);
      const trace = calls.find((c) => c.participant === id)?.trace;
      expect(trace?.files.written).not.toContainEqual(expect.stringContaining('escaped'));
      // in Codex's trace whether or not its event stream reported the denied command (mostly it
      // does not: the refusal is then read from Codex's own record of the thread, codex-rollout.ts)
      expect(trace?.refused.join(' ')).toContain(`escaped-${id}.md`);
    }
    // in the order Codex ran them: the source read, the write refused, the skill written
    const codex = calls.find((c) => c.participant === 'codex-t')!.trace!;
    expect(codex.commands.map((c) => [/escaped/.test(c.command), c.exitCode])).toEqual([
      [false, 0],
      [true, 1],
      [false, 0],
    ]);
    const root = await tempDir('crossjudge-agents-site-');
    const out = path.join(root, 'dist');
    await buildSite(content, out, path.join(root, 'cache'));
    const html = await fs.readFile(path.join(out, 'experiments/agents/index.html'), 'utf8');
    for (const id of ['claude-t', 'codex-t']) {
      const shown = html.split('data-participant=').find((s) => s.startsWith(`"${id}"`)) ?? '';
      expect(shown.match(/<dd class="refused"[^>]*>([\s\S]*?)<\/dd>/)?.[1]).toContain(
        `escaped-${id}.md`,
      );
    }
  });

  it.skipIf(!HAS_SANDBOX)(
    'runs Claude Code’s Bash in its sandbox: a write in the workspace works, one outside is refused',
    async () => {
      const { api, dir } = await setup({ escape: ['claude-t'], bash: ['claude-t'] });
      await allowBash(dir, 'claude-t');
      const result = await run(dir, api, { stages: ['generate'], prices: {} });
      expect(result.failures).toEqual([]);
      const tmp = path.dirname(await tempDir());
      expect(existsSync(path.join(tmp, 'escaped-claude-t.md'))).toBe(false);
      const trace = (await readCalls(dir)).find((c) => c.participant === 'claude-t')!.trace!;
      expect(trace.tools).toContain('Bash');
      expect(trace.files.written).toContain(BASH_FILE);
      expect(trace.files.written).not.toContainEqual(expect.stringContaining('escaped'));
      // in the order it ran them: the write outside refused (it ran, in the sandbox, and failed:
      // not stopped before by the permission check), the write inside made
      // (the workspace's random path left out)
      expect(trace.commands).toEqual([
        { command: 'echo out > ../escaped-claude-t.md', exitCode: 1 },
        { command: `echo in > ${BASH_FILE}`, exitCode: 0 },
      ]);
      expect(trace.refused).toEqual(['Bash echo out > ../escaped-claude-t.md']);
      expect(api.stray).toEqual([]);
    },
  );

  it('searches and reads the web when it is on, and records what it read', async () => {
    // Claude Code with Bash too: its web tools run outside the sandbox that keeps Bash offline
    const { api, dir } = await setup({ bash: HAS_SANDBOX ? ['claude-t'] : [] }, 'web: true\n');
    if (HAS_SANDBOX) await allowBash(dir, 'claude-t');
    const result = await run(dir, api, { stages: ['generate'], prices: {} });
    expect(result.failures).toEqual([]);
    const calls = await readCalls(dir);
    const claude = calls.find((c) => c.participant === 'claude-t')!.trace!;
    expect(claude.web).toBe(true);
    expect(claude.searches[0]?.query).toBe('note author interview');
    expect(claude.reads[0]).toMatchObject({ url: expect.stringMatching(/\/page\/interview$/) });
    expect(claude.reads[0].text).toContain('a kindness to the reviewer');
    if (HAS_SANDBOX) expect(claude.files.written).toContain(BASH_FILE);
    const codex = calls.find((c) => c.participant === 'codex-t')!.trace!;
    expect(codex.searches.map((s) => s.query)).toEqual(['note author interview']);
    expect(codex.reads[0]?.text).toContain('a kindness to the reviewer');
  });

  it('stops before --max-cost would be passed, and the dry run estimates agent calls', async () => {
    const { api, dir } = await setup();
    const planned = await planRun(dir, ['generate', 'evaluate'], PRICES, env(api));
    const codex = planned.find((c) => c.spec.participant === 'codex-t')!;
    // an agent's context goes back on every turn: far more than its prompt
    expect(codex.inputTokens).toBeGreaterThan(codex.spec.prompt.length);
    expect(codex.inputCost).toBeGreaterThan(0);
    const result = await run(dir, api, { maxCost: 0.0001, concurrency: 1 });
    expect(result.totals.made).toBe(1); // Claude Code has no price in the table: not counted before
    expect(result.failures[0].error).toMatch(/not made: --max-cost/);
    expect(api.received.filter((r) => r.model === 'codex-t')).toEqual([]);
  });

  it('resumes after a crash mid-run with no stored call made again', async () => {
    const { api, content, dir } = await setup();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts/experiment.ts'), 'agents', '--concurrency', '1'],
      {
        cwd: ROOT,
        env: { ...process.env, ...env(api), CROSSJUDGE_CONTENT: content },
        detached: true,
      },
    );
    const callsDir = path.join(dir, 'runs/calls');
    while (!existsSync(callsDir) || (await fs.readdir(callsDir)).length < 1)
      await new Promise((r) => setTimeout(r, 100));
    process.kill(-child.pid!, 'SIGKILL'); // the runner and its agent, mid-run
    await new Promise((r) => child.on('close', r));
    const stored = await readCalls(dir);
    const firstRequests = () =>
      api.received.filter((r) => r.kind === 'generate' && r.step === 0).map((r) => r.model);
    const startedBefore = firstRequests();
    const result = await run(dir, api);
    expect(result.failures).toEqual([]);
    expect(result.totals.reused).toBeGreaterThanOrEqual(stored.length);
    // the stored writer did not write again
    const storedWriters = stored.filter((c) => c.kind === 'generate').map((c) => c.participant);
    for (const id of storedWriters)
      expect(firstRequests().filter((m) => m === id).length).toBe(
        startedBefore.filter((m) => m === id).length,
      );
    expect((await readManifest(dir)).verdicts).toHaveLength(2);
  });

  it('shows a compact trace per model on the page and in its JSON twin', async () => {
    const { api, content, dir } = await setup({}, 'web: true\n');
    expect((await run(dir, api)).failures).toEqual([]);
    const root = await tempDir('crossjudge-agents-site-');
    const out = path.join(root, 'dist');
    await buildSite(content, out, path.join(root, 'cache'));
    const html = await fs.readFile(path.join(out, 'experiments/agents/index.html'), 'utf8');
    expect(html).toContain('What each agent did');
    expect(html).toMatch(/claude-t in Claude Code \d+\.\d+/);
    expect(html).toContain('note author interview');
    expect(html).toContain('context/skills/writing-agent-skills');
    const json = JSON.parse(
      await fs.readFile(path.join(out, 'experiments/agents.json'), 'utf8'),
    ) as { agentTraces: { participant: string; searches: unknown[]; pagesRead: string[] }[] };
    const codex = json.agentTraces.find((t) => t.participant === 'codex-t')!;
    expect(codex.searches).toHaveLength(1);
    expect(codex.pagesRead[0]).toMatch(/\/page\/interview$/);
    // the quote a skill gives the author is not in the source, but in the page its model read
    expect(html).toMatch(
      /found in https?:\/\/127\.0\.0\.1:\d+\/page\/interview, which codex-t read/,
    );
    expect(html).not.toContain('Not in the source');
    expect(await filesWithKeys(out)).toEqual([]);
  });
});
