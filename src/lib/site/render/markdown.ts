// Markdown from models and imports is untrusted: raw HTML is shown as text, everything else passes
// rehype-sanitize (GitHub's rules) before shiki highlights the code blocks.
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import rehypeShikiFromHighlighter from '@shikijs/rehype/core';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import type { Root as HastRoot, Element } from 'hast';
import { getHighlighter, THEME } from './highlighter.ts';
import { parseMarkdown } from '../../text/markdown.ts';
import { cached } from './cache.ts';
import { rehypeAccessible } from './accessible.ts';
import { rehypeDocLinks, type DocLinks } from './links.ts';
import { rehypeLineAnchors } from './lines.ts';
import { rehypeTokenClasses } from './tokens.ts';
import { visibleControls } from '../../text/controls.ts';

/** Raw HTML in markdown becomes visible text (inline) or an html code block (block); comments stay unseen. */
export function remarkHtmlAsText() {
  return (tree: Root) => {
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (/^<!--[\s\S]*?-->\s*$/.test(node.value)) {
        parent.children.splice(index, 1);
        return index;
      }
      const block =
        parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem';
      // keeping its place in the file, so that line anchors (lines.ts) find it
      parent.children[index] = block
        ? { type: 'code', lang: 'html', value: node.value, position: node.position }
        : { type: 'text', value: node.value, position: node.position };
    });
  };
}

/** Characters that reorder text (a right-to-left override) shown as what they are: "⟨U+202E⟩". */
export function rehypeVisibleControls() {
  return (tree: HastRoot) => {
    visit(tree, 'text', (node) => {
      node.value = visibleControls(node.value);
    });
  };
}

/** Shifts headings so the document's top level becomes h`top`, fitting the page's outline. */
function rehypeShiftHeadings(top: number) {
  return (tree: HastRoot) => {
    const headings: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      if (/^h[1-6]$/.test(node.tagName)) headings.push(node);
    });
    const min = Math.min(...headings.map((h) => Number(h.tagName[1])));
    for (const h of headings) h.tagName = `h${Math.min(6, Number(h.tagName[1]) - min + top)}`;
  };
}

/** Highlighted code blocks by language and text, for documents that repeat each other's code. */
export type CodeBlocks = Map<string, HastRoot>;

/**
 * Markdown as safe HTML (uncached; see renderMarkdown). Parsed by text/markdown, so that inside
 * withParsesKept the analysis' parse serves; code blocks already in `codeBlocks` are not
 * highlighted again (an experiment's skills often share theirs).
 */
export async function markdownHtml(
  markdown: string,
  links: DocLinks,
  top = 4,
  codeBlocks?: CodeBlocks,
): Promise<string> {
  const langs = [...markdown.matchAll(/^\s*(?:```|~~~)\s*([\w+-]+)/gm)].map((m) =>
    m[1].toLowerCase(),
  );
  let h;
  for (const lang of new Set(['html', ...langs])) h = (await getHighlighter(lang)).h;
  const processor = unified()
    .use(remarkHtmlAsText)
    .use(remarkRehype)
    .use(rehypeSanitize)
    .use(rehypeVisibleControls)
    .use(rehypeShiftHeadings, top)
    .use(rehypeAccessible)
    .use(rehypeDocLinks, links)
    .use(rehypeLineAnchors, links)
    .use(rehypeShikiFromHighlighter, h!, {
      theme: THEME,
      fallbackLanguage: 'text',
      defaultLanguage: 'text',
      cache: codeBlocks,
    })
    .use(rehypeTokenClasses)
    .use(rehypeStringify);
  // the tree may be shared (withParsesKept): the transforms work on a copy
  const tree = await processor.run(structuredClone(parseMarkdown(markdown)));
  return processor.stringify(tree);
}

/** Markdown as safe HTML; its headings start at h`top` (default h4); its ids and links fit the page (see links.ts). */
export const renderMarkdown = (markdown: string, links: DocLinks, top = 4) =>
  cached('markdown', [markdown, top, links], () => markdownHtml(markdown, links, top));
