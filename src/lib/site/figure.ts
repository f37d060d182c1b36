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
  /** participant id -> the model that made it (model-of.ts), where it is not the participant itself. */
  models?: Record<string, string>;
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

/** What the steps of the layout share: names, models, rows and the picks, one per order judged. */
interface Frame {
  input: FigureInput;
  noun: string;
  name: (id: string) => string;
  model: (id: string) => string;
  self: (judge: string, winner: string | null) => boolean;
  y: (id: string) => number;
  picks: { v: FigureInput['verdicts'][number]; winner: string | null; order?: number }[];
}

function frameOf(input: FigureInput, rows: string[]): Frame {
  const model = (id: string) => input.models?.[id] ?? id;
  return {
    input,
    noun: input.noun ?? 'skill',
    name: (id) => input.names[id] ?? id,
    model,
    self: (judge, winner) => !!winner && model(winner) === model(judge),
    y: (id) => TOP + rows.indexOf(id) * ROW,
    picks: input.verdicts.flatMap((v) =>
      v.runs?.length
        ? v.runs.map((r, k) => ({ v, winner: r.tie ? null : r.winner, order: k + 1 }))
        : [{ v, winner: v.winner }],
    ),
  };
}

/** The boxes: each judge on the left, each artifact on the right, on its model's row where it has one. */
function boxesOf(f: Frame): { judges: Box[]; skills: Box[] } {
  const box = (id: string, x: number, sub: string) => ({
    id,
    x,
    y: f.y(id),
    w: BOX_W,
    h: BOX_H,
    label: short(f.name(id), 21),
    sub,
  });
  return {
    judges: f.input.verdicts.map((v) => box(v.judge, 0, 'as judge')),
    skills: f.input.skills.map((s) =>
      box(
        s,
        W - BOX_W,
        f.model(s) === s ? `its ${f.noun}` : `${short(f.name(f.model(s)), 14)}’s ${f.noun}`,
      ),
    ),
  };
}

/** An arrow per pick, the arrows out of a judge and into an artifact spread over the box's height. */
function arrowsOf(f: Frame): Arrow[] {
  const total = new Map<string, number>();
  for (const p of f.picks) if (p.winner) total.set(p.winner, (total.get(p.winner) ?? 0) + 1);
  const into = new Map<string, number>();
  const outOf = new Map<string, number>();
  const arrows: Arrow[] = [];
  for (const { v, winner, order } of f.picks) {
    if (!winner || !f.input.skills.includes(winner)) continue;
    const k = outOf.get(v.judge) ?? 0;
    outOf.set(v.judge, k + 1);
    const n = into.get(winner) ?? 0;
    into.set(winner, n + 1);
    const y1 = f.y(v.judge) + (BOX_H * (k + 1)) / ((v.runs?.length ?? 1) + 1);
    const y2 = f.y(winner) + (BOX_H * (n + 1)) / (total.get(winner)! + 1);
    const [x1, x2] = [BOX_W, W - BOX_W - 8];
    const mx = (x1 + x2) / 2;
    arrows.push({
      judge: v.judge,
      winner,
      self: f.self(v.judge, winner),
      order,
      path: `M${x1} ${y1.toFixed(1)} C${mx} ${y1.toFixed(1)} ${mx} ${y2.toFixed(1)} ${x2} ${y2.toFixed(1)}`,
      lx: x1 + 12,
      ly: y1 - 4,
    });
  }
  return arrows;
}

/** A sentence per judge for readers without the picture ("A picked its own skill (a self-vote)."). */
function sentenceOf(f: Frame, v: FigureInput['verdicts'][number]): string {
  const mine = f.picks.filter((p) => p.v === v);
  const said = mine.map((p) =>
    p.winner
      ? f.self(v.judge, p.winner)
        ? `its own ${f.noun}${p.winner === v.judge ? '' : ` ${f.name(p.winner)}`}`
        : `${f.name(p.winner)}’s ${f.noun}`
      : `no ${f.noun}`,
  );
  const orders =
    mine.length > 1
      ? ` in ${mine.length} orders: ${said.map((s, k) => `order ${k + 1}, ${s}`).join('; ')}`
      : `: ${said[0]}`;
  const self = mine.some((p) => f.self(v.judge, p.winner)) ? ' (a self-vote)' : '';
  return `${f.name(v.judge)} picked${orders}${self}.`;
}

export function layoutFigure(input: FigureInput): Figure {
  const rows = [...new Set([...input.verdicts.map((v) => v.judge), ...input.skills])];
  const f = frameOf(input, rows);
  const { noun } = f;
  const open = input.verdicts
    .filter((v) => !f.picks.some((p) => p.v === v && p.winner))
    .map((v) => ({
      judge: v.judge,
      x: BOX_W + 12,
      y: f.y(v.judge) + BOX_H / 2 + 5,
      text: 'no pick',
    }));
  return {
    width: W,
    height: TOP + rows.length * ROW - (ROW - BOX_H) + 4,
    ...boxesOf(f),
    arrows: arrowsOf(f),
    open,
    title: `Who picked whose ${noun}`,
    desc: input.verdicts.map((v) => sentenceOf(f, v)).join(' '),
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
