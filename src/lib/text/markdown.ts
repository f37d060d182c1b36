// Pure logic: markdown read with remark (the mdast tree, with positions) into the plain blocks that
// the readers scan: headings of every form (ATX, setext, a bold line standing alone), paragraphs,
// list items, table rows, blockquotes, with code fences, inline HTML and comments left out. One
// walk of the tree, for the verdict reader, the claim finder and the quote check.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type {
  Heading,
  List,
  ListItem,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
  Table,
} from 'mdast';

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
  /**
   * Headings made of bold words: `line`, a paragraph that is one bold span; `lead`, the bold lead
   * line of a paragraph that goes on in the next block ("**Bottom line:**" and a line break).
   */
  bold?: 'line' | 'lead';
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
  /** Table rows: the cells' text, the table's header cells, and the row's place (0: the header). */
  cells?: string[];
  header?: string[];
  row?: number;
}

/** YAML front matter at the top of a file. */
export const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;

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

interface Inline {
  text: string;
  marked: [number, number][];
}

const MARKS = new Set(['inlineCode', 'strong', 'emphasis', 'link']);

/** Plain text of inline content, with the ranges that were set apart. */
export function inline(nodes: PhrasingContent[]): Inline {
  const out: Inline = { text: '', marked: [] };
  const walk = (list: PhrasingContent[], inMark: boolean) => {
    for (const n of list) {
      const start = out.text.length;
      if (n.type === 'text' || n.type === 'inlineCode') out.text += n.value;
      else if (n.type === 'break') out.text += '\n';
      else if (n.type === 'html' || n.type === 'delete')
        continue; // comments and struck-out words are not what the text says
      else if ('children' in n) walk(n.children, inMark || MARKS.has(n.type));
      if (MARKS.has(n.type) && !inMark && out.text.length > start)
        out.marked.push([start, out.text.length]);
    }
  };
  walk(nodes, false);
  return out;
}

/** The plain text of inline content. */
export const plainText = (nodes: PhrasingContent[]): string => inline(nodes).text;

/** A paragraph that is one bold (or italic) span and nothing else: a heading by another name. */
const isBoldLine = (nodes: PhrasingContent[]) => {
  const own = nodes.filter((n) => !(n.type === 'text' && !n.value.trim()));
  return own.length === 1 && (own[0].type === 'strong' || own[0].type === 'emphasis');
};

/** Where a bold lead line ("**Bottom line:**" then a line break) ends, or -1. */
const boldLeadEnd = (p: Paragraph, { text, marked }: Inline) =>
  p.children[0]?.type === 'strong' &&
  marked[0]?.[0] === 0 &&
  /^\s*\n/.test(text.slice(marked[0][1]))
    ? marked[0][1]
    : -1;

const newlines = (s: string) => s.split('\n').length - 1;

/** Collects the blocks of one document, in order, with the heading each stands under. */
class BlockWalk {
  readonly blocks: Block[] = [];
  private section = '';
  private lists = 0;

  visit(node: Nodes, quoted: boolean): void {
    if (node.type === 'heading') this.heading(node, quoted);
    else if (node.type === 'paragraph') this.paragraph(node, quoted);
    else if (node.type === 'blockquote') for (const c of node.children) this.visit(c, true);
    else if (node.type === 'list') this.list(node, quoted);
    else if (node.type === 'listItem') this.item(node, quoted, {});
    else if (node.type === 'table') this.table(node, quoted);
    else if (node.type === 'root') for (const c of node.children) this.visit(c, quoted);
    // code, html, thematic breaks, definitions: not prose
  }

  private push(b: Omit<Block, 'section'>) {
    this.blocks.push({ ...b, section: this.section });
  }

  private pushHeading(b: Omit<Block, 'section' | 'kind'>) {
    this.push({ kind: 'heading', ...b });
    this.section = b.text.trim();
  }

  private heading(node: Heading, quoted: boolean) {
    const line = node.position?.start.line ?? 0;
    this.pushHeading({ ...inline(node.children), line, depth: node.depth, quoted });
  }

