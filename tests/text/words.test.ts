// The tokenizer every reader shares: words with offsets, apostrophes, stems, counts.
import { describe, expect, it } from 'vitest';
import { countWords, isFunctionWord, stem, wordList, words } from '../../src/lib/text/words.ts';

describe('words', () => {
  it('are runs of letters and digits, lowercase, with their offsets', () => {
    expect(words('GPT-4o_mini, naïve!')).toEqual([
      { word: 'gpt', start: 0, end: 3 },
      { word: '4o', start: 4, end: 6 },
      { word: 'mini', start: 7, end: 11 },
      { word: 'naïve', start: 13, end: 18 },
    ]);
  });

  it('split at an apostrophe, or drop it when asked', () => {
    expect(wordList("Opus's don't")).toEqual(['opus', 's', 'don', 't']);
    expect(wordList("Opus's don’t", { joinApostrophes: true })).toEqual(['opuss', 'dont']);
    expect(wordList("it's", { joinApostrophes: true })).toEqual(wordList('its'));
  });

  it('count as wc -w counts them', () => {
    expect(countWords('gpt-5-tidy-tests is  the one\n')).toBe(4);
    expect(countWords('')).toBe(0);
  });

  it('stem, leaving numbers as they are', () => {
    expect(stem('guidelines')).toBe(stem('guideline'));
    expect(stem('coding')).toBe('code');
    expect(stem('4o')).toBe('4o');
  });

  it('tell function words from the others', () => {
    expect(['the', 'of', 'with', 'its'].map(isFunctionWord)).toEqual([true, true, true, true]);
    expect(['rules', 'workflow'].map(isFunctionWord)).toEqual([false, false]);
  });
});
