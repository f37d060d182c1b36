// Pure logic that reads model names out of folder and file names, as people name them by hand:
// "codex-5-3-karpathy-code-discipline", "codex5-3_vs_opus4-6", "opus-4-6-eval", "gpt-4o.md", and
// names as prose writes them (resolveName, NameIndex). Word lists are in words/.
import { FAMILIES, MODEL_SUFFIXES, TITLED_SUFFIXES, UPPERCASE_FAMILIES } from './words/models.ts';
import { FUNCTION_WORDS } from './words/function-words.ts';
import { NAME_NOISE, NAME_NOUNS } from './words/name-words.ts';
import { anyOf } from './patterns.ts';
import { stem, words, wordList, type Word } from './words.ts';

const MODEL_SUFFIX = new Set<string>(MODEL_SUFFIXES);
const TITLED_SUFFIX = new Set<string>(TITLED_SUFFIXES);
const UPPER = new Set<string>(UPPERCASE_FAMILIES);

/** The words of a name, lowercase: "GPT-4o_mini" -> ["gpt", "4o", "mini"]. */
export const tokens = (name: string): string[] => wordList(name);
/** "codex-5-3" and "codex5-3" both give "codex53". */
export const compact = (name: string) => tokens(name).join('');
/** A model family's word, also with its version run in: "gpt4o", "o3", "qwen3". */
export const isFamily = (token: string) =>
  token in FAMILIES || /^(gpt|o)\d/.test(token) || token.replace(/\d[\d.]*$/, '') in FAMILIES;
const isNumber = (t: string) => /^\d+$/.test(t);
const hasDigit = (t: string) => /\d/.test(t);

export function providerOf(name: string): 'openai' | 'anthropic' | undefined {
  for (const t of tokens(name)) {
    if (FAMILIES[t]) return FAMILIES[t];
    if (/^(gpt|o)\d/.test(t)) return 'openai';
  }
  return undefined;
}

/**
 * "codex-5-3" -> "Codex 5.3", "claude-opus-4-6" -> "Claude Opus 4.6", "gpt-4o-mini" -> "GPT-4o
 * mini", "gemini-2-5-pro" -> "Gemini 2.5 Pro".
 */
export function displayModelName(id: string): string {
  const out: string[] = [];
  for (const t of tokens(id)) {
    const prev = out[out.length - 1];
    if (isNumber(t) && prev !== undefined && /(^|-)[\d.]+$/.test(prev))
      out[out.length - 1] = `${prev}.${t}`;
    else if (prev === 'GPT' && /^\d/.test(t)) out[out.length - 1] = `GPT-${t}`;
    else if (UPPER.has(t)) out.push(t.toUpperCase());
    else if (/^[a-z]{2,}\d/.test(t))
      out.push(t[0].toUpperCase() + t.slice(1)); // "Qwen3"
    else if (/^[a-z]/.test(t) && !hasDigit(t) && (!MODEL_SUFFIX.has(t) || TITLED_SUFFIX.has(t)))
      out.push(t[0].toUpperCase() + t.slice(1));
    else out.push(t);
  }
  return out.join(' ');
}

