// Splits a markdown file's YAML front matter from its body.
import YAML from 'yaml';

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** Set when the front matter is there but is not valid YAML. */
  error?: string;
}

export function parseFrontMatter(text: string): FrontMatter {
  const m = text.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?/);
  if (!m) return { data: {}, body: text };
  try {
    const data = YAML.parse(m[1]);
    return { data: data && typeof data === 'object' ? data : {}, body: text.slice(m[0].length) };
  } catch (err) {
    return { data: {}, body: text.slice(m[0].length), error: (err as Error).message.split('\n')[0] };
  }
}
