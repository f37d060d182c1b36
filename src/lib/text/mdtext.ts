// Pure logic: markdown read with remark (the mdast tree, with positions) into the plain blocks that
// the verdict reader, the importer and the quote check scan: headings of every form (ATX, setext, a
// bold line standing alone), paragraphs, list items, table rows, blockquotes, with code fences,
// inline HTML and comments left out.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes, Root, RootContent, PhrasingContent } from 'mdast';

export interface Block {
  kind: 'heading' | 'paragraph' | 'item' | 'row';
  /** Plain text: inline code, emphasis and links reduced to their words; soft line breaks kept. */
  text: string;
  /** Ranges of `text` that were in backticks, bold, italics or a link: names people set apart. */
  marked: [number, number][];
  /** 1-based line in the markdown where the block starts. */
  line: number;
  /** Headings: 1-6 (a bold line standing alone counts as 6). */
  depth?: number;
  /** Items of an ordered list: the item's number. */
  number?: number;
  /** Task-list items: ticked or not. */
  checked?: boolean;
  /** List items: which list they belong to (a counter over the document). */
  list?: number;
  /** The nearest heading above, as plain text ('' before the first). */
  section: string;
  /** Inside a blockquote. */
  quoted: boolean;
  /** Table rows: the cells' text, and the table's header cells. */
  cells?: string[];
  header?: string[];
}

/** Trees kept by text while withParsesKept runs; null when none is. */
let kept: Map<string, Root> | null = null;

/** The markdown's tree; inside withParsesKept the same tree for the same text (do not change it). */
export function parseMarkdown(markdown: string): Root {
  const tree = kept?.get(markdown) ?? unified().use(remarkParse).use(remarkGfm).parse(markdown);
  kept?.set(markdown, tree);
  return tree;
}

/**
 * Runs `fn` parsing each text once: the quote check, the fact check and the page's rendering read
 * the same documents (parsing is most of what each costs). One at a time: `fn` must not overlap
 * another withParsesKept.
 */
export async function withParsesKept<T>(fn: () => Promise<T>): Promise<T> {
  kept = new Map();
  try {
    return await fn();
  } finally {
    kept = null;
  }
}

/** Plain text of inline content, with the ranges that were set apart. */
function inline(nodes: PhrasingContent[]): { text: string; marked: [number, number][] } {
  let text = '';
  const marked: [number, number][] = [];
  const walk = (list: PhrasingContent[], inMark: boolean) => {
    for (const n of list) {
      const start = text.length;
      if (n.type === 'text') text += n.value;
      else if (n.type === 'inlineCode') text += n.value;
      else if (n.type === 'break') text += '\n';
      else if (n.type === 'html' || n.type === 'delete')
        continue; // comments and struck-out words are not what the text says
      else if ('children' in n)
        walk(
          n.children as PhrasingContent[],
          inMark || ['strong', 'emphasis', 'link', 'delete'].includes(n.type),
        );
      const marks =
        n.type === 'inlineCode' ||
        n.type === 'strong' ||
        n.type === 'emphasis' ||
        n.type === 'link';
      if (marks && !inMark && text.length > start) marked.push([start, text.length]);
    }
  };
  walk(nodes, false);
  return { text, marked };
}

/** A paragraph that is one bold (or italic) span and nothing else: a heading by another name. */
const boldLine = (nodes: PhrasingContent[]) => {
  const own = nodes.filter((n) => !(n.type === 'text' && !n.value.trim()));
  return own.length === 1 && (own[0].type === 'strong' || own[0].type === 'emphasis');
};

