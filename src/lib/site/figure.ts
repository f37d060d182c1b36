// Pure logic: the verdict figure. Each model stands on a row as a judge (left) and as the author of
// its skill (right); an arrow runs from each judge to the skill it picked, one per order when it
// judged in several, self-votes marked. The geometry is shared by the page's inline SVG and the
// social card, which draws the boxes itself (its renderer has no fonts for SVG text).

export interface FigureInput {
  /** participant id -> display name */
  names: Record<string, string>;
  /** Participants with a skill, in page order. */
  skills: string[];
  verdicts: {
    judge: string;
    winner: string | null;
    runs?: { winner: string | null; tie?: boolean }[];
  }[];
  /** What an artifact is called ("skill", "essay"). */
  noun?: string;
}

export interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  sub: string;
}

export interface Arrow {
  judge: string;
  winner: string;
  self: boolean;
  /** 1-based order of presentation, when the judge judged in several. */
  order?: number;
  path: string;
  /** Where a short label goes. */
  lx: number;
  ly: number;
}

export interface Figure {
  width: number;
  height: number;
  judges: Box[];
  skills: Box[];
  arrows: Arrow[];
  /** Judges that picked nothing, with the reason shown beside them. */
  open: { judge: string; x: number; y: number; text: string }[];
  title: string;
  desc: string;
  /** The right column's heading: "Skill it picked". */
  picked: string;
}

const W = 500;
const BOX_W = 175;
const BOX_H = 46;
const ROW = 70;
const TOP = 34;

const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One pick of a judge: in one order (`order`, when it judged in several), or its verdict. */
interface Pick {
  v: FigureInput['verdicts'][number];
  winner: string | null;
  order?: number;
}

/** A row per model, as judge and as author; its top. */
function rowsOf(input: FigureInput): (id: string) => number {
  const rows = [...new Set([...input.verdicts.map((v) => v.judge), ...input.skills])];
  return (id: string) => TOP + rows.indexOf(id) * ROW;
}

function boxes(input: FigureInput, y: (id: string) => number, noun: string) {
  const name = (id: string) => short(input.names[id] ?? id, 21);
  const box = (id: string, x: number, sub: string): Box => ({
    id,
    x,
    y: y(id),
    w: BOX_W,
    h: BOX_H,
    label: name(id),
    sub,
  });
  return {
    judges: input.verdicts.map((v) => box(v.judge, 0, 'as judge')),
    skills: input.skills.map((s) => box(s, W - BOX_W, `its ${noun}`)),
  };
}

const picksOf = (input: FigureInput): Pick[] =>
  input.verdicts.flatMap((v) =>
    v.runs?.length
      ? v.runs.map((r, k) => ({ v, winner: r.tie ? null : r.winner, order: k + 1 }))
      : [{ v, winner: v.winner }],
  );

/** An arrow per pick of a skill on the figure; the arrows out of a judge, and into a skill, spread over its box. */
function arrowsOf(input: FigureInput, picks: Pick[], y: (id: string) => number): Arrow[] {
  const total = new Map<string, number>();
  for (const p of picks) if (p.winner) total.set(p.winner, (total.get(p.winner) ?? 0) + 1);
  const outOf = new Map<string, number>();
  const into = new Map<string, number>();
  const arrows: Arrow[] = [];
  for (const p of picks) {
    const { v } = p;
    if (!p.winner || !input.skills.includes(p.winner)) continue;
    const k = outOf.get(v.judge) ?? 0;
    outOf.set(v.judge, k + 1);
    const n = into.get(p.winner) ?? 0;
    into.set(p.winner, n + 1);
    const y1 = y(v.judge) + (BOX_H * (k + 1)) / ((v.runs?.length ?? 1) + 1);
    const y2 = y(p.winner) + (BOX_H * (n + 1)) / (total.get(p.winner)! + 1);
    const [x1, x2] = [BOX_W, W - BOX_W - 8];
    const mx = (x1 + x2) / 2;
    arrows.push({
      judge: v.judge,
      winner: p.winner,
      self: p.winner === v.judge,
      order: p.order,
      path: `M${x1} ${y1.toFixed(1)} C${mx} ${y1.toFixed(1)} ${mx} ${y2.toFixed(1)} ${x2} ${y2.toFixed(1)}`,
      lx: x1 + 12,
      ly: y1 - 4,
    });
  }
  return arrows;
}

