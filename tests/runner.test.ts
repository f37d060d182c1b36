import { describe, expect, it } from 'vitest';
import { blindFiles, presentationOrders, skillProblem, fill } from '../src/lib/runner/prompts.ts';
import { callKey, checkDefinition, evaluationCalls } from '../src/lib/runner/plan.ts';
import { checkKeys } from '../src/lib/providers/index.ts';
import { costOf } from '../src/lib/content/prices.ts';
import { parseManifest } from '../src/lib/content/experiment.ts';
import type { Participant } from '../src/lib/content/schema.ts';

const manifestYaml = (participants: string, extra = '') => `title: T
date: 2026-01-01
provenance: { kind: run }
prompts:
  generation: "Write {skill_name} from {source}"
  evaluation: "Judge {count}: {skills}"
participants:
${participants}
${extra}`;

describe('presentation orders', () => {
  it('puts every skill in every position once when swapping, the same way for the same seed', () => {
    const orders = presentationOrders(['a', 'b', 'c'], 5, true);
    expect(orders).toHaveLength(3);
    for (let pos = 0; pos < 3; pos++)
      expect(new Set(orders.map((o) => o[pos]))).toEqual(new Set(['a', 'b', 'c']));
    expect(presentationOrders(['a', 'b', 'c'], 5, true)).toEqual(orders);
    expect(presentationOrders(['a', 'b', 'c'], 5, false)).toEqual([orders[0]]);
  });
});

describe('blinding', () => {
  const participants: Participant[] = [
    { id: 'gpt-5', model: 'gpt-5', label: 'GPT-5' },
    { id: 'claude-opus-4-6', model: 'claude-opus-4-6', label: 'Claude Opus 4.6' },
  ];
  it('removes model names from paths, the front-matter name and the text', () => {
    const labels = new Map([
      ['gpt-5', 'Skill B'],
      ['claude-opus-4-6', 'Skill A'],
    ]);
    const [skill] = blindFiles(
      [
        {
          path: 'notes/gpt-5.md',
          content:
            '---\nname: gpt-5-tidy\ndescription: By GPT-5.\n---\n\nWritten by GPT 5, unlike Claude Opus 4.6. gpt-50 is another thing.\n',
        },
      ],
      labels,
      participants,
    );
    expect(skill.path).toBe('notes/skill-b.md');
    expect(skill.content).toContain('name: skill-b-tidy');
    expect(skill.content).toContain('Written by Skill B, unlike Skill A.');
    expect(skill.content).toContain('gpt-50 is another thing');
    expect(skill.content).not.toMatch(/gpt[- ]5\b|opus/i);
  });

  it('shows judges no model name in a blind evaluation prompt', () => {
    const m = parseManifest(
      manifestYaml(
        '  - { id: gpt-5, model: gpt-5, provider: openai }\n  - { id: claude-opus-4-6, model: claude-opus-4-6, provider: anthropic }',
      ),
      'x.yaml',
    );
    const skills = new Map([
      [
        'gpt-5',
        [{ path: 'SKILL.md', content: '---\nname: gpt-5-s\ndescription: d\n---\nI am gpt-5.' }],
      ],
      [
        'claude-opus-4-6',
        [
          {
            path: 'SKILL.md',
            content: '---\nname: claude-opus-4-6-s\ndescription: d\n---\nI am claude-opus-4-6.',
          },
        ],
      ],
    ]);
    const calls = evaluationCalls(m, 'src', skills);
    expect(calls).toHaveLength(4); // 2 judges x 2 orders
    for (const c of calls) {
      expect(c.prompt).not.toMatch(/gpt|claude|opus/i);
      expect(Object.values(c.labels!).sort()).toEqual(['claude-opus-4-6', 'gpt-5']);
    }
    expect(calls[0].labels).not.toEqual(calls[1].labels); // the other order
  });
});

describe('generated skills', () => {
  const ok = { path: 'SKILL.md', content: '---\nname: x\ndescription: y\n---\nBody' };
  it.each([
    [[ok], null],
    [[ok, { path: '../evil.md', content: '' }], /unsafe path/],
    [[ok, { path: '/etc/passwd', content: '' }], /unsafe path/],
    [[{ path: 'README.md', content: 'x' }], /no SKILL\.md/],
    [[{ path: 'SKILL.md', content: 'no front matter' }], /name and description/],
    [[ok, { path: 'big.md', content: 'x'.repeat(100_001) }], /more than/],
    [[ok, ok], /twice/],
  ])('checks %#', (files, problem) => {
    const result = skillProblem(files);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toMatch(problem);
  });
});

describe('the definition', () => {
  it('names the file, the field and what is allowed', () => {
    expect(() =>
      parseManifest(
        manifestYaml('  - { id: a, model: m, provider: openia }'),
        'exp/experiment.yaml',
      ),
    ).toThrow(/exp\/experiment\.yaml[\s\S]*participants\.0\.provider[\s\S]*openai/);
    expect(() =>
      parseManifest(
        manifestYaml('  - { id: a, model: m, provider: openai, params: { temprature: 1 } }'),
        'e.yaml',
      ),
    ).toThrow(/participants\.0\.params[\s\S]*temprature/);
  });

  it('asks for what a run needs', () => {
    const m = parseManifest(
      manifestYaml(
        '  - { id: a, model: m }\n  - { id: b, model: m, provider: openai-compatible }',
        'judging: { judges: [c] }',
      ),
      'e.yaml',
    );
    expect(() => checkDefinition(m, 'e.yaml', ['generate', 'evaluate'])).toThrow(
      /participants\.0\.provider[\s\S]*participants\.1\.baseURL[\s\S]*judging\.judges\.0/,
    );
  });

  it('reports every missing key by its variable before any call', () => {
    const ps: Participant[] = [
      { id: 'a', model: 'm', provider: 'openai' },
      { id: 'b', model: 'n', provider: 'anthropic' },
    ];
    expect(() => checkKeys(ps, { OPENAI_API_KEY: 'x' })).toThrow(
      /ANTHROPIC_API_KEY is not set \(needed for b\)/,
    );
    expect(() => checkKeys(ps, { OPENAI_API_KEY: 'x', ANTHROPIC_API_KEY: 'y' })).not.toThrow();
  });
});

describe('keys and prices', () => {
  it('keys a call by what is sent', () => {
    const spec = {
      kind: 'generate' as const,
      participant: 'a',
      provider: 'openai' as const,
      model: 'm',
      params: {},
      prompt: 'p',
    };
    expect(callKey(spec)).toBe(callKey({ ...spec }));
    expect(callKey(spec)).not.toBe(callKey({ ...spec, prompt: 'p2' }));
    expect(callKey(spec)).not.toBe(callKey({ ...spec, params: { temperature: 1 } }));
  });

  it('prices by exact id or the longest prefix, and knows when it does not know', () => {
    const table = { 'gpt-5': { input: 1, output: 10 }, 'gpt-5-mini': { input: 0.5, output: 2 } };
    expect(costOf(table, 'gpt-5-mini-2025', { input: 1e6, output: 1e6 })).toBe(2.5);
    expect(costOf(table, 'gpt-5-2025', { input: 1e6, output: 0 })).toBe(1);
    expect(costOf(table, 'claude', { input: 1, output: 1 })).toBeNull();
  });

  it('fills templates and leaves unknown placeholders as written', () => {
    expect(fill('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });
});
