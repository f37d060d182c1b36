// Data: how people write model names.

/** Model families, with the provider that serves them (undefined: none crossjudge calls). */
export const FAMILIES: Readonly<Record<string, 'openai' | 'anthropic' | undefined>> = {
  gpt: 'openai',
  chatgpt: 'openai',
  codex: 'openai',
  o1: 'openai',
  o3: 'openai',
  o4: 'openai',
  claude: 'anthropic',
  opus: 'anthropic',
  sonnet: 'anthropic',
  haiku: 'anthropic',
  gemini: undefined,
  gemma: undefined,
  llama: undefined,
  qwen: undefined,
  mistral: undefined,
  mixtral: undefined,
  deepseek: undefined,
  grok: undefined,
  kimi: undefined,
  glm: undefined,
  phi: undefined,
};

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