/** What each judge picked, in words (the figure's description). */
function sentenceOf(input: FigureInput, v: Pick['v'], mine: Pick[], noun: string): string {
  const name = (id: string) => input.names[id] ?? id;
  const said = mine.map((p) =>
    p.winner
      ? p.winner === v.judge
        ? `its own ${noun}`
        : `${name(p.winner)}’s ${noun}`
      : `no ${noun}`,
  );
  const orders =
    mine.length > 1
      ? ` in ${mine.length} orders: ${said.map((s, k) => `order ${k + 1}, ${s}`).join('; ')}`
      : `: ${said[0]}`;
  const self = mine.some((p) => p.winner === v.judge) ? ' (a self-vote)' : '';
  return `${name(v.judge)} picked${orders}${self}.`;
}

export function layoutFigure(input: FigureInput): Figure {
  const noun = input.noun ?? 'skill';
  const y = rowsOf(input);
  const picks = picksOf(input);
  const open: Figure['open'] = [];
  const sentences = input.verdicts.map((v) => {
    const mine = picks.filter((p) => p.v === v);
    if (!mine.some((p) => p.winner))
      open.push({ judge: v.judge, x: BOX_W + 12, y: y(v.judge) + BOX_H / 2 + 5, text: 'no pick' });
    return sentenceOf(input, v, mine, noun);
  });
  const rows = new Set([...input.verdicts.map((v) => v.judge), ...input.skills]).size;
  return {
    width: W,
    height: TOP + rows * ROW - (ROW - BOX_H) + 4,
    ...boxes(input, y, noun),
    arrows: arrowsOf(input, picks, y),
    open,
    title: `Who picked whose ${noun}`,
    desc: sentences.join(' '),
    picked: `${noun[0].toUpperCase()}${noun.slice(1)} it picked`,
  };
}

/** Colours, as CSS values: var(--x) on the page (light and dark), plain hex for the card. */
export interface Palette {
  fg: string;
  muted: string;
  box: string;
  line: string;
  pick: string;
  self: string;
  font: string;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The arrows (and their heads) alone, or with `text` the whole figure with boxes and labels. */
export function figureSvg(f: Figure, c: Palette, opts: { text: boolean; id?: string }): string {
  const id = opts.id ?? 'verdict-figure';
  const head = (name: string, colour: string) =>
    `<marker id="${id}-${name}" viewBox="0 0 10 10" refX="1" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 0L10 5L0 10z" style="fill:${colour}"/></marker>`;
  const arrows = f.arrows
    .map(
      (a) =>
        `<path d="${a.path}" style="fill:none;stroke:${a.self ? c.self : c.pick};stroke-width:${a.self ? 3 : 2}${a.self ? ';stroke-dasharray:7 4' : ''}" marker-end="url(#${id}-${a.self ? 'self' : 'pick'})"/>`,
    )
    .join('');
  if (!opts.text)
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${f.width}" height="${f.height}" viewBox="0 0 ${f.width} ${f.height}"><defs>${head('pick', c.pick)}${head('self', c.self)}</defs>${arrows}</svg>`;
  const text = (x: number, y: number, s: string, style: string) =>
    `<text x="${x}" y="${y}" style="font-family:${c.font};${style}">${esc(s)}</text>`;
  const box = (b: Box) =>
    `<g><rect x="${b.x + 1}" y="${b.y}" width="${b.w - 2}" height="${b.h}" rx="6" style="fill:${c.box};stroke:${c.line}"/>` +
    text(b.x + 12, b.y + 20, b.label, `font-size:15px;font-weight:600;fill:${c.fg}`) +
    text(b.x + 12, b.y + 38, b.sub, `font-size:12px;fill:${c.muted}`) +
    `</g>`;
  const labels = f.arrows
    .filter((a) => a.order || a.self)
    .map((a) =>
      text(
        a.lx,
        a.ly,
        [a.order ? `order ${a.order}` : '', a.self ? 'self-vote' : ''].filter(Boolean).join(', '),
        `font-size:11px;fill:${a.self ? c.self : c.muted}`,
      ),
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${f.width} ${f.height}" role="img" aria-labelledby="${id}-title ${id}-desc" class="verdict-figure">` +
    `<title id="${id}-title">${esc(f.title)}</title><desc id="${id}-desc">${esc(f.desc)}</desc>` +
    `<defs>${head('pick', c.pick)}${head('self', c.self)}</defs>` +
    text(0, 16, 'Judge', `font-size:12px;font-weight:600;fill:${c.muted}`) +
    text(f.width - BOX_W, 16, f.picked, `font-size:12px;font-weight:600;fill:${c.muted}`) +
    f.judges.map(box).join('') +
    f.skills.map(box).join('') +
    arrows +
    labels +
    f.open.map((o) => text(o.x, o.y, o.text, `font-size:12px;fill:${c.muted}`)).join('') +
    `</svg>`
  );
}