  /** A paragraph; a bold line standing alone is a heading, and so is a bold lead line. */
  private paragraph(node: Paragraph, quoted: boolean) {
    const line = node.position?.start.line ?? 0;
    const { text, marked } = inline(node.children);
    if (!text.trim()) return;
    if (isBoldLine(node.children) && !text.includes('\n')) {
      this.pushHeading({ text, marked: [[0, text.length]], line, depth: 6, bold: 'line', quoted });
      return;
    }
    const cut = boldLeadEnd(node, { text, marked });
    if (cut < 0) return this.push({ kind: 'paragraph', text, marked, line, quoted });
    const head = text.slice(0, cut);
    this.pushHeading({ text: head, marked: [[0, cut]], line, depth: 6, bold: 'lead', quoted });
    const restStart = cut + (text.length - cut - text.slice(cut).trimStart().length);
    this.push({
      kind: 'paragraph',
      text: text.slice(restStart),
      marked: marked.slice(1).map(([a, b]) => [a - restStart, b - restStart]),
      line: line + newlines(text.slice(0, restStart)),
      quoted,
    });
  }

  private list(node: List, quoted: boolean) {
    const list = ++this.lists;
    node.children.forEach((item, i) =>
      this.item(item, quoted, { list, number: node.ordered ? (node.start ?? 1) + i : undefined }),
    );
  }

  /** The item's first paragraph is the item; nested blocks follow as their own blocks. */
  private item(node: ListItem, quoted: boolean, place: { list?: number; number?: number }) {
    const [first, ...rest] = node.children;
    if (first?.type === 'paragraph')
      this.push({
        kind: 'item',
        ...inline(first.children),
        line: node.position?.start.line ?? 0,
        quoted,
        list: place.list,
        ...(place.number !== undefined ? { number: place.number } : {}),
        ...(typeof node.checked === 'boolean' ? { checked: node.checked } : {}),
      });
    else if (first) this.visit(first, quoted);
    for (const c of rest) this.visit(c, quoted);
  }

  /** Each row, as "| a | b |", with its cells and the header's. */
  private table(node: Table, quoted: boolean) {
    const header = node.children[0]?.children.map((c) => plainText(c.children).trim()) ?? [];
    node.children.forEach((row, i) => {
      const cells = row.children.map((c) => inline(c.children));
      let text = '';
      const marked: [number, number][] = [];
      for (const c of cells) {
        text += '| ';
        for (const [a, b] of c.marked) marked.push([a + text.length, b + text.length]);
        text += c.text + ' ';
      }
      this.push({
        kind: 'row',
        text: text + '|',
        marked,
        line: row.position?.start.line ?? node.position?.start.line ?? 0,
        quoted,
        cells: cells.map((c) => c.text.trim()),
        header,
        row: i,
      });
    });
  }
}

/** The blocks of a markdown document, in order. */
export function blocks(markdown: string): Block[] {
  const walk = new BlockWalk();
  walk.visit(parseMarkdown(markdown), false);
  return walk.blocks;
}

/** The line an offset of a block's text stands on. */
export const lineOf = (b: { line: number; text: string }, offset: number): number =>
  b.line + newlines(b.text.slice(0, offset));

/**
 * Where a markdown document is not prose (code blocks, inline code, HTML and comments, front
 * matter) and where its blockquotes are, as offset ranges, from one parse.
 */
export function regions(markdown: string): {
  nonProse: [number, number][];
  blockquotes: [number, number][];
} {
  const nonProse: [number, number][] = [];
  const blockquotes: [number, number][] = [];
  const fm = markdown.match(FRONT_MATTER);
  const shift = fm ? fm[0].length : 0;
  if (fm) nonProse.push([0, shift]);
  const walk = (node: Nodes, inQuote: boolean) => {
    const p = node.position;
    const at: [number, number] | undefined = p && [p.start.offset! + shift, p.end.offset! + shift];
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html')
      return void (at && nonProse.push(at));
    // a nested blockquote stays within its parent
    if (node.type === 'blockquote' && !inQuote && at) blockquotes.push(at);
    if ('children' in node)
      for (const c of node.children) walk(c, inQuote || node.type === 'blockquote');
  };
  walk(parseMarkdown(markdown.slice(shift)), false);
  return { nonProse, blockquotes };
}
