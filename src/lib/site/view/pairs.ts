// Pairs of skills (pairsOf), file by file. Independently written markdown is compared side by side
// (sections aligned); files that are revisions of each other, and other files, get the line and
// word diff.
import type { Skill } from '../../content/experiment.ts';
import { isRevision } from '../../analysis/compare.ts';
import { diffHtml } from '../render/diff.ts';
import { langOf } from '../render/highlighter.ts';
import { sideBySideHtml } from './side-by-side.ts';

export type FileComparison =
  | { path: string; kind: 'diff'; html: string; added: number; removed: number }
  | { path: string; kind: 'side-by-side'; html: string }
  | { path: string; kind: 'only'; in: string }
  | { path: string; kind: 'binary' };

export interface PairView {
  a: string;
  b: string;
  files: FileComparison[];
}

/** SKILL.md first, then the others by path. */
const byPath = (x: string, y: string) =>
  x === 'SKILL.md' ? -1 : y === 'SKILL.md' ? 1 : x.localeCompare(y);

async function compareFile(
  a: Skill,
  b: Skill,
  path: string,
  name: (id: string) => string,
  noun: string,
): Promise<FileComparison> {
  const fa = a.files.find((f) => f.path === path);
  const fb = b.files.find((f) => f.path === path);
  if (!fa || !fb) return { path, kind: 'only', in: (fa ? a : b).participant };
  if (fa.content === null || fb.content === null) return { path, kind: 'binary' };
  const lang = langOf(path);
  if (lang === 'markdown' && !isRevision(fa.content, fb.content)) {
    const names: [string, string] = [name(a.participant), name(b.participant)];
    return {
      path,
      kind: 'side-by-side',
      html: sideBySideHtml(fa.content, fb.content, names, noun),
    };
  }
  return { path, kind: 'diff', ...(await diffHtml(fa.content, fb.content, lang)) };
}

/**
 * The pairs to compare: two skills, the one pair; more, each skill with the one the judges picked
 * most (ties: the first), which reads as "how the others differ from it" in n - 1 comparisons
 * instead of every pair's n(n - 1)/2 (six for four skills, each repeating both files).
 */
export function pairsOf(skills: Skill[], winners: (string | null)[]): [Skill, Skill][] {
  if (skills.length === 2) return [[skills[0], skills[1]]];
  const votes = (s: Skill) => winners.filter((w) => w === s.participant).length;
  const lead = skills.reduce((best, s) => (votes(s) > votes(best) ? s : best), skills[0]);
  return skills.filter((s) => s !== lead).map((s) => [lead, s]);
}

export async function comparePairs(
  skills: Skill[],
  winners: (string | null)[],
  name: (id: string) => string,
  noun: string,
): Promise<PairView[]> {
  const pairs = pairsOf(skills, winners);
  const out: PairView[] = [];
  for (const [a, b] of pairs) {
    const paths = [...new Set([...a.files, ...b.files].map((f) => f.path))].sort(byPath);
    const files: FileComparison[] = [];
    for (const path of paths) files.push(await compareFile(a, b, path, name, noun));
    out.push({ a: a.participant, b: b.participant, files });
  }
  return out;
}
