// Pure logic: the verdict figure. Each model stands on a row as a judge (left) and as the author of
// its skill (right); an arrow runs from each judge to the skill it picked, one per order when it
// judged in several, self-votes marked. The geometry is shared by the page's inline SVG and the
// social card, which draws the boxes itself (its renderer has no fonts for SVG text).
// Sized for a phone: drawn at about its own size on a 390 px screen, its smallest text is 13 px there
// (the page caps its width on wider screens, see global.css). An arrow leaves its judge's box along a
// lane of its own, and its label (the order it judged in, "self" for a self-vote) sits on that lane
// before the arrow starts, so no arrow crosses a label.

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

/** The model that made an artifact (or the judge itself). */
const modelIn = (input: FigureInput, id: string) => input.models?.[id] ?? id;
/** A judge picking an artifact of its own model. */
const isSelf = (input: FigureInput, judge: string, winner: string | null) =>
  !!winner && modelIn(input, winner) === modelIn(input, judge);

export interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  /** The label as drawn on the page: one or two lines. */
  lines: string[];
  sub: string;
}

export interface Arrow {
  judge: string;
  winner: string;
  self: boolean;
  /** 1-based order of presentation, when the judge judged in several. */
  order?: number;
  path: string;
  /** Its label ("1", "2 self"; empty for none) and where it goes: on the arrow's lane, before it. */
  label: string;
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

const W = 360;
const BOX_W = 124;
const TOP = 30;
/** Font sizes (px at the figure's own size): names, then everything else. */
export const NAME_SIZE = 14;
export const TEXT_SIZE = 13;
const LINE = 17;
/** Rough advance of a character, as a share of the font size (for wrapping and the label lane). */
const ADVANCE = 0.6;

const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A name in at most two lines that fit a box, broken between words where it can. */
export function wrapName(
  name: string,
  perLine = Math.floor((BOX_W - 20) / (NAME_SIZE * ADVANCE)),
): string[] {
  if (name.length <= perLine) return [name];
  const words = name.split(/\s+/);
  let first = '';
  while (words.length && (first ? `${first} ${words[0]}` : words[0]).length <= perLine)
    first = first ? `${first} ${words.shift()}` : words.shift()!;
  if (!first) return [short(name, perLine), short(name.slice(perLine - 1), perLine)];
  return [first, short(words.join(' '), perLine)];
}

/** What depends on the figure's content: the height of a box and of a row, the label lane's width. */
interface Geometry {
  boxH: number;
  row: number;
  lane: number;
}

function geometryOf(input: FigureInput, labels: string[]): Geometry {
  const names = [...input.verdicts.map((v) => v.judge), ...input.skills];
  const lines = Math.max(1, ...names.map((id) => wrapName(input.names[id] ?? id).length));
  const orders = Math.max(1, ...input.verdicts.map((v) => v.runs?.length ?? 1));
  // room for the name and the sub line, and a lane of at least 15 px per arrow out of a judge
  const boxH = Math.max(16 + lines * LINE + TEXT_SIZE + 4, (orders + 1) * 15);
  const widest = Math.max(0, ...labels.map((l) => l.length));
  return { boxH, row: boxH + 22, lane: widest ? Math.ceil(widest * TEXT_SIZE * ADVANCE) + 10 : 0 };
}

/** One pick of a judge: in one order (`order`, when it judged in several), or its verdict. */
interface Pick {
  v: FigureInput['verdicts'][number];
  winner: string | null;
  order?: number;
}

/** A row per model, as judge and as author; its top. */
function rowsOf(input: FigureInput, g: Geometry): (id: string) => number {
  const rows = [...new Set([...input.verdicts.map((v) => v.judge), ...input.skills])];
  return (id: string) => TOP + rows.indexOf(id) * g.row;
}

function boxes(input: FigureInput, y: (id: string) => number, g: Geometry, noun: string) {
  const name = (id: string) => input.names[id] ?? id;
  const box = (id: string, x: number, sub: string): Box => ({
    id,
    x,
    y: y(id),
    w: BOX_W,
    h: g.boxH,
    label: short(name(id), 26),
    lines: wrapName(name(id)),
    sub,
  });
  return {
    judges: input.verdicts.map((v) => box(v.judge, 0, 'as judge')),
    skills: input.skills.map((s) =>
      box(
        s,
        W - BOX_W,
        modelIn(input, s) === s ? `its ${noun}` : `${short(name(modelIn(input, s)), 14)}’s ${noun}`,
      ),
    ),
  };
}

const picksOf = (input: FigureInput): Pick[] =>
  input.verdicts.flatMap((v) =>
    v.runs?.length
      ? v.runs.map((r, k) => ({ v, winner: r.tie ? null : r.winner, order: k + 1 }))
      : [{ v, winner: v.winner }],
  );

/** A pick's label: the order it was made in, when there were several; "self" for a self-vote. */
const labelOf = (input: FigureInput, p: Pick) =>
  [p.order ? String(p.order) : '', isSelf(input, p.v.judge, p.winner) ? 'self' : '']
    .filter(Boolean)
    .join(' ');

/**
 * An arrow per pick of a skill on the figure; the arrows out of a judge, and into a skill, spread
 * over its box. Each leaves its judge straight along its own lane, past the label lane (where its
 * label stands), and only then curves towards its skill.
 */
function arrowsOf(
  input: FigureInput,
  picks: Pick[],
  y: (id: string) => number,
  g: Geometry,
): Arrow[] {
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
    const y1 = (y(v.judge) + (g.boxH * (k + 1)) / ((v.runs?.length ?? 1) + 1)).toFixed(1);
    const y2 = (y(p.winner) + (g.boxH * (n + 1)) / (total.get(p.winner)! + 1)).toFixed(1);
    const label = labelOf(input, p);
    // a labelled arrow starts after its label; the others run straight through the lane
    const [x1, xs, x2] = [label ? BOX_W + g.lane : BOX_W, BOX_W + g.lane, W - BOX_W - 8];
    const mx = (xs + x2) / 2;
    arrows.push({
      judge: v.judge,
      winner: p.winner,
      self: isSelf(input, v.judge, p.winner),
      order: p.order,
      path: `M${x1} ${y1} H${xs} C${mx} ${y1} ${mx} ${y2} ${x2} ${y2}`,
      label,
      lx: BOX_W + 5,
      ly: Number(y1) + TEXT_SIZE * 0.36,
    });
  }
  return arrows;
}

