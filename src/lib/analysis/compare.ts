// Pure logic: compares two independently written markdown files side by side. Their sections are
// aligned by heading and content similarity (in order, like a sequence alignment); inside each aligned
// pair of sections the passages (paragraphs, list items) are aligned the same way, and only aligned
// passages get word-level marks. Files that are revisions of each other get a line diff instead.
import { wordMarks } from './sequences.ts';
import { stem, wordList } from '../text/words.ts';
import { FREQUENT_WORDS, FUNCTION_WORDS } from '../text/words/function-words.ts';

export interface Section {
  heading: string;
  /** The section's lines, heading included. */
  text: string;
}

export interface Passage {
  text: string;
  /** Character ranges that differ from the aligned passage on the other side. */
  marks: [number, number][];
}

export interface AlignedSection {
  /** Whether the section is on both sides (aligned), and how alike the two are (0..1). */
  aligned: boolean;
  similarity: number;
  /** Passages side by side: aligned ones on one row (marked), the others in order between them. */
  rows: { a: Passage | null; b: Passage | null; aligned: boolean }[];
}

/** Words that say little about which passage is which. */
const STOP = new Set<string>([...FUNCTION_WORDS, ...FREQUENT_WORDS]);
const tokens = (s: string) =>
  wordList(s)
    .filter((w) => w.length >= 3 && !STOP.has(w))
    .map(stem);

/** Cosine similarity of TF-IDF word vectors, the document frequencies taken over all the texts given. */
function similarityOver(texts: string[]): (a: string, b: string) => number {
  const df = new Map<string, number>();
  for (const t of texts) for (const w of new Set(tokens(t))) df.set(w, (df.get(w) ?? 0) + 1);
  const vectors = new Map<string, Map<string, number>>();
  const vector = (t: string) => {
    let v = vectors.get(t);
    if (!v) {
      v = new Map();
      for (const w of tokens(t))
        v.set(w, (v.get(w) ?? 0) + Math.log(1 + texts.length / (df.get(w) ?? 1)));
      vectors.set(t, v);
    }
    return v;
  };
  return (a, b) => {
    const x = vector(a);
    const y = vector(b);
    let dot = 0,
      nx = 0,
      ny = 0;
    for (const [w, k] of x) {
      nx += k * k;
      dot += k * (y.get(w) ?? 0);
    }
    for (const k of y.values()) ny += k * k;
    return nx && ny ? dot / Math.sqrt(nx * ny) : 0;
  };
}

