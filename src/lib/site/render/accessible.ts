// Tables and task lists that every reader can use: wide tables scroll in a focusable region, task-list
// boxes say whether they are done. For model markdown (markdown.ts) and the site's own pages (config.ts).
import { visit } from 'unist-util-visit';
import type { Root as HastRoot, Element } from 'hast';

/** Wide tables scroll in a focusable region (keyboard readers can scroll them); task-list boxes get a label. */
export function rehypeAccessible() {
  return (tree: HastRoot) => {
    // regions need names of their own: "Table 1", "Table 2", ... when a document has several
    let tables = 0;
    visit(tree, 'element', (node: Element) => void (node.tagName === 'table' && tables++));
    let n = 0;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'input')
        node.properties.ariaLabel = node.properties.checked ? 'done' : 'not done';
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      n++;
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: {
          className: ['table-wrap'],
          tabIndex: 0,
          role: 'region',
          ariaLabel: tables > 1 ? `Table ${n}` : 'Table',
        },
        children: [node],
      };
      return 'skip';
    });
  };
}
