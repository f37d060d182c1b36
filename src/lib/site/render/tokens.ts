// Highlighted tokens marked by class, not by style: shiki's theme colours each token with a CSS
// variable (highlighter.ts), and `style="color:var(--cj-token-keyword)"` on every token weighed a
// tenth of a page. The classes (global.css) set the same variables.
import { visit } from 'unist-util-visit';
import type { Element, ElementContent, Root } from 'hast';
import type { ThemedToken } from 'shiki';

/** The theme's token colours by their short class. */
const CLASSES: Record<string, string> = {
  constant: 'tc',
  string: 'ts',
  comment: 'tm',
  keyword: 'tk',
  parameter: 'tp',
  function: 'tf',
  'string-expression': 'tx',
  punctuation: 'tu',
  link: 'tl',
  inserted: 'ti',
  deleted: 'td',
  changed: 'tg',
};
const ITALIC = 1; // shiki's FontStyle flags
const BOLD = 2;

/** The classes of a colour (var(--cj-token-x) or the foreground), or null for any other. */
function colourClass(colour: string): string[] | null {
  if (colour === 'var(--cj-foreground)') return [];
  const name = colour.match(/^var\(--cj-token-([a-z-]+)\)$/)?.[1];
  return name && CLASSES[name] ? [CLASSES[name]] : null;
}

/** A token's classes: its colour's, and bold or italic; null when its colour has none. */
export function tokenClasses(t: Pick<ThemedToken, 'color' | 'fontStyle'>): string[] | null {
  const colour = colourClass(t.color ?? 'var(--cj-foreground)');
  if (!colour) return null;
  if ((t.fontStyle ?? 0) & BOLD) colour.push('tb');
  if ((t.fontStyle ?? 0) & ITALIC) colour.push('tn');
  return colour;
}

/** A token's text as HTML: in a span with its classes, or bare when it has none. */
export function tokenHtml(t: Pick<ThemedToken, 'color' | 'fontStyle'>, html: string): string {
  const classes = tokenClasses(t);
  if (classes === null) return `<span style="color:${t.color}">${html}</span>`;
  return classes.length ? `<span class="${classes.join(' ')}">${html}</span>` : html;
}

/** The classes of a style shiki wrote, or null when it says more than colour, bold and italic. */
function styleClasses(style: string): string[] | null {
  const classes: string[] = [];
  for (const part of style.split(';').filter(Boolean)) {
    const [key, value] = part.split(':');
    const more =
      key === 'color'
        ? colourClass(value)
        : key === 'font-weight' && value === 'bold'
          ? ['tb']
          : key === 'font-style' && value === 'italic'
            ? ['tn']
            : null;
    if (!more) return null;
    classes.push(...more);
  }
  return classes;
}

/** After shiki: its token spans get classes, bare text for the foreground; its <pre> no style. */
export function rehypeTokenClasses() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      const style = node.properties.style;
      if (typeof style !== 'string') return;
      if (node.tagName === 'pre') return void delete node.properties.style; // global.css colours it
      if (node.tagName !== 'span') return;
      const classes = styleClasses(style);
      if (classes === null) return;
      delete node.properties.style;
      if (classes.length) return void (node.properties.className = classes);
      if (!parent || index === undefined) return;
      parent.children.splice(index, 1, ...(node.children as ElementContent[]));
      return index;
    });
  };
}
