// The sentence splitter every reader shares: where sentences end, and where they do not.
import { describe, expect, it } from 'vitest';
import { sentences } from '../../src/lib/text/sentences.ts';

const texts = (text: string) => sentences(text).map((s) => s.text);

describe('sentences', () => {
  const cases: [string, string, string[]][] = [
    [
      'after a full stop',
      'Opus is longer. Codex is terse.',
      ['Opus is longer.', 'Codex is terse.'],
    ],
    ['after ! and ?', 'Is it? Yes! Fine.', ['Is it?', 'Yes!', 'Fine.']],
    [
      'after a closing quote',
      'It says "stop." Then it goes on.',
      ['It says "stop."', 'Then it goes on.'],
    ],
    [
      'not after an abbreviation',
      'Use e.g. the guide. Then stop.',
      ['Use e.g. the guide.', 'Then stop.'],
    ],
    ['not after "approx."', 'It is approx. 80 lines long.', ['It is approx. 80 lines long.']],
    ['not before a lowercase comma run', 'Version 2.5 is out.', ['Version 2.5 is out.']],
    ['at a line break after a colon', 'Verdict:\nOpus wins', ['Verdict:', 'Opus wins']],
    ['before a label line', 'Some notes\nWinner: Opus', ['Some notes', 'Winner: Opus']],
    ['before a list item', 'Two points\n- one\n- two', ['Two points', '- one', '- two']],
    ['not at a soft line break', 'a sentence that\ngoes on', ['a sentence that\ngoes on']],
    ['at a blank line', 'One\n\nTwo', ['One', 'Two']],
    ['at a blank line after an abbreviation', 'See etc.\n\nNext', ['See etc.', 'Next']],
  ];
  for (const [name, text, expected] of cases) it(name, () => expect(texts(text)).toEqual(expected));

  it('gives where each sentence stands, white space left out', () => {
    const text = '  First one.  Second one. ';
    for (const s of sentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences(text).map((s) => s.start)).toEqual([2, 14]);
  });
});