/** What each judge picked, in words (the figure's description). */
function sentenceOf(input: FigureInput, v: Pick['v'], mine: Pick[], noun: string): string {
  const name = (id: string) => input.names[id] ?? id;
  const said = mine.map((p) =>
    p.winner
      ? isSelf(input, v.judge, p.winner)
        ? `its own ${noun}${p.winner === v.judge ? '' : ` ${name(p.winner)}`}`
        : `${name(p.winner)}’s ${noun}`
      : `no ${noun}`,
  );
  const orders =
    mine.length > 1
      ? ` in ${mine.length} orders: ${said.map((s, k) => `order ${k + 1}, ${s}`).join('; ')}`
      : `: ${said[0]}`;
  const self = mine.some((p) => isSelf(input, v.judge, p.winner)) ? ' (a self-vote)' : '';
  return `${name(v.judge)} picked${orders}${self}.`;
}

export function layoutFigure(input: FigureInput): Figure {
  const noun = input.noun ?? 'skill';
  const picks = picksOf(input);
  const g = geometryOf(
    input,
    picks.map((p) => labelOf(input, p)),
  );
  const y = rowsOf(input, g);
  const open: Figure['open'] = [];
  const sentences = input.verdicts.map((v) => {
    const mine = picks.filter((p) => p.v === v);
    if (!mine.some((p) => p.winner))
      open.push({ judge: v.judge, x: BOX_W + 8, y: y(v.judge) + g.boxH / 2 + 5, text: 'no pick' });
    return sentenceOf(input, v, mine, noun);
  });
  const rows = new Set([...input.verdicts.map((v) => v.judge), ...input.skills]).size;
  return {
    width: W,
    height: TOP + rows * g.row - (g.row - g.boxH) + 4,
    ...boxes(input, y, g, noun),
    arrows: arrowsOf(input, picks, y, g),
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
  const small = `font-size:${TEXT_SIZE}px`;
  // the name's lines and the sub line, centred in the box
  const box = (b: Box) => {
    const top = b.y + (b.h - b.lines.length * LINE - TEXT_SIZE - 6) / 2;
    const name = (l: string, i: number) =>
      text(
        b.x + 10,
        top + NAME_SIZE + i * LINE,
        l,
        `font-size:${NAME_SIZE}px;font-weight:600;fill:${c.fg}`,
      );
    return (
      `<g><rect x="${b.x + 1}" y="${b.y}" width="${b.w - 2}" height="${b.h}" rx="6" style="fill:${c.box};stroke:${c.line}"/>` +
      b.lines.map(name).join('') +
      text(
        b.x + 10,
        top + b.lines.length * LINE + TEXT_SIZE + 4,
        b.sub,
        `${small};fill:${c.muted}`,
      ) +
      `</g>`
    );
  };
  const labels = f.arrows
    .filter((a) => a.label)
    .map((a) =>
      text(a.lx, a.ly, a.label, `${small};font-weight:600;fill:${a.self ? c.self : c.muted}`),
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${f.width} ${f.height}" role="img" aria-labelledby="${id}-title ${id}-desc" class="verdict-figure">` +
    `<title id="${id}-title">${esc(f.title)}</title><desc id="${id}-desc">${esc(f.desc)}</desc>` +
    `<defs>${head('pick', c.pick)}${head('self', c.self)}</defs>` +
    text(0, 16, 'Judge', `${small};font-weight:600;fill:${c.muted}`) +
    text(f.width, 16, f.picked, `${small};font-weight:600;fill:${c.muted};text-anchor:end`) +
    f.judges.map(box).join('') +
    f.skills.map(box).join('') +
    arrows +
    labels +
    f.open.map((o) => text(o.x, o.y, o.text, `${small};fill:${c.muted}`)).join('') +
    `</svg>`
  );
}
