// One shiki highlighter for the whole build, created once; languages load on first use.
import { createHighlighter, bundledLanguages, type Highlighter, type BundledLanguage } from 'shiki';

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