// oxlint-disable-next-line max-lines-per-function -- TODO(issue 12): split into named steps
export function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  let section = '';
  let lists = 0;
  const push = (b: Omit<Block, 'section'>) => out.push({ ...b, section });
  // oxlint-disable-next-line max-lines-per-function -- TODO(issue 12): split into named steps
  const visit = (node: Nodes, quoted: boolean, number?: number, list?: number) => {
    const line = node.position?.start.line ?? 0;
    switch (node.type) {
      case 'heading': {
        const { text, marked } = inline(node.children);
        push({ kind: 'heading', text, marked, line, depth: node.depth, quoted });
        section = text.trim();
        return;
      }
      case 'paragraph': {
        const { text, marked } = inline(node.children);
        if (!text.trim()) return;
        // "**Bottom line:**" alone on its line, the paragraph going on below it: a heading, then the paragraph
        const lead = node.children[0];
        const cut =
          lead?.type === 'strong' && marked[0]?.[0] === 0 && /^\s*\n/.test(text.slice(marked[0][1]))
            ? marked[0][1]
            : -1;
        if ((boldLine(node.children) && !text.includes('\n')) || cut > 0) {
          const head = cut > 0 ? text.slice(0, cut) : text;
          push({ kind: 'heading', text: head, marked: [[0, head.length]], line, depth: 6, quoted });
          section = head.trim();
          if (cut < 0) return;
          const restStart = cut + (text.slice(cut).length - text.slice(cut).trimStart().length);
          push({
            kind: 'paragraph',
            text: text.slice(restStart),
            marked: marked.slice(1).map(([a, b]) => [a - restStart, b - restStart]),
            line: line + 1,
            quoted,
          });
          return;
        }
        push({ kind: 'paragraph', text, marked, line, quoted });
        return;
      }
      case 'blockquote':
        for (const c of node.children) visit(c, true);
        return;
      case 'list':
        {
          const list = ++lists;
          node.children.forEach((item, i) =>
            visit(item, quoted, node.ordered ? (node.start ?? 1) + i : undefined, list),
          );
        }
        return;
      case 'listItem': {
        // the item's first paragraph is the item; nested blocks follow as their own blocks
        const [first, ...rest] = node.children;
        if (first?.type === 'paragraph') {
          const { text, marked } = inline(first.children);
          push({
            kind: 'item',
            text,
            marked,
            line,
            quoted,
            list,
            ...(number !== undefined ? { number } : {}),
            ...(typeof node.checked === 'boolean' ? { checked: node.checked } : {}),
          });
        } else if (first) visit(first, quoted);
        for (const c of rest) visit(c, quoted);
        return;
      }
      case 'table': {
        const header = node.children[0]?.children.map((c) => inline(c.children).text.trim()) ?? [];
        for (const row of node.children) {
          const cells = row.children.map((c) => inline(c.children));
          let text = '';
          const marked: [number, number][] = [];
          for (const c of cells) {
            text += '| ';
            for (const [a, b] of c.marked) marked.push([a + text.length, b + text.length]);
            text += c.text + ' ';
          }
          push({
            kind: 'row',
            text: text + '|',
            marked,
            line: row.position?.start.line ?? line,
            quoted,
            cells: cells.map((c) => c.text.trim()),
            header,
          });
        }
        return;
      }
      case 'root':
        for (const c of node.children) visit(c as RootContent, quoted);
        return;
      default:
        return; // code, html, thematic breaks, definitions: not prose
    }
  };
  visit(parseMarkdown(markdown), false);
  return out;
}

/**
 * Where a markdown document is not prose (code blocks, inline code, HTML and comments, front matter)
 * and where its blockquotes are, as offset ranges, from one parse.
 */
export function regions(markdown: string): {
  nonProse: [number, number][];
  blockquotes: [number, number][];
} {
  const nonProse: [number, number][] = [];
  const blockquotes: [number, number][] = [];
  const fm = markdown.match(/^---\r?\n[\s\S]*?\r?\n---\r?\n/);
  const shift = fm ? fm[0].length : 0;
  if (fm) nonProse.push([0, shift]);
  const walk = (node: Nodes, inQuote: boolean) => {
    const at =
      node.position &&
      ([node.position.start.offset! + shift, node.position.end.offset! + shift] as [
        number,
        number,
      ]);
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html')
      return void (at && nonProse.push(at));
    if (node.type === 'blockquote' && !inQuote && at) blockquotes.push(at); // a nested one stays within its parent
    if ('children' in node)
      for (const c of node.children) walk(c as Nodes, inQuote || node.type === 'blockquote');
  };
  walk(parseMarkdown(markdown.slice(shift)), false);
  return { nonProse, blockquotes };
}