/** A model name at the start or end of a single name: ["gpt","4o"] from "gpt-4o-tweet-skill". */
function familyRun(ts: string[]): string[] | null {
  const grab = (list: string[]) => {
    if (!list.length || !isFamily(list[0])) return null;
    let end = 1;
    while (
      end < list.length &&
      (hasDigit(list[end]) || MODEL_SUFFIX.has(list[end]) || isFamily(list[end]))
    )
      end++;
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
 * ["codex-5-3-karpathy-code-discipline", "opus-4-6-karpathy-code-guidelines"] ->
 * ["codex-5-3", "opus-4-6"].
 * Returns null where it cannot tell the models apart.
 */
export function modelParts(names: string[]): string[] | null {
  const lists = names.map(tokens);
  const shared = (t: string) =>
    names.length > 1 && !hasDigit(t) && lists.every((l) => l.includes(t));
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

/** Words that never tell names apart, in prose or in file names. */
const STOP = new Set<string>([...FUNCTION_WORDS, ...NAME_NOISE]);
/** Words after a lone distinctive word that show it is used as a name: "the discipline skill". */
const NAME_NOUN = new RegExp(`^${anyOf(NAME_NOUNS)}$`);

export interface Candidate {
  id: string;
  /** Every way a text may name it: id, model, folder, front-matter name, blind label, ... */
  aliases: string[];
}

/** A name found uniquely, or none with the reason (no name fits; several fit). */
export type Resolution = { id: string } | { id: null; reason: string };

/** A name found in prose: the candidate and where it stands in the text (character offsets). */
export interface Mention {
  id: string;
  start: number;
  end: number;
}

interface StemmedWord extends Word {
  stem: string;
}

const wordsOf = (text: string): StemmedWord[] =>
  words(text).map((w) => ({ ...w, stem: stem(w.word) }));

/**
 * Name resolution shared by the importer (pair sides, judges), the verdict reader and any check
 * that asks which participant a text is about. A candidate is told apart by what only it has:
 * - a whole alias (compared with case, separators and spacing ignored) that no other candidate has;
 * - else the stems of the words only its aliases have ("coding" for "code", "guidelines" for
 *   "guideline"), with the model prefix free to be dropped and words free to be swapped.
 * When two candidates fit, or none does, there is no answer, with the reason.
 */
export class NameIndex {
  /** Each alias only one candidate has, as its words, longest first. */
  private exact: { alias: string[]; id: string }[];
  private owners = new Map<string, Set<string>>();

  constructor(private candidates: Candidate[]) {
    const byPhrase = new Map<string, Set<string>>();
    for (const c of candidates)
      for (const a of c.aliases) {
        const ws = wordList(a);
        if (!ws.length || ws.join('').length < 2) continue;
        const key = ws.join(' ');
        byPhrase.set(key, (byPhrase.get(key) ?? new Set()).add(c.id));
        for (const x of ws)
          if (!STOP.has(x))
            this.owners.set(stem(x), (this.owners.get(stem(x)) ?? new Set()).add(c.id));
      }
    this.exact = [...byPhrase]
      .filter(([, ids]) => ids.size === 1)
      .map(([k, ids]) => ({ alias: k.split(' '), id: [...ids][0] }))
      .sort(
        (a, b) =>
          b.alias.length - a.alias.length || b.alias.join('').length - a.alias.join('').length,
      );
  }

  /** The candidate whose words only it has; undefined for a word several or none have. */
  private ownerOf(s: string): string | undefined {
    const ids = this.owners.get(s);
    return ids && ids.size === 1 ? [...ids][0] : undefined;
  }

  /** Which candidate a name (a file name, a heading, the words after "Winner:") refers to. */
  resolve(name: string): Resolution {
    const c = compact(name);
    const ids = this.candidates.map((x) => x.id);
    if (!c) return { id: null, reason: 'it is empty' };
    // a whole alias inside the name: the longest one decides
    const longest = new Map<string, number>();
    for (const { alias, id } of this.exact) {
      const a = alias.join('');
      if (a.length >= 2 && c.includes(a)) longest.set(id, Math.max(longest.get(id) ?? 0, a.length));
    }
    if (longest.size) {
      const best = Math.max(...longest.values());
      const top = [...longest].filter(([, n]) => n === best).map(([id]) => id);
      if (top.length === 1) return { id: top[0] };
    }
    // the words only one candidate has, by stem
    const score = new Map<string, number>();
    const seen = new Set<string>();
    const touched = new Set<string>();
    for (const w of wordsOf(name)) {
      if (STOP.has(w.word) || seen.has(w.stem)) continue;
      seen.add(w.stem);
      for (const id of this.owners.get(w.stem) ?? []) touched.add(id);
      const own = this.ownerOf(w.stem);
      if (own) score.set(own, (score.get(own) ?? 0) + 1);
    }
    const ranked = [...score].sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    if (first && first[1] >= 2 * (second?.[1] ?? 0) + 1) return { id: first[0] };
    if (ranked.length > 1)
      return { id: null, reason: `it could be ${ranked.map(([id]) => id).join(' or ')}` };
    if (touched.size > 1) return { id: null, reason: `it could be ${[...touched].join(' or ')}` };
    return { id: null, reason: `it names none of ${ids.join(', ')}` };
  }

  /**
   * The names in a sentence of prose. A whole alias counts; so does a run of alias words holding
   * words only one candidate has, when the run is a model name, two words or more, set apart
   * (`marked`: backticks, bold, a link), or followed by "skill", "version", ...; a lone common word
   * ("discipline") in a sentence does not.
   */
  mentions(text: string, marked: [number, number][] = []): Mention[] {
    const ws = wordsOf(text);
    const used = ws.map(() => false);
    const found: Mention[] = [];
    for (const { alias, id } of this.exact) {
      for (let i = 0; i + alias.length <= ws.length; i++) {
        if (used.slice(i, i + alias.length).some(Boolean)) continue;
        if (
          alias.every(
            (w, k) => ws[i + k].word === w && (k === 0 || joined(text, ws[i + k - 1], ws[i + k])),
          )
        ) {
          for (let k = 0; k < alias.length; k++) used[k + i] = true;
          found.push({ id, start: ws[i].start, end: ws[i + alias.length - 1].end });
        }
      }
    }
    // runs of alias words
    let i = 0;
    while (i < ws.length) {
      if (used[i] || !this.owners.has(ws[i].stem) || STOP.has(ws[i].word)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (
        j < ws.length &&
        !used[j] &&
        this.owners.has(ws[j].stem) &&
        !STOP.has(ws[j].word) &&
        joined(text, ws[j - 1], ws[j])
      )
        j++;
      const run = ws.slice(i, j);
      const own = new Set(run.map((w) => this.ownerOf(w.stem)).filter((x): x is string => !!x));
      if (own.size === 1) {
        const after =
          ws[j] && /^[\s'’-]*$/.test(text.slice(ws[j - 1].end, ws[j].start)) ? ws[j].word : '';
        const start = run[0].start;
        const end = run[run.length - 1].end;
        const isMarked = marked.some(([a, b]) => a <= start && end <= b);
        const lettered = run.filter((w) => !/^\d+$/.test(w.word));
        const model = run.some((w) => isFamily(w.word) && this.ownerOf(w.stem));
        if (lettered.length && (model || lettered.length >= 2 || isMarked || NAME_NOUN.test(after)))
          found.push({ id: [...own][0], start, end });
      }
      i = j;
    }
    return found.sort((a, b) => a.start - b.start);
  }
}

/** Two words of one name: nothing but a separator between them. */
const joined = (text: string, a: Word, b: Word) =>
  /^[\s\-_./:]{0,2}$/.test(text.slice(a.end, b.start)) &&
  !/[.:]\s/.test(text.slice(a.end, b.start));

/**
 * Which candidate a name refers to: `{ id }`, or `{ id: null, reason }` when none or several fit.
 * See NameIndex.
 */
export function resolveName(name: string, candidates: Candidate[]): Resolution {
  return new NameIndex(candidates).resolve(name);
}

/** An experiment's slug: its folder's name under content/experiments/ and its page's address. */
export const isSlug = (s: string) => /^[a-z0-9][a-z0-9-]*$/.test(s);

export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'experiment'
  );
}
