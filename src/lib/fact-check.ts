// Pure logic: the fact check. Finds the measurable claims of each evaluation (claims.ts), measures
// the skill, file or section each is about, and says whether it holds.
//   exact counts: lines within one (editors show one more line than `wc -l`), everything else equal;
//   "~", "about", "roughly": within 10% (and within one line); "over", "under", "at least": the bound.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root, RootContent, Heading, List } from 'mdast';
import { findClaims, type ClaimContext, type FoundClaim, type Mention, type Measure } from './claims.ts';
import { nameFinder, norm, type Named } from './verdict.ts';

export interface SkillText {
  participant: string;
  /** Every file of the skill; `content` null for binary files. */
  files: { path: string; content: string | null }[];
}

export interface Claim extends FoundClaim {
  /** The evaluation the claim is in. */
  file: string;
  measured: number | null;
  /** true or false, or null when the claim cannot be checked (`why` says why). */
  holds: boolean | null;
  why?: string;
}

export const countWords = (s: string) => (s.match(/\S+/g) ?? []).length;
export const countLines = (s: string) => (s === '' ? 0 : s.split('\n').length - (s.endsWith('\n') ? 1 : 0));

const isMarkdown = (p: string) => /\.(md|markdown|mdx)$/i.test(p);
const parse = (text: string) => unified().use(remarkParse).use(remarkGfm).parse(text) as Root;
const headingText = (h: Heading): string =>
  h.children.map((c) => ('value' in c ? c.value : 'children' in c ? headingText({ ...h, children: c.children as Heading['children'] }) : '')).join('');

/** The skill's markdown structure: each heading with the top-level nodes below it. */
function outline(text: string) {
  const nodes = parse(text.replace(/^---\n[\s\S]*?\n---\n/, (fm) => fm.replace(/[^\n]/g, ''))).children;
  const headings = nodes.flatMap((n, i) => (n.type === 'heading' ? [{ depth: n.depth, text: headingText(n).trim(), index: i }] : []));
  return { nodes, headings };
}
type Outline = ReturnType<typeof outline>;

/** The top-level nodes of a section: from its heading to the next heading as high or higher. */
function sectionNodes(o: Outline, heading: string): RootContent[] | null {
  const h = o.headings.find((x) => x.text === heading);
  if (!h) return null;
  const end = o.headings.find((x) => x.index > h.index && x.depth <= h.depth)?.index ?? o.nodes.length;
  return o.nodes.slice(h.index + 1, end);
}

const lists = (nodes: RootContent[]) => nodes.filter((n): n is List => n.type === 'list');

/** Headings at the document's section level: level 2 under a single title, else the highest level there is. */
function topHeadings(o: Outline): number {
  if (!o.headings.length) return 0;
  const titles = o.headings.filter((h) => h.depth === 1).length;
  const depth = titles === 1 ? 2 : Math.min(...o.headings.map((h) => h.depth));
  return o.headings.filter((h) => h.depth === depth).length;
}

type Measured = { value: number; file?: string } | { why: string };

function measureStructure(measure: Measure, o: Outline, section: string | null): Measured {
  const nodes = section ? sectionNodes(o, section) : o.nodes;
  if (!nodes) return { why: `no section "${section}"` };
  if (measure === 'headings') {
    if (!section) return { value: topHeadings(o) };
    const h = o.headings.find((x) => x.text === section)!;
    return { value: nodes.filter((n) => n.type === 'heading' && n.depth === h.depth + 1).length };
  }
  const all = lists(nodes);
  if (measure === 'list-items') return { value: all.reduce((n, l) => n + l.children.length, 0) };
  // steps: a numbered list; without a named section only when there is one
  const ordered = all.filter((l) => l.ordered);
  if (ordered.length === 1) return { value: ordered[0].children.length };
  if (section && ordered.length) return { value: ordered.reduce((n, l) => n + l.children.length, 0) };
  return { why: ordered.length ? 'several numbered lists; the claim does not name one' : 'no numbered list' };
}

