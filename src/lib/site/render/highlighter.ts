// One shiki highlighter for the whole build, created once; languages load on first use.
// Its theme colours tokens with CSS variables (--cj-token-*), which global.css sets for light and
// dark: one tokenization serves both themes (two themes would tokenize every file twice).
import { tokenHtml } from './tokens.ts';
import { visibleControls } from '../../text/controls.ts';
import {
  createHighlighter,
  createCssVariablesTheme,
  bundledLanguages,
  type Highlighter,
  type BundledLanguage,
  type ThemedToken,
} from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';

export const THEME = 'crossjudge';
const base = createCssVariablesTheme({ name: THEME, variablePrefix: '--cj-' });
/** Markdown is most of what is shown: give its headings, lists, code and quotes their own colours. */
const theme = {
  ...base,
  tokenColors: [
    ...(base.tokenColors ?? []),
    {
      scope: [
        'markup.heading',
        'entity.name.section.markdown',
        'punctuation.definition.heading.markdown',
      ],
      settings: { foreground: 'var(--cj-token-function)', fontStyle: 'bold' },
    },
    {
      scope: [
        'punctuation.definition.list.begin.markdown',
        'beginning.punctuation.definition.list.markdown',
      ],
      settings: { foreground: 'var(--cj-token-keyword)' },
    },
    {
      scope: [
        'markup.inline.raw',
        'markup.fenced_code.block.markdown',
        'markup.raw.block.markdown',
      ],
      settings: { foreground: 'var(--cj-token-string)' },
    },
    {
      scope: ['markup.quote', 'punctuation.definition.quote.begin.markdown'],
      settings: { foreground: 'var(--cj-token-comment)' },
    },
    {
      scope: ['entity.name.tag.yaml', 'meta.embedded.block.frontmatter entity.name.tag'],
      settings: { foreground: 'var(--cj-token-keyword)' },
    },
  ],
};

let highlighter: Promise<Highlighter> | null = null;

export async function getHighlighter(lang = 'text'): Promise<{ h: Highlighter; lang: string }> {
  highlighter ??= createHighlighter({
    themes: [theme],
    langs: ['markdown', 'yaml'],
    engine: createJavaScriptRegexEngine({ forgiving: true }),
  });
  const h = await highlighter;
  const known = lang in bundledLanguages ? lang : 'text';
  if (known !== 'text' && !h.getLoadedLanguages().includes(known))
    await h.loadLanguage(known as BundledLanguage);
  return { h, lang: known };
}

const BY_EXTENSION: Record<string, string> = {
  md: 'markdown',
  markdown: 'markdown',
  mdx: 'mdx',
  yaml: 'yaml',
  yml: 'yaml',
  json: 'json',
  toml: 'toml',
  py: 'python',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  tsx: 'tsx',
  jsx: 'jsx',
  sh: 'bash',
  bash: 'bash',
  zsh: 'bash',
  rb: 'ruby',
  go: 'go',
  rs: 'rust',
  java: 'java',
  c: 'c',
  h: 'c',
  cpp: 'cpp',
  cs: 'csharp',
  php: 'php',
  html: 'html',
  css: 'css',
  sql: 'sql',
  txt: 'text',
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
    tokens = h.codeToTokens(text, { lang: known as BundledLanguage, theme: THEME }).tokens;
    tokenCache.set(key, tokens);
  }
  return tokens;
}

/** Text as HTML, with the characters that reorder text shown as what they are (controls.ts). */
export const escapeHtml = (s: string) =>
  visibleControls(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** A file as highlighted source, in shiki's own markup. */
export async function codeHtml(text: string, lang: string): Promise<string> {
  const lines = (await tokensOf(text, lang)).map(
    (line) =>
      `<span class="line">${line.map((t) => tokenHtml(t, escapeHtml(t.content))).join('')}</span>`,
  );
  return `<pre class="shiki ${THEME}" tabindex="0"><code>${lines.join('\n')}</code></pre>`;
}
