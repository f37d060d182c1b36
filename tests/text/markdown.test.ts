// The one walk of the markdown tree: the blocks every reader scans, and where prose is not.
import { describe, expect, it } from 'vitest';
import { blocks, lineOf, regions } from '../../src/lib/text/markdown.ts';

const pick = (md: string, keys: string[]) =>
  blocks(md).map((b) => Object.fromEntries(keys.map((k) => [k, b[k as keyof typeof b]])));

describe('markdown blocks', () => {
  it('read headings of every form, each block under the heading above it', () => {
    const md = '# Title\n\nIntro.\n\nSetext\n------\n\n**Bold line**\n\nBody text.\n';
    expect(pick(md, ['kind', 'text', 'depth', 'section', 'bold'])).toEqual([
      { kind: 'heading', text: 'Title', depth: 1, section: '', bold: undefined },
      { kind: 'paragraph', text: 'Intro.', depth: undefined, section: 'Title', bold: undefined },
      { kind: 'heading', text: 'Setext', depth: 2, section: 'Title', bold: undefined },
      { kind: 'heading', text: 'Bold line', depth: 6, section: 'Setext', bold: 'line' },
      {
        kind: 'paragraph',
        text: 'Body text.',
        depth: undefined,
        section: 'Bold line',
        bold: undefined,
      },
    ]);
  });

  it('split a bold lead line from the paragraph it opens', () => {
    const md = 'Intro.\n\n**Bottom line:**\nOpus wins, `clearly`.\n';
    const bs = blocks(md);
    expect(bs.map((b) => [b.kind, b.text, b.bold, b.line])).toEqual([
      ['paragraph', 'Intro.', undefined, 1],
      ['heading', 'Bottom line:', 'lead', 3],
      ['paragraph', 'Opus wins, clearly.', undefined, 4],
    ]);
    expect(bs[2].marked).toEqual([[11, 18]]);
  });

  it('read list items with their list, number and tick; nested blocks follow', () => {
    const md = '3. first\n4. second\n\n- [x] done\n- [ ] open\n  > quoted inside\n';
    expect(pick(md, ['kind', 'text', 'list', 'number', 'checked', 'quoted'])).toEqual([
      { kind: 'item', text: 'first', list: 1, number: 3, checked: undefined, quoted: false },
      { kind: 'item', text: 'second', list: 1, number: 4, checked: undefined, quoted: false },
      { kind: 'item', text: 'done', list: 2, number: undefined, checked: true, quoted: false },
      { kind: 'item', text: 'open', list: 2, number: undefined, checked: false, quoted: false },
      {
        kind: 'paragraph',
        text: 'quoted inside',
        list: undefined,
        number: undefined,
        checked: undefined,
        quoted: true,
      },
    ]);
  });

  it('read table rows with their cells, the header and their place', () => {
    const md = '| Skill | Lines |\n|---|---|\n| **opus** | 86 |\n';
    expect(pick(md, ['text', 'cells', 'header', 'row', 'marked'])).toEqual([
      {
        text: '| Skill | Lines |',
        cells: ['Skill', 'Lines'],
        header: ['Skill', 'Lines'],
        row: 0,
        marked: [],
      },
      {
        text: '| opus | 86 |',
        cells: ['opus', '86'],
        header: ['Skill', 'Lines'],
        row: 1,
        marked: [[2, 6]],
      },
    ]);
  });

  it('leave out code, HTML, comments and struck-out words', () => {
    const md = '```\ncode\n```\n\n<!-- note -->\n\nKeep ~~this~~ that <b>x</b>.\n';
    expect(blocks(md).map((b) => b.text)).toEqual(['Keep  that x.']);
  });

  it('give the line of any offset of a block', () => {
    const b = blocks('\n\nfirst line\nsecond line\n')[0];
    expect([lineOf(b, 0), lineOf(b, b.text.indexOf('second'))]).toEqual([3, 4]);
  });
});

describe('markdown regions', () => {
  it('are the offsets of front matter, code and HTML, and of blockquotes', () => {
    const md = '---\na: 1\n---\nText `code` here.\n\n> quoted\n> > nested\n\n<br>\n';
    const { nonProse, blockquotes } = regions(md);
    const at = (s: string) => [md.indexOf(s), md.indexOf(s) + s.length];
    expect(nonProse).toEqual([[0, 13], at('`code`'), at('<br>')]);
    expect(blockquotes).toEqual([at('> quoted\n> > nested')]);
  });
});