function measureClaim(c: FoundClaim, skill: SkillText | undefined): Measured {
  if (!skill) return { why: c.about ? 'that skill is not in the experiment' : 'cannot tell which skill it is about' };
  const text = skill.files.filter((f) => f.content !== null);
  const file = c.target ?? c.section?.file ?? null;
  const one = file === null ? null : skill.files.find((f) => f.path.toLowerCase() === file.toLowerCase() || f.path.toLowerCase().endsWith(`/${file.toLowerCase()}`));
  if (file !== null && !one) return { why: `the skill has no file ${file}` };
  if (c.measure === 'files') return { value: skill.files.length };
  if (c.measure === 'lines') return { value: one ? countLines(one.content ?? '') : text.reduce((n, f) => n + countLines(f.content!), 0), file: one?.path };
  if (c.measure === 'words') return { value: one ? countWords(one.content ?? '') : text.reduce((n, f) => n + countWords(f.content!), 0), file: one?.path };
  const doc = one ?? skill.files.find((f) => f.path.toLowerCase() === 'skill.md');
  if (!doc || doc.content === null || !isMarkdown(doc.path)) return { why: 'no markdown file to count in' };
  const m = measureStructure(c.measure, outline(doc.content), c.section?.heading ?? null);
  return 'value' in m ? { ...m, file: c.target || c.section ? doc.path : undefined } : m;
}

export function holds(c: Pick<FoundClaim, 'measure' | 'claimed' | 'qualifier'>, measured: number): boolean {
  const slack = c.measure === 'lines' ? 1 : 0;
  switch (c.qualifier) {
    case 'exact':
      return Math.abs(measured - c.claimed) <= slack;
    case 'approx':
      return Math.abs(measured - c.claimed) <= Math.max(slack, 0.1 * c.claimed);
    case 'more':
      return measured > c.claimed;
    case 'less':
      return measured < c.claimed;
    case 'at-least':
      return measured >= c.claimed;
    case 'at-most':
      return measured <= c.claimed;
  }
}

/** Finds skills by name and files by path or file name ("philosophy.md", "SKILL.md"), with offsets in the text. */
export function mentionFinder(named: Named[], skills: SkillText[]): (text: string) => Mention[] {
  const find = nameFinder(named);
  const files = skills.flatMap((s) => s.files.map((f) => ({ id: s.participant, path: f.path })));
  const fileNames = [...new Set(files.flatMap((f) => [f.path, f.path.split('/').pop()!]))].sort((a, b) => b.length - a.length);
  return (text: string) => {
    const starts = [...text.toLowerCase().matchAll(/[a-z0-9]+/g)].map((m) => m.index!);
    const skillsNamed = find(text).map((m) => {
      const n = norm(text);
      const token = n.slice(0, m.at + 1).split(' ').length - 2;
      return { id: m.id, at: starts[token] ?? 0 };
    });
    const filesNamed: Mention[] = [];
    const lower = text.toLowerCase();
    const taken = new Set<number>();
    for (const name of fileNames) {
      const escaped = name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      for (const m of lower.matchAll(new RegExp(`(?<![\\w/.-])${escaped}(?![\\w/-])`, 'g'))) {
        if (taken.has(m.index!)) continue;
        taken.add(m.index! + m[0].length - name.split('/').pop()!.length);
        const owners = [...new Set(files.filter((f) => f.path.toLowerCase() === name.toLowerCase() || f.path.toLowerCase().endsWith(`/${name.toLowerCase()}`)).map((f) => f.id))];
        filesNamed.push({ id: owners.length === 1 ? owners[0] : null, file: name, at: m.index! });
      }
    }
    return [...skillsNamed, ...filesNamed].sort((a, b) => a.at - b.at);
  };
}

/** Every claim of one evaluation, measured. */
export function checkClaims(file: string, markdown: string, skills: SkillText[], named: Named[]): Claim[] {
  const sections = skills.flatMap((s) =>
    s.files.filter((f) => f.content !== null && isMarkdown(f.path)).flatMap((f) => outline(f.content!).headings.map((h) => ({ id: s.participant, file: f.path, heading: h.text }))),
  );
  const ctx: ClaimContext = { mentions: mentionFinder(named, skills), sections };
  return findClaims(markdown, ctx).map((c) => {
    const m = measureClaim(c, skills.find((s) => s.participant === c.about));
    if (!('value' in m)) return { ...c, file, measured: null, holds: null, why: m.why };
    return { ...c, target: c.target && m.file ? m.file : c.target, file, measured: m.value, holds: holds(c, m.value) };
  });
}
