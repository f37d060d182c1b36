// The providers' own server-side web tools, for API participants with the web on: what the model
// searched and read, from the answer's blocks (Anthropic) or output items (OpenAI).

/** What a model did on the web in one answer. */
export interface WebUse {
  searches: { query: string; urls: string[] }[];
  /** Pages fetched with their text; a page opened without its text given is a search's address. */
  reads: { url: string; text: string }[];
}

export const OPENAI_WEB_TOOLS = [{ type: 'web_search' as const }];
export const ANTHROPIC_WEB_TOOLS = [
  { type: 'web_search_20250305' as const, name: 'web_search' as const, max_uses: 5 },
  { type: 'web_fetch_20250910' as const, name: 'web_fetch' as const, max_uses: 5 },
];

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** The searches and pages opened of an OpenAI Responses answer. */
export function openaiWebUse(output: readonly unknown[]): WebUse {
  const use: WebUse = { searches: [], reads: [] };
  for (const item of output.map(asRecord)) {
    if (item.type !== 'web_search_call') continue;
    const a = asRecord(item.action);
    if (a.type === 'search')
      use.searches.push({
        query: typeof a.query === 'string' ? a.query : strings(a.queries).join('; '),
        urls: (Array.isArray(a.sources) ? a.sources : []).map((s) => String(asRecord(s).url ?? '')),
      });
    // the Responses API opens a page without giving its text: it counts as searched, not read
    if (a.type === 'open_page' && typeof a.url === 'string')
      use.searches.push({ query: '', urls: [a.url] });
  }
  return use;
}

interface AnthropicBlock {
  type: string;
  name?: string;
  input?: unknown;
  content?: unknown;
}

/** The searches and pages fetched of an Anthropic Messages answer. */
export function anthropicWebUse(content: AnthropicBlock[]): WebUse {
  const use: WebUse = { searches: [], reads: [] };
  let query = '';
  for (const b of content) {
    if (b.type === 'server_tool_use' && b.name === 'web_search')
      query = String(asRecord(b.input).query ?? '');
    if (b.type === 'web_search_tool_result' && Array.isArray(b.content))
      use.searches.push({ query, urls: b.content.map((r) => String(asRecord(r).url ?? '')) });
    const fetched = asRecord(b.content);
    if (b.type === 'web_fetch_tool_result' && fetched.type === 'web_fetch_result') {
      const source = asRecord(asRecord(fetched.content).source);
      use.reads.push({
        url: String(fetched.url ?? ''),
        text: typeof source.data === 'string' ? source.data : '',
      });
    }
  }
  return use;
}
