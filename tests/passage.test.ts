// The side-by-side's passages: markdown rendered, changed words marked without breaking the markup.
import { describe, expect, it } from 'vitest';
import { passageHtml } from '../src/lib/site/render/passage.ts';

describe('a passage of the side-by-side', () => {
  it('renders its markdown: a heading as a bold line, emphasis, code and links', () => {
    expect(passageHtml('## Core rules', [], 'del')).toBe('<p><strong>Core rules</strong></p>');
    const html = passageHtml(
      '- **Keep** `diffs` small, see [the note](https://example.com/n).',
      [],
      'ins',
    );
    expect(html).toContain('<li><strong>Keep</strong> <code>diffs</code> small');
    expect(html).toContain('<a href="https://example.com/n">the note</a>');
    expect(html).not.toMatch(/\*\*|##|\]\(/);
    // a link to another file of the skill would be broken here: its text stays
    expect(passageHtml('See [the notes](references/notes.md).', [], 'del')).toBe(
      '<p>See the notes.</p>',
    );
    expect(passageHtml('- [ ] test it', [], 'del')).toContain('aria-label="not done"');
  });

  it('marks changed words, closing and reopening the mark around other tags', () => {
    const text = 'Keep **every change** small.';
    // "change** small": the mark starts inside the bold and ends outside it
    const html = passageHtml(text, [[text.indexOf('change'), text.indexOf('.')]], 'del');
    expect(html).toBe('<p>Keep <strong>every <del>change</del></strong><del> small</del>.</p>');
    // a mark over a whole bold phrase leaves the bold as it was
    const bold = '**Imperative subject.** Keep it short.';
    expect(passageHtml(bold, [[0, bold.indexOf(' Keep')]], 'ins')).toBe(
      '<p><strong><ins>Imperative subject.</ins></strong> Keep it short.</p>',
    );
    // a heading's marks follow its text once the hashes are gone
    expect(passageHtml('## Two rules', [[3, 6]], 'ins')).toBe(
      '<p><strong><ins>Two</ins> rules</strong></p>',
    );
  });

  it('keeps hostile markdown inert and marks out of link addresses', () => {
    const text = '<script>alert(1)</script> [x](javascript:alert(1)) [y](https://a.example/b)';
    const html = passageHtml(text, [[0, text.length]], 'del');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('href="https://a.example/b"');
    expect(html).not.toMatch(/[\uE000\uE001]|%EE%80/);
  });
});
