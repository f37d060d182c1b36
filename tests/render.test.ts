import { describe, expect, it } from 'vitest';
import { diffRows, diffStats, renderDiff } from '../src/lib/site/render/diff.ts';
import { renderMarkdown } from '../src/lib/site/render/markdown.ts';
import { sourceHtml } from '../src/lib/site/render/source.ts';

const DOC = { prefix: 'doc-test' };

describe('diff rows', () => {
  it('pairs changed lines and marks the changed words', () => {
    const rows = diffRows(
      '# Title\nKeep the tests fast.\nSame line\n',
      '# Title\nKeep the tests quick.\nSame line\nNew line\n',
    );
    expect(rows.map((r) => r.type)).toEqual(['same', 'del', 'add', 'same', 'add']);
    const del = rows[1];
    const add = rows[2];
    expect(del.marks.map(([a, b]) => del.text.slice(a, b))).toEqual(['fast']);
    expect(add.marks.map(([a, b]) => add.text.slice(a, b))).toEqual(['quick']);
    expect(rows[4]).toMatchObject({ newNo: 4, text: 'New line', marks: [] });
    expect(diffStats(rows)).toEqual({ added: 2, removed: 1 });
  });

  it('does not mark words of lines that have little in common', () => {
    const rows = diffRows('alpha beta gamma\n', 'completely different words here\n');
    expect(rows.every((r) => r.marks.length === 0)).toBe(true);
  });
});

describe('rendered diff', () => {
  it('colours markdown by line, marks words, and folds long unchanged runs', async () => {
    const common = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const { html, added, removed } = await renderDiff(
      `# Head\n${common}\n**bold** old word\n`,
      `# Head\n${common}\n**bold** new word\n`,
      'markdown',
    );
    expect([added, removed]).toEqual([1, 1]);
    expect(html).toContain('<details class="fold"><summary>18 unchanged lines</summary>');
    expect(html).toContain('<div class="r md-h" data-o="1" data-n="1"><span># Head</span></div>');
    expect(html).toMatch(
      /<div class="r add" data-n="22"><span><span class="visually-hidden">added: <\/span>/,
    );
    expect(html).toContain('**bold** <ins>new</ins> word');
    expect(html).toContain('**bold** <del>old</del> word');
  });

  it('highlights other languages by shiki, marks kept', async () => {
    const { html } = await renderDiff('x = 1\n', 'x = 2\n', 'python');
    expect(html).toMatch(/<ins><span class="t[a-z]">2<\/span><\/ins>/);
  });

  it('escapes markup in the compared text', async () => {
    const { html } = await renderDiff('a\n', '<script>alert(1)</script>\n', 'markdown');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;');
  });
});

