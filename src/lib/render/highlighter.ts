// One shiki highlighter for the whole build, created once; languages load on first use.
import { createHighlighter, bundledLanguages, type Highlighter, type BundledLanguage, type ThemedToken } from 'shiki';

export const THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;

let highlighter: Promise<Highlighter> | null = null;

export async function getHighlighter(lang = 'text'): Promise<{ h: Highlighter; lang: string }> {
  highlighter ??= createHighlighter({ themes: Object.values(THEMES), langs: ['markdown', 'yaml'] });
  const h = await highlighter;
  const known = lang in bundledLanguages ? lang : 'text';
  if (known !== 'text' && !h.getLoadedLanguages().includes(known)) await h.loadLanguage(known as BundledLanguage);
  return { h, lang: known };
}

const BY_EXTENSION: Record<string, string> = {
  md: 'markdown', markdown: 'markdown', mdx: 'mdx', yaml: 'yaml', yml: 'yaml', json: 'json', toml: 'toml',
  py: 'python', js: 'javascript', mjs: 'javascript', cjs: 'javascript', ts: 'typescript', tsx: 'tsx', jsx: 'jsx',
  sh: 'bash', bash: 'bash', zsh: 'bash', rb: 'ruby', go: 'go', rs: 'rust', java: 'java', c: 'c', h: 'c',
  cpp: 'cpp', cs: 'csharp', php: 'php', html: 'html', css: 'css', sql: 'sql', txt: 'text',
};

/** The shiki language for a file name; "text" when unknown. */
export function langOf(file: string): string {
  const ext = file.toLowerCase().split('.').pop() ?? '';
  return BY_EXTENSION[ext] ?? 'text';
}

/** A whole file's tokens, kept for the build: the source view and every diff of a file share them. */
const tokenCache = new Map<string, ThemedToken[][]>();
export async function tokensOf(text: string, lang: string): Promise<ThemedToken[][]> {
  const key = `${lang}\0${text}`;
  let tokens = tokenCache.get(key);
  if (!tokens) {
    const { h, lang: known } = await getHighlighter(lang);
    tokens = h.codeToTokens(text, { lang: known as BundledLanguage, themes: THEMES, defaultColor: false }).tokens;
    tokenCache.set(key, tokens);
  }
  return tokens;
}

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const styleOf = (t: ThemedToken) =>
  Object.entries(t.htmlStyle ?? {})
    .map(([k, v]) => `${k}:${v}`)
    .join(';');

/** A file as highlighted source, in shiki's own markup. */
export async function codeHtml(text: string, lang: string): Promise<string> {
  const lines = (await tokensOf(text, lang)).map((line) => `<span class="line">${line.map((t) => `<span style="${styleOf(t)}">${escapeHtml(t.content)}</span>`).join('')}</span>`);
  return `<pre class="shiki shiki-themes ${THEMES.light} ${THEMES.dark}" tabindex="0"><code>${lines.join('\n')}</code></pre>`;
}
