// The experiment folder module: where each part is (typed locations), and writers that check
// every manifest and call record against the schema before anything is written.
import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  UserError,
  editManifest,
  pathOf,
  readCalls,
  writeCall,
  writeManifest,
} from '../src/lib/content/experiment.ts';
import type { CallRecord } from '../src/lib/content/schema.ts';
import { analyze } from '../src/lib/analysis/analysis.ts';
import { tempDir, writeTree } from './support/helpers.ts';
import { makeExperiment } from './support/experiments.ts';

const MANIFEST = `# kept: a comment a person wrote
title: T
date: 2026-01-01
provenance: { kind: run }
participants:
  - { id: a, model: A }
  - { id: b, model: B }
`;

describe('locations in an experiment folder', () => {
  it('give each text its path, the source by the manifest', () => {
    const m = { source: 'tweet.md' };
    expect(pathOf({ kind: 'source' }, m)).toBe('tweet.md');
    expect(pathOf({ kind: 'skill', participant: 'a', file: 'refs/x.md' }, m)).toBe(
      'skills/a/refs/x.md',
    );
    expect(pathOf({ kind: 'evaluation', judge: 'b' }, m)).toBe('evaluations/b.md');
  });

  it('tell the page where each quote stands and where it was found, without parsing a path', () => {
    const exp = makeExperiment({
      participants: [
        { id: 'a', model: 'A' },
        { id: 'b', model: 'B' },
      ],
      sourceAuthor: 'Jo Writer',
      source: 'Jo Writer says: always read the tests before the code.\n',
      skills: {
        a: {
          'SKILL.md':
            '---\nname: a\ndescription: x\n---\n\nJo Writer says "never merge on a Friday afternoon".\n',
        },
        b: {
          'SKILL.md':
            '---\nname: b\ndescription: x\n---\n\nAs Jo Writer put it, "always read the tests before the code".\n',
        },
      },
    });
    const { quotes } = analyze(exp);
    const by = (file: string) => quotes.find((q) => q.file === file)!;
    expect(by('skills/a/SKILL.md')).toMatchObject({
      at: { kind: 'skill', participant: 'a', file: 'SKILL.md' },
      found: false,
    });
    expect(by('skills/b/SKILL.md')).toMatchObject({
      at: { kind: 'skill', participant: 'b', file: 'SKILL.md' },
      foundAt: { kind: 'source' },
    });
  });
});

describe('writing the manifest', () => {
  it('edits experiment.yaml in place, keeping comments, and refuses an edit the schema rejects', async () => {
    const dir = await tempDir();
    await writeTree(dir, { 'experiment.yaml': MANIFEST });
    const file = path.join(dir, 'experiment.yaml');
    await editManifest(dir, (doc) => doc.set('summary', 'Set by a tool.'));
    const edited = await fs.readFile(file, 'utf8');
    expect(edited).toContain('# kept: a comment a person wrote');
    expect(edited).toContain('summary: Set by a tool.');

    const err = await editManifest(dir, (doc) =>
      doc.set('verdicts', doc.createNode([{ judge: 'zed', winner: null }])),
    ).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toContain(`${file} (as it would be written) is not a valid`);
    expect(err.message).toContain('verdicts.0.judge: "zed" is not a participant');
    expect(await fs.readFile(file, 'utf8')).toBe(edited);
  });

  it('writes a whole manifest only when it is valid', async () => {
    const dir = await tempDir();
    const bad = {
      title: '',
      date: '2026-01-01',
      provenance: { kind: 'run' as const },
      participants: [],
    };
    await expect(writeManifest(dir, bad)).rejects.toThrow(/title: .*\n.*participants/);
    expect(await fs.readdir(dir)).toEqual([]);
  });
});

describe('call records', () => {
  const record = {
    key: 'k1',
    participant: 'a',
    provider: 'openai',
    requested: 'gpt-5',
    params: {},
    prompt: 'p',
    status: 'ok',
    attempts: 1,
    cost: null,
    startedAt: '2026-01-01T00:00:00.000Z',
    ms: 5,
  } as const;

  it('hold the answer of their kind: a judgment, a skill or a verdict read', async () => {
    const dir = await tempDir();
    const judgment = { evaluation: 'E', winner: 'Skill A', reason: 'R' };
    await writeCall(dir, { ...record, kind: 'evaluate', output: judgment });
    const [read] = await readCalls(dir);
    expect(read.kind === 'evaluate' && read.output?.winner).toBe('Skill A');
  });

  it('are refused, naming the file, when the answer is not of their kind', async () => {
    const dir = await tempDir();
    const wrong = { ...record, kind: 'evaluate', output: { files: [] } };
    await writeTree(dir, { 'runs/calls/k1.json': JSON.stringify(wrong) });
    const err = await readCalls(dir).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(
      /runs\/calls\/k1\.json is not a valid call record:\n {2}output\.evaluation/,
    );
    await expect(writeCall(dir, wrong as unknown as CallRecord)).rejects.toThrow(
      /output\.evaluation/,
    );
  });
});
