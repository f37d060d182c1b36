// Links inside one rendered document (model output, imported files) that work on the page it is shown
// on: its ids get the document's own prefix (unique on the page, footnotes included), a relative link
// to a file of the same skill goes to that file's anchor, and a link that could only be broken on the
// site (another file, a missing #id) keeps its text and loses its href. External links stay.
import path from 'node:path';
import { visit } from 'unist-util-visit';
import type { Root, Element, ElementContent } from 'hast';

export interface DocLinks {
  /** Prefix of every id in the document: unique on the page. */
  prefix: string;
  /** The document's folder inside its skill ('.' at the top), and the skill's files: path -> anchor id. */
  dir?: string;
  files?: Record<string, string>;
  /** An anchor on every line of the markdown, <prefix>-L<n> (see lines.ts), for links to a line. */
  lines?: boolean;
}

/** rehype-sanitize's prefix (also added by remark-rehype to footnotes, sometimes twice). */
const CLOBBER = /^(?:user-content-)+/;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

export function rehypeDocLinks(links: DocLinks) {
  return (tree: Root) => {
    const ids = new Map<string, string>();
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.id;
      if (typeof id !== 'string') return;
      const own = `${links.prefix}-${id.replace(CLOBBER, '')}`;
      ids.set(id.replace(CLOBBER, ''), own);
      node.properties.id = own;
    });
    const fileAnchor = (ref: string) => {
      if (!links.files) return undefined;
      let target: string;
      try {
        target = path.posix.normalize(
          path.posix.join(links.dir ?? '.', decodeURI(ref.replace(/[?#].*$/, ''))),
        );
      } catch {
        return undefined;
      }
      return links.files[target];
    };
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.properties.ariaDescribedBy) {
        const tokens = ([] as unknown[])
          .concat(node.properties.ariaDescribedBy)
          .map((t) => ids.get(String(t).replace(CLOBBER, '')));
        node.properties.ariaDescribedBy = tokens.every(Boolean) ? (tokens as string[]) : undefined;
      }
      const ref =
        node.tagName === 'a'
          ? node.properties.href
          : node.tagName === 'img'
            ? node.properties.src
            : undefined;
      if (typeof ref !== 'string' || !parent || index === undefined) return;
      if (EXTERNAL.test(ref)) return;
      const inPage = ref.startsWith('#')
        ? ids.get(decodeURIComponent(ref.slice(1)).replace(CLOBBER, ''))
        : ref.startsWith('/')
          ? undefined
          : fileAnchor(ref);
      if (node.tagName === 'a') {
        if (inPage) {
          node.properties.href = `#${inPage}`;
          return;
        }
        parent.children.splice(index, 1, ...node.children);
        return index;
      }
      // an image of the skill's own: a link to the file, named by its alt text
      const alt = String(node.properties.alt ?? '') || ref;
      const text: ElementContent = { type: 'text', value: alt };
      parent.children[index] = inPage
        ? { type: 'element', tagName: 'a', properties: { href: `#${inPage}` }, children: [text] }
        : text;
    });
  };
}
