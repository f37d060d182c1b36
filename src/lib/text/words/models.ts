// Data: how people write model names.

/** Model families: words that make a name a model's name. Nothing is inferred from them (not the maker, not how a run calls the model). */
export const FAMILIES: ReadonlySet<string> = new Set([
  'gpt',
  'chatgpt',
  'codex',
  'o1',
  'o3',
  'o4',
  'claude',
  'opus',
  'sonnet',
  'haiku',
  'gemini',
  'gemma',
  'llama',
  'qwen',
  'mistral',
  'mixtral',
  'deepseek',
  'grok',
  'kimi',
  'glm',
  'phi',
]);

/** Words after a model's version that are part of its name: "gpt-4o-mini", "gemini-2-5-pro". */
export const MODEL_SUFFIXES = [
  'mini',
  'nano',
  'pro',
  'max',
  'flash',
  'turbo',
  'preview',
  'latest',
  'high',
  'xhigh',
  'low',
  'medium',
  'thinking',
] as const;

/** Suffixes written in capitals ("Gemini 2.5 Pro"); the others stay lowercase ("GPT-4o mini"). */
export const TITLED_SUFFIXES = ['pro', 'max', 'flash', 'turbo', 'preview', 'thinking'] as const;

/** Families written all in capitals. */
export const UPPERCASE_FAMILIES = ['gpt', 'glm'] as const;