describe('untrusted markdown', () => {
  it('shows raw HTML as text and never as live markup', async () => {
    const html = await renderMarkdown(
      '# Hi\n\n<script>window.pwned = 1</script>\n\nText <img src=x onerror="window.pwned=2"> and <b onclick="x()">b</b>.\n\n[link](javascript:alert(1))\n',
      DOC,
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son(error|click)=/i); // no live handler attribute
    expect(html).toContain('onerror'); // the text is still there to read
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&#x3C;img src=x'); // inline HTML shown as text
    expect(html).toMatch(/<pre class="shiki/); // block HTML shown as code
    expect(html.replace(/<[^>]+>/g, '')).toContain('&#x3C;script>window.pwned = 1&#x3C;/script>');
  });

  it('keeps HTML comments unseen', async () => {
    const html = await renderMarkdown('<!-- a note -->\n\nText <!-- inline --> here.\n', DOC);
    expect(html).not.toContain('a note');
    expect(html).toContain('Text');
  });

  it('highlights code blocks (by class, coloured by CSS variable for both themes) and shifts headings', async () => {
    const html = await renderMarkdown(
      '# Top\n\n## Sub\n\n```python\ndef f():\n    print("x")\n```\n',
      DOC,
      3,
    );
    expect(html).toContain('<h3>Top</h3>');
    expect(html).toContain('<h4>Sub</h4>');
    expect(html).toMatch(/<pre class="shiki crossjudge" tabindex="0">/);
    expect(html).toContain('<span class="tk">def</span>');
    expect(html).not.toContain('style=');
  });

  it("links a skill's relative links to its files' anchors and drops links that could only be broken", async () => {
    const files = {
      'SKILL.md': 'file-p-skill-md',
      'references/a b.md': 'file-p-references-a-b-md',
      'img/d.png': 'file-p-img-d-png',
    };
    const md =
      'See [a](a%20b.md#part), [up](../SKILL.md), [gone](missing.md), [root](/etc/x), [web](https://example.com/x), [here](#nowhere) and ![diagram](../img/d.png), ![lost](e.png).\n';
    const html = await renderMarkdown(md, { prefix: 'doc-p-references', dir: 'references', files });
    const links = [...html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => [
      m[2],
      m[1],
    ]);
    expect(links).toEqual([
      ['a', '#file-p-references-a-b-md'],
      ['up', '#file-p-skill-md'],
      ['web', 'https://example.com/x'],
      ['diagram', '#file-p-img-d-png'],
    ]);
    // the others keep their text
    for (const text of ['gone', 'root', 'here', 'lost']) expect(html).toContain(text);
    expect(html).not.toMatch(/<img/);
  });

  it("gives each document's ids its own prefix, footnotes included, and links to them", async () => {
    const md = 'A claim[^1].\n\n[^1]: The note.\n';
    const one = await renderMarkdown(md, { prefix: 'doc-one' });
    const two = await renderMarkdown(md, { prefix: 'doc-two' });
    for (const [html, prefix] of [
      [one, 'doc-one'],
      [two, 'doc-two'],
    ]) {
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      const hrefs = [...html.matchAll(/ href="#([^"]+)"/g)].map((m) => m[1]);
      expect(ids.length).toBeGreaterThan(1);
      for (const id of ids) expect(id.startsWith(`${prefix}-`), id).toBe(true);
      for (const href of hrefs) expect(ids, href).toContain(href);
    }
  });

  it('renders a file as highlighted source, an anchor on each line', async () => {
    const html = await sourceHtml('key: value\nother: 2\n', 'yaml', 'file-x');
    expect(html).toMatch(/<span class="t[a-z]">key<\/span>/);
    expect(html).toContain('<span class="line" id="file-x-L2">');
  });

  it('colours markdown source by what each line is, code fences and front matter included', async () => {
    const md =
      '---\nname: x\n---\n# Title\n\n- item with `code`\n> quoted\n```sh\n# not a heading\n```\n<b>\n';
    const html = await sourceHtml(md, 'markdown', 'f');
    const line = (n: number) =>
      html.match(new RegExp(`<span class="line([^"]*)" id="f-L${n}">(.*?)</span>(?:\n|</code>)`))!;
    expect(line(2)[1]).toBe(' md-f');
    expect(line(2)[2]).toBe('<span class="md-k">name</span>: x');
    expect(line(4)[1]).toBe(' md-h');
    expect(line(6)[2]).toBe(
      '<span class="md-k">-</span> item with <span class="md-c">`code`</span>',
    );
    expect(line(7)[1]).toBe(' md-q');
    expect([8, 9, 10].map((n) => line(n)[1])).toEqual([' md-c', ' md-c', ' md-c']);
    expect(line(11)[2]).toBe('&lt;b&gt;');
  });
});

describe('tables in a document', () => {
  it('scroll in regions with names of their own when there are several', async () => {
    const table = '| a | b |\n|---|---|\n| 1 | 2 |\n';
    const one = await renderMarkdown(`# One\n\n${table}`, DOC);
    expect(one.match(/aria-label="[^"]*"/g)).toEqual(['aria-label="Table"']);
    const two = await renderMarkdown(`# Two\n\n${table}\ntext\n\n${table}`, DOC);
    expect(two.match(/aria-label="Table[^"]*"/g)).toEqual([
      'aria-label="Table 1"',
      'aria-label="Table 2"',
    ]);
  });
});

describe('line anchors', () => {
  it('mark where each line starts, in text, lists, code blocks and raw HTML', async () => {
    const md =
      '# Title\n\nOne line\nand the next\n\n- item\n\n<div>raw</div>\n\n```js\nx\n```\nlast\n';
    const html = await renderMarkdown(md, { prefix: 'doc-t', lines: true });
    const ids = [...html.matchAll(/id="doc-t-L(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    // each mark stands right before its line's text
    expect(html).toMatch(/id="doc-t-L4"[^>]*><\/span>\nand the next/);
    expect(html).toMatch(/id="doc-t-L6"[^>]*><\/span>item/);
    expect(html).toMatch(/id="doc-t-L13"[^>]*><\/span>last/);
  });
});
