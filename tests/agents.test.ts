// Agent participants without the agents: how a skill is found in a workspace, what a call's key
// covers, what a definition may leave out, what a shell command reads, how a missing SDK is named.
import { describe, expect, it } from 'vitest';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { collectSkill, makeWorkspace } from '../src/lib/agents/workspace.ts';
import { filesReadBy } from '../src/lib/agents/codex.ts';
import {
  MAX_INSTRUCTIONS,
  baseInstructions,
  unreportedCommands,
} from '../src/lib/agents/codex-rollout.ts';
import { INSTALL_AGENTS, checkAgents, missingAgent } from '../src/lib/agents/load.ts';
import { INSTALL_SANDBOX, missingSandboxPackages } from '../src/lib/agents/sandbox.ts';
import { checkDefinition, evaluationCalls, generationCalls } from '../src/lib/runner/plan.ts';
import { ManifestSchema, type Manifest } from '../src/lib/content/schema.ts';
import { runExperiment } from '../src/lib/runner/run.ts';
import { HAS_AGENTS } from './support/agents.ts';
import { tempDir, writeTree } from './support/helpers.ts';

const SKILL = (name: string) => `---\nname: ${name}\ndescription: d\n---\n\nBody.\n`;

async function workspace(files: Record<string, string>) {
  return makeWorkspace(
    Object.entries(files).map(([p, content]) => ({ path: p, content })),
    [{ name: 'given', files: [{ path: 'SKILL.md', content: SKILL('given') }] }],
    '.claude/skills',
  );
}

describe('the skill an agent wrote', () => {
  it('is the folder the prompt names, among several', async () => {
    const ws = await workspace({
      'skills/a/SKILL.md': SKILL('a'),
      'skills/b/SKILL.md': SKILL('b'),
      'skills/b/x.md': 'x',
    });
    expect(await collectSkill(ws, 'Write it in skills/b/.')).toEqual([
      { path: 'SKILL.md', content: SKILL('b') },
      { path: 'x.md', content: 'x' },
    ]);
  });

  it('is the one folder with a SKILL.md when the prompt names none; the context skill is not it', async () => {
    const ws = await workspace({ 'source.md': 's', 'out/mine/SKILL.md': SKILL('mine') });
    expect(await collectSkill(ws, 'Write a skill.')).toEqual([
      { path: 'SKILL.md', content: SKILL('mine') },
    ]);
  });

  it('is a problem when there is none, or several and the prompt names none', async () => {
    expect(await collectSkill(await workspace({ 'source.md': 's' }), 'p')).toEqual({
      problem: 'the agent wrote no SKILL.md in its workspace',
    });
    const two = await workspace({ 'a/SKILL.md': SKILL('a'), 'b/SKILL.md': SKILL('b') });
    expect(await collectSkill(two, 'p')).toEqual({
      problem: 'the agent wrote 2 folders with a SKILL.md (a, b) and the prompt names none of them',
    });
  });

  it('never follows a link the agent left in it', async () => {
    const ws = await workspace({ 'skills/a/SKILL.md': SKILL('a') });
    await fs.symlink('/etc/passwd', path.join(ws, 'skills/a/passwd.md'));
    const files = await collectSkill(ws, 'skills/a');
    expect(Array.isArray(files) && files.map((f) => f.path)).toEqual(['SKILL.md']);
  });
});

const manifest = (extra: object = {}): Manifest =>
  ManifestSchema.parse({
    title: 't',
    date: '2026-01-01',
    provenance: { kind: 'run' },
    prompts: { generation: 'Write a skill from source.md.', evaluation: 'Judge {skills}' },
    participants: [
      { id: 'c', model: 'c', provider: 'claude-code' },
      { id: 'x', model: 'x', provider: 'codex' },
    ],
    ...extra,
  });

