// Pure logic: a judgment written as JSON (a .json file, or a JSON object bare or fenced in
// markdown): its ranking ("rank"), its scores ("score") and its "winner", read as structure before
// any prose. Where its parts disagree (the winner field is not the ranking's first, two entries
// share the top) it answers no winner, with both shown.
import { isRanking, oneNamed } from './decision.ts';
import type { NameIndex } from '../../text/names.ts';

export interface StructuredVerdict {
  winner: string | null;
  evidence: string;
  reason: string;
  ranking?: string[];
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

const LIST_KEYS = ['rankings', 'ranking', 'scores', 'results', 'entries', 'candidates'];
const NAME_KEYS = ['entry', 'name', 'skill', 'artifact', 'model', 'label', 'participant', 'id'];
const WINNER_KEYS = ['winner', 'pick', 'best', 'choice', 'verdict'];

function parse(text: string): Json | null {
  try {
    const x: unknown = JSON.parse(text);
    return isObject(x) ? x : null;
  } catch {
    return null;
  }
}

/** The JSON object of a judgment: the whole text, else its first fenced json block that parses. */
export function judgmentJson(text: string): Json | null {
  const whole = text.trim();
  if (whole.startsWith('{')) return parse(whole);
  for (const m of text.matchAll(/^```(?:json)?[ \t]*\n([\s\S]*?)\n```/gm)) {
    const x = parse(m[1]);
    if (x) return x;
  }
  return null;
}

interface Entry {
  name: string;
  rank?: number;
  score?: number;
}

function entriesOf(json: Json): Entry[] {
  const key = LIST_KEYS.find((k) => k in json);
  const list = key ? json[key] : undefined;
  if (isObject(list))
    return Object.entries(list)
      .filter(([, v]) => typeof v === 'number')
      .map(([name, score]) => ({ name, score: score as number }));
  if (!Array.isArray(list)) return [];
  return list.flatMap((x, i): Entry[] => {
    if (typeof x === 'string') return [{ name: x, rank: i + 1 }];
    if (!isObject(x)) return [];
    const name = NAME_KEYS.map((k) => x[k]).find((v) => typeof v === 'string');
    if (typeof name !== 'string') return [];
    const num = (k: string) => (typeof x[k] === 'number' ? (x[k] as number) : undefined);
    return [{ name, rank: num('rank') ?? num('place'), score: num('score') ?? num('total') }];
  });
}

/** Best first, by rank, else by score; null when neither orders every entry, or two share the top. */
function ordered(entries: Entry[]): Entry[] | null {
  const by = entries.every((e) => e.rank !== undefined)
    ? (a: Entry, b: Entry) => a.rank! - b.rank!
    : entries.every((e) => e.score !== undefined)
      ? (a: Entry, b: Entry) => b.score! - a.score!
      : null;
  if (!by || entries.length < 2) return null;
  const sorted = [...entries].sort(by);
  return by(sorted[0], sorted[1]) === 0 ? null : sorted;
}

const show = (entries: Entry[]) =>
  entries
    .map(
      (e) =>
        `${e.name}${e.rank !== undefined ? ` rank ${e.rank}` : ''}${e.score !== undefined ? ` score ${e.score}` : ''}`,
    )
    .join('; ');

/** A JSON judgment's verdict, or null when the text holds none (the prose rules read it then). */
export function jsonVerdict(text: string, index: NameIndex): StructuredVerdict | null {
  const json = judgmentJson(text);
  if (!json) return null;
  const entries = entriesOf(json);
  const winnerKey = WINNER_KEYS.find((k) => typeof json[k] === 'string');
  if (!entries.length && !winnerKey) return null;
  const sorted = ordered(entries);
  const ids = sorted?.map((e) => oneNamed(index, e.name)) ?? [];
  const ranking = isRanking(ids) ? ids : undefined;
  const top = sorted ? oneNamed(index, sorted[0].name) : null;
  const named = winnerKey ? oneNamed(index, json[winnerKey] as string) : null;
  const evidence = [sorted ? show(sorted) : '', winnerKey ? `${winnerKey}: ${json[winnerKey]}` : '']
    .filter(Boolean)
    .join('; ');
  if (winnerKey && sorted && named !== top)
    return {
      winner: null,
      evidence,
      reason: `the JSON's ${winnerKey} and its ranking disagree (${evidence})`,
    };
  const winner = top ?? named;
  if (!winner)
    return {
      winner: null,
      evidence,
      reason:
        entries.length && !sorted
          ? `the JSON ranks no single entry first (${evidence})`
          : `the JSON's first names no single participant (${evidence})`,
    };
  return {
    winner,
    evidence,
    reason: 'read from the JSON judgment',
    ...(ranking && ranking[0] === winner ? { ranking } : {}),
  };
}

/** The prose a JSON value holds: its strings of a sentence or more (reasoning, notes). */
function proseOf(x: unknown): string[] {
  if (typeof x === 'string') return x.split(/\s+/).length >= 8 ? [x] : [];
  if (Array.isArray(x)) return x.flatMap(proseOf);
  return isObject(x) ? Object.values(x).flatMap(proseOf) : [];
}

/**
 * An evaluation as prose: a JSON judgment (bare, or each fenced json block) replaced by the
 * sentences its strings hold, so that its keys and values are never read as quotations.
 */
export function withoutJson(text: string): string {
  const whole = text.trim();
  if (whole.startsWith('{')) {
    const json = parse(whole);
    return json ? proseOf(json).join('\n\n') : text;
  }
  return text.replace(/^```(?:json)?[ \t]*\n([\s\S]*?)\n```/gm, (block, body: string) => {
    const json = parse(body);
    return json ? proseOf(json).join('\n\n') : block;
  });
}
