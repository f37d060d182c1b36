// Splits a markdown file's YAML front matter from its body.
import { parseYamlText } from './yaml.ts';

/** Front matter longer than this is not read: it names a document, it is not one. */
const MAX_FRONT_MATTER = 64_000;

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** Set when the front matter is there but is not valid YAML. */
  error?: string;
}

export function parseFrontMatter(text: string): FrontMatter {
  const m = text.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?/);
  if (!m) return { data: {}, body: text };
  if (m[1].length > MAX_FRONT_MATTER)
    return {
      data: {},
      body: text.slice(m[0].length),
      error: `it is over ${MAX_FRONT_MATTER / 1000} KB`,
    };
  try {
    const data = parseYamlText(m[1]);
    const fields = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
    return { data: fields, body: text.slice(m[0].length) };
  } catch (err) {
    return {
      data: {},
      body: text.slice(m[0].length),
      error: (err as Error).message.split('\n')[0],
    };
  }
}
