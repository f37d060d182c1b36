import { describe, expect, it } from 'vitest';
import { displayModelName } from '../src/lib/text/names.ts';

describe('displayModelName', () => {
  // how people and providers write these model names
  it.each([
    ['codex-5-3', 'Codex 5.3'],
    ['claude-opus-4-6', 'Claude Opus 4.6'],
    ['claude-sonnet-4-5', 'Claude Sonnet 4.5'],
    ['gpt-5', 'GPT-5'],
    ['gpt-5-2', 'GPT-5.2'],
    ['gpt-4o-mini', 'GPT-4o mini'],
    ['gpt-4-1-nano', 'GPT-4.1 nano'],
    ['gemini-2-5-pro', 'Gemini 2.5 Pro'],
    ['gemini-2-5-flash', 'Gemini 2.5 Flash'],
    ['qwen3-8b', 'Qwen3 8b'],
    ['o3-mini', 'o3 mini'],
  ])('%s -> %s', (id, name) => expect(displayModelName(id)).toBe(name));
});
