// API participants with the web on: the providers' own web tools through the same SDKs, every
// search and page read recorded with the call, and the web part of the call's key.
import { afterEach, describe, expect, it } from 'vitest';
import { startModelApi, WEB_PAGE, type ModelApiDouble } from './doubles/model-api.ts';
import { runEnv } from './support/runner-setup.ts';
import { tempDir, writeTree } from './support/helpers.ts';
import { readCalls } from '../src/lib/content/experiment.ts';
import { runExperiment } from '../src/lib/runner/run.ts';

const opened: ModelApiDouble[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((a) => a.close()));
});

async function runWith(web: string) {
  const api = await startModelApi();
  opened.push(api);
  const dir = await tempDir();
  await writeTree(dir, {
    'source.md': '# Note\n\nTest first.\n',
    'experiment.yaml': `title: Web
date: 2026-03-01
provenance: { kind: run }
prompts:
  generation: "Write a skill from this note. {source}"
participants:
  - { id: gpt-test, model: gpt-test, provider: openai${web} }
  - { id: claude-test, model: claude-test, provider: anthropic${web} }
`,
  });
  const result = await runExperiment({
    dir,
    stages: ['generate'],
    concurrency: 2,
    env: runEnv(api.url),
    prices: {},
  });
  return { result, calls: await readCalls(dir) };
}

describe('API participants with the web', () => {
  it('search (and, with Anthropic, read) through the providers’ tools, recorded with the call', async () => {
    const { result, calls } = await runWith(', web: true');
    expect(result.failures).toEqual([]);
    const gpt = calls.find((c) => c.participant === 'gpt-test')!.trace!;
    expect(gpt.searches).toEqual([{ query: 'author interview', urls: [WEB_PAGE.url] }]);
    expect(gpt.reads).toEqual([]);
    const claude = calls.find((c) => c.participant === 'claude-test')!.trace!;
    expect(claude.searches).toEqual([{ query: 'author interview', urls: [WEB_PAGE.url] }]);
    expect(claude.reads).toEqual([WEB_PAGE]);
    expect(claude.toolsUsed).toEqual({ web_search: 1, web_fetch: 1 });
  });

  it('are off by default: no trace, and the calls keyed apart from those with the web', async () => {
    const on = await runWith(', web: true');
    const off = await runWith('');
    expect(off.calls.every((c) => c.trace === undefined)).toBe(true);
    const keys = (r: typeof on) => r.calls.map((c) => c.key).sort();
    expect(keys(on)).not.toEqual(keys(off));
  });
});
