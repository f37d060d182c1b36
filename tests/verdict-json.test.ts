// The JSON judgment reader (reading/verdict/json.ts): structure before prose.
import { describe, expect, it } from 'vitest';
import { NameIndex } from '../src/lib/text/names.ts';
import { jsonVerdict, withoutJson } from '../src/lib/reading/verdict/json.ts';
import { readVerdict } from '../src/lib/reading/verdict/index.ts';

const named = [
  { id: 'opus', aliases: ['opus', 'Entry 1'] },
  { id: 'gemini', aliases: ['gemini', 'Entry 2'] },
  { id: 'qwen', aliases: ['qwen', 'Entry 3'] },
];
const index = new NameIndex(named);
const reasoning =
  'Entry 1 takes the top spot for its taxonomy, while Entry 2 offers the best usability of the three.';

const cases: { name: string; text: string; winner: string | null; ranking?: string[] }[] = [
  {
    name: 'ranks, with prose that praises another',
    text: JSON.stringify({
      rankings: [
        { entry: 'Entry 2', rank: 2 },
        { entry: 'Entry 1', rank: 1 },
        { entry: 'Entry 3', rank: 3 },
      ],
      reasoning,
    }),
    winner: 'opus',
    ranking: ['opus', 'gemini', 'qwen'],
  },
  {
    name: 'scores only',
    text: JSON.stringify({ scores: { qwen: 7, gemini: 9.1, opus: 8 } }),
    winner: 'gemini',
    ranking: ['gemini', 'opus', 'qwen'],
  },
  {
    name: 'a tie at the top',
    text: JSON.stringify({ scores: { qwen: 9, gemini: 9, opus: 8 } }),
    winner: null,
  },
  {
    name: 'a winner field that is not the ranking first',
    text: JSON.stringify({ winner: 'qwen', ranking: ['opus', 'gemini', 'qwen'] }),
    winner: null,
  },
  {
    name: 'fenced in markdown',
    text: `# Judgment\n\nSome words.\n\n\`\`\`json\n${JSON.stringify({ winner: 'gemini' })}\n\`\`\`\n`,
    winner: 'gemini',
  },
];

describe('a JSON judgment', () => {
  it.each(cases)('$name', ({ text, winner, ranking }) => {
    const v = jsonVerdict(text, index);
    expect(v?.winner).toBe(winner);
    expect(v?.ranking).toEqual(ranking);
    expect(readVerdict(text, named).winner).toBe(winner);
  });

  it('is no JSON judgment when the text holds no JSON', () => {
    expect(jsonVerdict('I prefer gemini.', index)).toBeNull();
  });

  it('reads as prose without its keys and short values', () => {
    const text = JSON.stringify({
      judge: 'claude-opus-4-6',
      criteria: ['fidelity to the talk'],
      reasoning,
    });
    expect(withoutJson(text)).toBe(reasoning);
  });
});

describe('a ranking line with numbered places', () => {
  it.each([
    ['Ranking: 1. Gemini  2. Opus  3. Qwen', 'gemini'],
    ['Ranking: 1) qwen 2) opus', 'qwen'],
  ])('%s', (line, winner) => {
    const text = `Opus explains the reasoning best.\n\n${line}\n`;
    expect(readVerdict(text, named).winner).toBe(winner);
  });
});