describe('an agent call', () => {
  const skill = { name: 's', files: [{ path: 'SKILL.md', content: SKILL('s') }] };
  const key = (m: Manifest, context = { skills: [skill], files: [] }) =>
    generationCalls(m, 'source', context)[0].key;

  it('is keyed by its tool settings and its context skills’ contents, not only its prompt', () => {
    const m = manifest();
    const other = { name: 's', files: [{ path: 'SKILL.md', content: SKILL('s') + 'more' }] };
    expect(
      new Set([key(m), key(manifest({ web: true })), key(m, { skills: [other], files: [] })]).size,
    ).toBe(3);
    expect(key(m)).toBe(key(manifest()));
  });

  it('shows a judge the blinded skills as folders and names no model in its prompt', () => {
    const skills = new Map([
      ['c', [{ path: 'SKILL.md', content: SKILL('c-skill') }]],
      ['x', [{ path: 'SKILL.md', content: SKILL('x-skill') }]],
    ]);
    const [call] = evaluationCalls(manifest(), 'source', skills);
    expect(call.prompt).toContain('Skill A: the folder skill-a/');
    expect(call.agent!.files.map((f) => f.path)).toEqual([
      'source.md',
      'skill-a/SKILL.md',
      'skill-b/SKILL.md',
    ]);
    expect(call.agent!.files[1].content).toContain('skill-a-skill');
  });

  it('needs no {source} in the prompt when every participant is an agent', () => {
    expect(() => checkDefinition(manifest(), 'e.yaml', ['generate'])).not.toThrow();
    const mixed = manifest({
      participants: [
        { id: 'c', model: 'c', provider: 'claude-code' },
        { id: 'o', model: 'o', provider: 'openai' },
      ],
    });
    expect(() => checkDefinition(mixed, 'e.yaml', ['generate'])).toThrow(/must contain \{source\}/);
  });
});

describe('a definition with agent settings', () => {
  it('gives Bash to Claude Code only, and the web to no openai-compatible server', () => {
    const m = manifest({
      participants: [
        { id: 'x', model: 'x', provider: 'codex', bash: true },
        {
          id: 'l',
          model: 'l',
          provider: 'openai-compatible',
          baseURL: 'http://127.0.0.1:1/v1',
          web: true,
        },
      ],
    });
    expect(() => checkDefinition(m, 'e.yaml', ['generate'])).toThrow(
      /participants\.0\.bash: only for provider claude-code[\s\S]*participants\.1\.web: an openai-compatible server has no web tools/,
    );
  });
});

describe('what a Codex shell command reads', () => {
  it('names the files of cat, head and sed, not a redirect or a here-document', () => {
    expect(filesReadBy("/bin/bash -lc 'cat source.md notes/a.md'")).toEqual([
      'source.md',
      'notes/a.md',
    ]);
    expect(filesReadBy('/bin/bash -lc "sed -n \'1,80p\' SKILL.md | head -5"')).toEqual([
      'SKILL.md',
    ]);
    expect(filesReadBy('/bin/bash -lc "cat > out.md <<\'EOF\'\nname: x\nEOF"')).toEqual([]);
  });
});

describe('the shell commands of a Codex rollout that no event reported', () => {
  const line = (type: string, payload: object) => JSON.stringify({ type, payload });
  const call = (id: string, cmd: string) =>
    line('response_item', {
      type: 'function_call',
      name: 'exec_command',
      arguments: JSON.stringify({ cmd }),
      call_id: id,
    });
  const answer = (id: string, code: number | null, output: string) =>
    line('response_item', {
      type: 'function_call_output',
      call_id: id,
      output: `Chunk ID: 1\nWall time: 0.0000 seconds\n${code === null ? '' : `Process exited with code ${code}\n`}Output:\n${output}`,
    });
  const ended = (id: string) =>
    line('event_msg', { type: 'item_completed', item: { type: 'CommandExecution', id } });

  it('are the calls answered without a command event, in their place, with exit code and output', () => {
    const rollout = [
      call('call_1', 'cat source.md'),
      ended('call_1'),
      answer('call_1', 0, '# note\n'),
      call('call_2', 'echo out > ../escaped.md'),
      answer('call_2', 1, '/bin/bash: line 1: ../escaped.md: Read-only file system\n'),
      call('call_3', 'rm -rf /'),
      answer('call_3', null, 'rejected'),
      call('call_4', 'sleep 1'), // no answer: the thread ended before it
      'not json',
      line('event_msg', { type: 'exec_command_end', call_id: 'call_5' }),
      call('call_5', 'ls'),
      answer('call_5', 0, ''),
    ].join('\n');
    expect(unreportedCommands(rollout)).toEqual([
      {
        at: 1,
        command: 'echo out > ../escaped.md',
        exitCode: 1,
        output: '/bin/bash: line 1: ../escaped.md: Read-only file system\n',
      },
      { at: 2, command: 'rm -rf /', exitCode: null, output: 'rejected' },
    ]);
  });

  it('are none in an empty or foreign file', () => {
    expect(unreportedCommands('')).toEqual([]);
    expect(unreportedCommands('[1,2]\n{"payload":"x"}\nnull')).toEqual([]);
  });
});

