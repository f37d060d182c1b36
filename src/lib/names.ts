// Pure logic that reads model names out of folder and file names, as people name them by hand:
// "codex-5-3-karpathy-code-discipline", "codex5-3_vs_opus4-6", "opus-4-6-eval", "gpt-4o.md".

/** Model families, mapped to the provider that serves them. */
const FAMILIES: Record<string, 'openai' | 'anthropic' | undefined> = {
  gpt: 'openai', chatgpt: 'openai', codex: 'openai', o1: 'openai', o3: 'openai', o4: 'openai',
  claude: 'anthropic', opus: 'anthropic', sonnet: 'anthropic', haiku: 'anthropic',
  gemini: undefined, gemma: undefined, llama: undefined, qwen: undefined, mistral: undefined,
  mixtral: undefined, deepseek: undefined, grok: undefined, kimi: undefined, glm: undefined, phi: undefined,
};
const MODEL_SUFFIXES = new Set(['mini', 'nano', 'pro', 'max', 'flash', 'turbo', 'preview', 'latest', 'high', 'xhigh', 'low', 'medium', 'thinking']);
const UPPER = new Set(['gpt', 'glm']);

export const tokens = (name: string) => name.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
/** "codex-5-3" and "codex5-3" both give "codex53". */
export const compact = (name: string) => tokens(name).join('');
export const isFamily = (token: string) => token in FAMILIES || /^(gpt|o)\d/.test(token);
const isNumber = (t: string) => /^\d+$/.test(t);
const hasDigit = (t: string) => /\d/.test(t);

export function providerOf(name: string): 'openai' | 'anthropic' | undefined {
  for (const t of tokens(name)) {
    if (FAMILIES[t]) return FAMILIES[t];
    if (/^(gpt|o)\d/.test(t)) return 'openai';
  }
  return undefined;
}

/** "codex-5-3" -> "Codex 5.3", "claude-opus-4-6" -> "Claude Opus 4.6", "gpt-4o-mini" -> "GPT 4o mini". */
export function displayModelName(id: string): string {
  const out: string[] = [];
  for (const t of tokens(id)) {
    const prev = out[out.length - 1];
    if (isNumber(t) && prev !== undefined && /\d$/.test(prev) && /^[\d.]+$/.test(prev)) out[out.length - 1] = `${prev}.${t}`;
    else if (UPPER.has(t)) out.push(t.toUpperCase());
    else if (/^[a-z]/.test(t) && !hasDigit(t) && !MODEL_SUFFIXES.has(t)) out.push(t[0].toUpperCase() + t.slice(1));
    else out.push(t);
  }
  return out.join(' ');
}

/** A model name at the start or end of a single name: ["gpt","4o"] from "gpt-4o-tweet-skill". */
function familyRun(ts: string[]): string[] | null {
  const grab = (list: string[]) => {
    if (!list.length || !isFamily(list[0])) return null;
    let end = 1;
    while (end < list.length && (hasDigit(list[end]) || MODEL_SUFFIXES.has(list[end]) || isFamily(list[end]))) end++;
    return list.slice(0, end);
  };
  const head = grab(ts);
  if (head) return head;
  // at the end: walk back over versions to a family token
  for (let i = ts.length - 1; i >= 0 && i >= ts.length - 5; i--) {
    if (isFamily(ts[i])) {
      const run = grab(ts.slice(i));
      if (run && run.length === ts.length - i) return run;
    }
  }
  return null;
}

/**
 * The model part of each skill folder name, found by what the names do not share:
 * ["codex-5-3-karpathy-code-discipline", "opus-4-6-karpathy-code-guidelines"] -> ["codex-5-3", "opus-4-6"].
 * Returns null where it cannot tell the models apart.
 */
export function modelParts(names: string[]): string[] | null {
  const lists = names.map(tokens);
  const shared = (t: string) => names.length > 1 && !hasDigit(t) && lists.every((l) => l.includes(t));
  const cut = (ts: string[]): string[] | null => {
    // prefix: up to the first shared word that follows an own word
    for (let i = 1; i < ts.length; i++) {
      if (shared(ts[i]) && ts.slice(0, i).some((t) => !shared(t))) return ts.slice(0, i);
    }
    // suffix: back to the last shared word before an own word
    for (let i = ts.length - 2; i >= 0; i--) {
      if (shared(ts[i]) && ts.slice(i + 1).some((t) => !shared(t))) return ts.slice(i + 1);
    }
    return familyRun(ts);
  };
  const parts = lists.map((ts) => cut(ts)?.join('-') ?? null);
  if (parts.some((p) => !p) || new Set(parts).size !== parts.length) return null;
  return parts as string[];
}

/** Splits "codex5-3_vs_opus4-6" (also "a-vs-b", "a vs b", "a.vs.b") into its two names. */
export function splitPair(name: string): [string, string] | null {
  const m = name.match(/^(.+?)[\s._-]+vs\.?[\s._-]+(.+)$/i);
  return m ? [m[1], m[2]] : null;
}

const NOISE = new Set(['eval', 'evals', 'evaluation', 'evaluations', 'review', 'reviews', 'judge', 'judgment', 'judgement', 'by', 'from', 'of', 'the', 'skill', 'skills', 'comparison', 'compare', 'md', 'txt', 'markdown', 'verdict', 'notes']);

/**
 * Which of the candidates a name refers to: by the whole compacted alias inside the name, else by a
 * model family word only one candidate has. Returns the matching ids (one id: a clear match).
 */
export function matchName(name: string, candidates: { id: string; aliases: string[] }[]): string[] {
  const c = compact(name);
  const longest = (cand: { aliases: string[] }) =>
    Math.max(0, ...cand.aliases.map(compact).filter((a) => a && c.includes(a)).map((a) => a.length));
  const best = Math.max(0, ...candidates.map(longest));
  if (best) return candidates.filter((cand) => longest(cand) === best).map((cand) => cand.id);
  const words = tokens(name).filter((t) => !NOISE.has(t));
  const byFamily = candidates.filter((cand) => {
    const own = new Set(cand.aliases.flatMap(tokens));
    return words.some((w) => isFamily(w) && own.has(w));
  });
  return byFamily.map((cand) => cand.id);
}

/** An experiment's slug: its folder's name under content/experiments/ and its page's address. */
export const isSlug = (s: string) => /^[a-z0-9][a-z0-9-]*$/.test(s);

export function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'experiment';
}
