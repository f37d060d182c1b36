// Line anchors in a rendered document, so a link can land on the line a quote starts on: an empty
// <span id="<prefix>-L<n>"> where each line n of the markdown starts (before the first text of the
// line; before a code block for all of its lines; for lines with no text, before the next text).
import type { Root, Element } from 'hast';
import type { DocLinks } from './links.ts';

export const lineId = (prefix: string, line: number) => `${prefix}-L${line}`;

export function rehypeLineAnchors(links: DocLinks) {
  return (tree: Root) => {
    if (!links.lines) return;
    let next = 1;
    const marks = (upTo: number): Element[] => {
      const out: Element[] = [];
      for (; next <= upTo; next++)
        out.push({
          type: 'element',
          tagName: 'span',
          properties: { id: lineId(links.prefix, next), className: ['ln'] },
          children: [],
        });
      return out;
    };
    const walk = (parent: Root | Element) => {
      const kids = [...parent.children];
      parent.children = [];
      for (const kid of kids) {
        if (kid.type === 'element' && kid.tagName === 'pre' && kid.position) {
          parent.children.push(...marks(kid.position.end.line), kid);
        } else if (kid.type === 'element') {
          walk(kid);
          parent.children.push(kid);
        } else if (kid.type === 'text' && kid.position) {
          // split the text at its line breaks, a mark before each line's part
          const line = kid.position.start.line;
          kid.value.split('\n').forEach((part, k) => {
            parent.children.push(...marks(line + k));
            const value = (k ? '\n' : '') + part;
            if (value) parent.children.push({ type: 'text', value });
          });
        } else (parent.children as typeof kids).push(kid);
      }
    };
    walk(tree);
  };
}