/** Splits markdown (front matter dropped) at its headings, outside code blocks. */
export function splitSections(markdown: string): Section[] {
  const lines = markdown.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n');
  const out: Section[] = [];
  let current: string[] = [];
  let heading = '';
  let fence: string | null = null;
  const flush = () => {
    const text = current.join('\n').trim();
    if (text) out.push({ heading, text });
  };
  for (const line of lines) {
    const f = line.match(/^\s*(```|~~~)/);
    if (f) fence = fence === null ? f[1] : fence === f[1] ? null : fence;
    const h = fence === null && !f ? line.match(/^#{1,6}\s+(.*)$/) : null;
    if (h) {
      flush();
      current = [];
      heading = h[1].trim();
    }
    current.push(line);
  }
  flush();
  return out;
}

/** Paragraphs, list items and code blocks of a section. */
export function splitPassages(text: string): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  let fence = false;
  const flush = () => {
    if (cur.join('').trim()) out.push(cur.join('\n').trim());
    cur = [];
  };
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      if (!fence) flush();
      fence = !fence;
      cur.push(line);
      if (!fence) flush();
      continue;
    }
    if (fence) {
      cur.push(line);
      continue;
    }
    if (!line.trim() || /^#{1,6}\s/.test(line) || /^\s*(?:[-*+]|\d+[.)])\s/.test(line)) flush();
    if (line.trim()) cur.push(line);
    if (/^#{1,6}\s/.test(line)) flush();
  }
  flush();
  return out;
}

/**
 * Pairs items of two lists one to one, most similar first (independent authors order things
 * differently); pairs under `min` stay apart. Rows follow a's order; each unpaired b item comes
 * right after the row holding the b item before it.
 */
export function align<T>(
  a: T[],
  b: T[],
  sim: (x: T, y: T) => number,
  min: number,
): { a: T | null; b: T | null; similarity: number }[] {
  const candidates = a
    .flatMap((x, i) => b.map((y, j) => ({ i, j, s: sim(x, y) })))
    .filter((c) => c.s >= min);
  candidates.sort((p, q) => q.s - p.s || p.i - q.i || p.j - q.j);
  const pairOfA = new Map<number, { j: number; s: number }>();
  const pairedB = new Set<number>();
  for (const c of candidates) {
    if (pairOfA.has(c.i) || pairedB.has(c.j)) continue;
    pairOfA.set(c.i, { j: c.j, s: c.s });
    pairedB.add(c.j);
  }
  const rows: { a: T | null; b: T | null; similarity: number; bIndex?: number }[] = a.map(
    (x, i) => {
      const p = pairOfA.get(i);
      return p
        ? { a: x, b: b[p.j], similarity: p.s, bIndex: p.j }
        : { a: x, b: null, similarity: 0 };
    },
  );
  b.forEach((y, j) => {
    if (pairedB.has(j)) return;
    const after = rows.findIndex((r) => r.bIndex === j - 1);
    const row = { a: null, b: y, similarity: 0, bIndex: j };
    if (j === 0) rows.unshift(row);
    else if (after === -1) rows.push(row);
    else rows.splice(after + 1, 0, row);
  });
  return rows.map(({ a: x, b: y, similarity }) => ({ a: x, b: y, similarity }));
}

/**
 * Pairs items in order, maximizing total similarity (pairs under `min` stay apart); between two
 * pairs the unpaired items of both sides share rows, unpaired.
 */
export function alignInOrder<T>(
  a: T[],
  b: T[],
  sim: (x: T, y: T) => number,
  min: number,
): { a: T | null; b: T | null; aligned: boolean }[] {
  const s = a.map((x) => b.map((y) => sim(x, y)));
  const best: number[][] = Array.from({ length: a.length + 1 }, () =>
    Array.from({ length: b.length + 1 }, () => 0),
  );
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      best[i][j] = Math.max(
        best[i + 1][j],
        best[i][j + 1],
        s[i][j] >= min ? s[i][j] + best[i + 1][j + 1] : -1,
      );
  const rows: { a: T | null; b: T | null; aligned: boolean }[] = [];
  let gapA: T[] = [];
  let gapB: T[] = [];
  const flush = () => {
    for (let k = 0; k < Math.max(gapA.length, gapB.length); k++)
      rows.push({ a: gapA[k] ?? null, b: gapB[k] ?? null, aligned: false });
    gapA = [];
    gapB = [];
  };
  let i = 0,
    j = 0;
  while (i < a.length || j < b.length) {
    if (
      i < a.length &&
      j < b.length &&
      s[i][j] >= min &&
      best[i][j] === s[i][j] + best[i + 1][j + 1]
    ) {
      flush();
      rows.push({ a: a[i++], b: b[j++], aligned: true });
    } else if (j >= b.length || (i < a.length && best[i][j] === best[i + 1][j])) gapA.push(a[i++]);
    else gapB.push(b[j++]);
  }
  flush();
  return rows;
}

/** Word ranges that differ between two aligned passages. */
function marks(a: string, b: string): [[number, number][], [number, number][]] {
  const m = wordMarks(a, b);
  return [m.a, m.b];
}

/** How alike two sections or passages must be to stand side by side (cosine of TF-IDF vectors). */
const SECTION_MIN = 0.06;
const PASSAGE_MIN = 0.25;

/** The two files' sections side by side, passages aligned and marked within. */
export function compareMarkdown(a: string, b: string): AlignedSection[] {
  const [as, bs] = [splitSections(a), splitSections(b)];
  const similar = similarityOver([...as, ...bs].flatMap((s) => [s.text, ...splitPassages(s.text)]));
  // a section's heading counts twice: it names what the section is about
  const sectionSimilarity = (x: Section, y: Section) =>
    similar(`${x.heading}\n${x.text}`, `${y.heading}\n${y.text}`);
  return align(as, bs, sectionSimilarity, SECTION_MIN).map(({ a: sa, b: sb, similarity }) => {
    const plain = (s: Section | null) => (s ? splitPassages(s.text) : []);
    // a heading lines up with a heading, a passage with a passage
    const isHeading = (t: string) => /^#{1,6}\s/.test(t);
    const passageSimilarity = (x: string, y: string) =>
      isHeading(x) === isHeading(y) ? similar(x, y) : 0;
    const pairs = alignInOrder(plain(sa), plain(sb), passageSimilarity, PASSAGE_MIN);
    const rows = pairs.map((p) => {
      const [ma, mb] = p.aligned ? marks(p.a!, p.b!) : [[], []];
      return {
        a: p.a === null ? null : { text: p.a, marks: ma },
        b: p.b === null ? null : { text: p.b, marks: mb },
        aligned: p.aligned,
      };
    });
    return { aligned: !!(sa && sb), similarity, rows };
  });
}

/**
 * Whether one file is a revision of the other: at least half of the longer one's non-blank lines
 * stand, as they are, in the other too (a set lookup, no diff: it runs for every pair on every build).
 */
export function isRevision(a: string, b: string): boolean {
  const lines = (s: string) =>
    s
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  const [la, lb] = [lines(a), lines(b)];
  const inB = new Set(lb);
  const shared = la.filter((l) => inB.has(l)).length;
  return shared >= 0.5 * Math.max(la.length, lb.length, 1);
}

export const sizeOf = (s: string) => ({
  lines: s.split('\n').length - (s.endsWith('\n') ? 1 : 0),
  words: (s.match(/\S+/g) ?? []).length,
});