/** A folder holding executables of these names, to stand for a PATH. */
async function pathWith(...programs: string[]): Promise<string> {
  const dir = await tempDir();
  for (const p of programs) await fs.writeFile(path.join(dir, p), '#!/bin/sh\n', { mode: 0o755 });
  return dir;
}

describe('Claude Code’s Bash sandbox', () => {
  it('needs bubblewrap and socat on Linux, nothing elsewhere', async () => {
    expect(missingSandboxPackages(await pathWith(), 'linux')).toEqual(['bubblewrap', 'socat']);
    expect(missingSandboxPackages(await pathWith('bwrap'), 'linux')).toEqual(['socat']);
    expect(missingSandboxPackages(await pathWith('bwrap', 'socat'), 'linux')).toEqual([]);
    expect(missingSandboxPackages(await pathWith(), 'darwin')).toEqual([]);
  });

  it.skipIf(process.platform !== 'linux')(
    'stops a run allowing Bash without them, in one line naming the participant and the install command',
    async () => {
      const none = await pathWith();
      const allowing = [
        { id: 'plain', provider: 'claude-code' as const },
        { id: 'shell', provider: 'claude-code' as const, bash: true },
      ];
      let message = '';
      try {
        checkAgents(allowing, none);
      } catch (err) {
        message = (err as Error).message;
      }
      const line = message.split('\n').find((l) => l.includes('sandbox'));
      expect(line).toMatch(/^participant shell: bash: true .* needs bubblewrap and socat/);
      expect(line).toContain(`Install them with: ${INSTALL_SANDBOX}`);
      expect(line).not.toContain('plain');
      expect(INSTALL_SANDBOX).toBe('apt-get install bubblewrap socat');
      // without a participant allowing Bash, the sandbox is not asked for
      expect(() => checkAgents(allowing.slice(0, 1), none)).not.toThrow(/sandbox/);
    },
  );

  it('is installed by .ci/run', async () => {
    const ci = await fs.readFile(path.resolve(import.meta.dirname, '../.ci/run'), 'utf8');
    expect(ci).toMatch(/apt-get install -y -qq bubblewrap socat/);
  });
});

describe('the agent SDKs', () => {
  it.skipIf(HAS_AGENTS)('stop a run before any call when missing, naming the command', async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      'source.md': 'note',
      'experiment.yaml':
        'title: t\ndate: 2026-01-01\nprovenance: { kind: run }\nprompts: { generation: "Write a skill." }\nparticipants:\n  - { id: x, model: x, provider: codex }\n',
    });
    await expect(
      runExperiment({
        dir,
        stages: ['generate'],
        concurrency: 1,
        env: { OPENAI_API_KEY: 'k' },
        prices: {},
      }),
    ).rejects.toThrow(
      /needs @openai\/codex-sdk, which is not installed[\s\S]*npm install --no-save @openai\/codex-sdk@/,
    );
    expect(existsSync(path.join(dir, 'runs'))).toBe(false);
  });

  it('name the command that installs them when missing, and .ci/run runs that command', async () => {
    expect(missingAgent('codex')).toContain('npm install --no-save @openai/codex-sdk@');
    const ci = await fs.readFile(path.resolve(import.meta.dirname, '../.ci/run'), 'utf8');
    expect(ci).toContain(
      INSTALL_AGENTS.replace('npm install --no-save', 'npm install --no-save --no-audit --no-fund'),
    );
  });
});

describe("Codex's system prompt, from its rollout file", () => {
  const meta = (payload: unknown) => JSON.stringify({ type: 'session_meta', payload });
  it('is the base instructions of the session, first line', () => {
    const rollout = [meta({ id: 't', base_instructions: { text: 'You are Codex.' } }), '{}'];
    expect(baseInstructions(rollout.join('\n'))).toBe('You are Codex.');
  });
  it('is none in a file without them, broken, or with them elsewhere than the first line', () => {
    expect(baseInstructions('')).toBeNull();
    expect(baseInstructions('not json')).toBeNull();
    expect(baseInstructions(meta({ base_instructions: { text: 42 } }))).toBeNull();
    expect(baseInstructions(meta({ base_instructions: 'You are Codex.' }))).toBeNull();
    expect(baseInstructions(`{}\n${meta({ base_instructions: { text: 'x' } })}`)).toBeNull();
  });
  it('is kept to a bounded size', () => {
    const text = 'x'.repeat(MAX_INSTRUCTIONS + 10);
    expect(baseInstructions(meta({ base_instructions: { text } }))).toHaveLength(MAX_INSTRUCTIONS);
  });
});
