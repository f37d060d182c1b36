// Pure logic: the fact check. Finds the measurable claims of each evaluation (claims.ts), measures
// the skill, file or section each is about, and says whether it holds.
//   exact counts: lines within one (editors show one more line than `wc -l`), everything else equal;
//   "~", "about", "roughly": within 10% (and within one line); "over", "under", "at least": the bound.
import { parseMarkdown } from '../text/mdtext.ts';
import type { RootContent, Heading, List } from 'mdast';
import {
  findClaims,
  SCRIPT,
  type ClaimContext,
  type FoundClaim,
  type Mention,
  type Measure,
} from '../reading/claims.ts';
import type { Named } from '../reading/verdict.ts';
import { NameIndex, tokens } from '../text/names.ts';

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
export const countLines = (s: string) =>
  s === '' ? 0 : s.split('\n').length - (s.endsWith('\n') ? 1 : 0);

const isMarkdown = (p: string) => /\.(md|markdown|mdx)$/i.test(p);
const parse = parseMarkdown;
const headingText = (h: Heading): string =>
  h.children
    .map((c) =>
      'value' in c
        ? c.value
        : 'children' in c
          ? headingText({ ...h, children: c.children as Heading['children'] })
          : '',
    )
    .join('');

/** The skill's markdown structure: each heading with the top-level nodes below it. */
function outline(text: string) {
  // the body as the quote check and the page read it, so that one parse serves all three
  const nodes = parse(text.replace(/^---\n[\s\S]*?\n---\n/, '')).children;
  const headings = nodes.flatMap((n, i) =>
    n.type === 'heading' ? [{ depth: n.depth, text: headingText(n).trim(), index: i }] : [],
  );
  return { nodes, headings };
}
type Outline = ReturnType<typeof outline>;

/** The top-level nodes of a section: from its heading to the next heading as high or higher. */
function sectionNodes(o: Outline, heading: string): RootContent[] | null {
  const h = o.headings.find((x) => x.text === heading);
  if (!h) return null;
  const end =
    o.headings.find((x) => x.index > h.index && x.depth <= h.depth)?.index ?? o.nodes.length;
  return o.nodes.slice(h.index + 1, end);
}

const lists = (nodes: RootContent[]) => nodes.filter((n): n is List => n.type === 'list');

type Measured = { value: number; file?: string } | { why: string };

function measureStructure(measure: Measure, o: Outline, section: string | null): Measured {
  const nodes = section ? sectionNodes(o, section) : o.nodes;
  if (!nodes) return { why: `no section "${section}"` };
  if (measure === 'headings') {
    return { value: nodes.filter((n) => n.type === 'heading').length };
  }
  const all = lists(nodes);
  if (measure === 'list-items') return { value: all.reduce((n, l) => n + l.children.length, 0) };
  // steps: a numbered list; without a named section only when there is one
  const ordered = all.filter((l) => l.ordered);
  if (ordered.length === 1) return { value: ordered[0].children.length };
  if (section && ordered.length)
    return { value: ordered.reduce((n, l) => n + l.children.length, 0) };
  // no numbered list: the one list of a section called steps, workflow, process or procedure
  const stepSections = section
    ? []
    : o.headings
        .filter((h) => /\b(?:steps?|workflow|process|procedure)\b/i.test(h.text))
        .map((h) => lists(sectionNodes(o, h.text) ?? []));
  if (!ordered.length && stepSections.length === 1 && stepSections[0].length === 1)
    return { value: stepSections[0][0].children.length };
  return {
    why: ordered.length
      ? 'several numbered lists; the claim does not name one'
      : 'no numbered list',
  };
}

function measureClaim(
  c: FoundClaim,
  skill: SkillText | undefined,
  skills: SkillText[],
  outlineOf: (text: string) => Outline,
): Measured {
  if (!skill)
    return {
      why: c.about ? 'that skill is not in the experiment' : 'cannot tell which skill it is about',
    };
  if (c.relativeTo) {
    // "twice as long as X": the ratio of line counts, the same file on both sides when one is named
    const other = skills.find((s) => s.participant === c.relativeTo);
    const mine = measureClaim({ ...c, relativeTo: null }, skill, skills, outlineOf);
    const theirs = measureClaim(
      { ...c, relativeTo: null, about: c.relativeTo },
      other,
      skills,
      outlineOf,
    );
    if (!('value' in mine)) return mine;
    if (!('value' in theirs) || theirs.value === 0)
      return { why: 'the skill it is compared with cannot be measured' };
    return { value: Math.round((mine.value / theirs.value) * 100) / 100, file: mine.file };
  }
  const text = skill.files.filter((f) => f.content !== null);
  const file = c.target ?? c.section?.file ?? null;
  const scripts = skill.files.filter((f) =>
    /^scripts\/|\.(?:py|sh|js|mjs|ts|rb|pl)$/i.test(f.path),
  );
  if (file === SCRIPT && scripts.length !== 1)
    return { why: scripts.length ? 'the skill has several scripts' : 'the skill has no script' };
  const one =
    file === null
      ? null
      : file === SCRIPT
        ? scripts[0]
        : skill.files.find(
            (f) =>
              f.path.toLowerCase() === file.toLowerCase() ||
              f.path.toLowerCase().endsWith(`/${file.toLowerCase()}`),
          );
  if (file !== null && !one) return { why: `the skill has no file ${file}` };
  if (c.measure === 'files') return { value: skill.files.length };
  if (c.measure === 'lines')
    return {
      value: one
        ? countLines(one.content ?? '')
        : text.reduce((n, f) => n + countLines(f.content!), 0),
      file: one?.path,
    };
  if (c.measure === 'words')
    return {
      value: one
        ? countWords(one.content ?? '')
        : text.reduce((n, f) => n + countWords(f.content!), 0),
      file: one?.path,
    };
  const doc = one ?? skill.files.find((f) => f.path.toLowerCase() === 'skill.md');
  if (!doc || doc.content === null || !isMarkdown(doc.path))
    return { why: 'no markdown file to count in' };
  const m = measureStructure(c.measure, outlineOf(doc.content), c.section?.heading ?? null);
  return 'value' in m ? { ...m, file: c.target || c.section ? doc.path : undefined } : m;
}

export function holds(
  c: Pick<FoundClaim, 'measure' | 'claimed' | 'qualifier'> & { relativeTo?: string | null },
  measured: number,
): boolean {
  const slack = c.measure === 'lines' && !c.relativeTo ? 1 : 0;
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

const GENERIC = new Set([
  'skill',
  'skills',
  'code',
  'writer',
  'helper',
  'tools',
  'tool',
  'guide',
  'notes',
  'with',
  'from',
  'that',
  'this',
  'markdown',
]);

/** A word only one skill's names have, as readers shorten them: "the curator", "the discipline skill". */
function ownWords(n: Named, named: Named[]): string[] {
  const others = new Set(
    named.filter((x) => x.id !== n.id).flatMap((x) => x.aliases.flatMap(tokens)),
  );
  const own = [...new Set(n.aliases.flatMap(tokens))].filter(
    (t) => t.length >= 4 && !/\d/.test(t) && !GENERIC.has(t) && !others.has(t),
  );
  return own.flatMap((t) => [`the ${t}`, `${t} skill`]);
}

/** Finds skills by name and files by path or file name ("philosophy.md", "SKILL.md"), with offsets in the text. */
export function mentionFinder(named: Named[], skills: SkillText[]): (text: string) => Mention[] {
  const index = new NameIndex(
    named.map((n) => ({ ...n, aliases: [...n.aliases, ...ownWords(n, named)] })),
  );
  const files = skills.flatMap((s) => s.files.map((f) => ({ id: s.participant, path: f.path })));
  const fileNames = [...new Set(files.flatMap((f) => [f.path, f.path.split('/').pop()!]))].sort(
    (a, b) => b.length - a.length,
  );
  return (text: string) => {
    const skillsNamed: Mention[] = index
      .mentions(text)
      .map((m) => ({ id: m.id, at: m.start, end: m.end }));
    const filesNamed: Mention[] = [];
    const lower = text.toLowerCase();
    const taken = new Set<number>();
    for (const name of fileNames) {
      const escaped = name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      for (const m of lower.matchAll(new RegExp(`(?<![\\w/.-])${escaped}(?![\\w/-])`, 'g'))) {
        if (taken.has(m.index!)) continue;
        taken.add(m.index! + m[0].length - name.split('/').pop()!.length);
        const owners = [
          ...new Set(
            files
              .filter(
                (f) =>
                  f.path.toLowerCase() === name.toLowerCase() ||
                  f.path.toLowerCase().endsWith(`/${name.toLowerCase()}`),
              )
              .map((f) => f.id),
          ),
        ];
        filesNamed.push({
          id: owners.length === 1 ? owners[0] : null,
          file: name,
          at: m.index!,
          end: m.index! + m[0].length,
        });
      }
    }
    return [...skillsNamed, ...filesNamed].sort((a, b) => a.at - b.at);
  };
}

/**
 * The fact checker of one experiment: each skill's markdown is parsed once, however many
 * evaluations are checked against it.
 */
export function claimChecker(
  skills: SkillText[],
  named: Named[],
): (file: string, markdown: string) => Claim[] {
  const outlines = new Map<string, Outline>();
  const outlineOf = (text: string) =>
    outlines.get(text) ?? outlines.set(text, outline(text)).get(text)!;
  const sections = skills.flatMap((s) =>
    s.files
      .filter((f) => f.content !== null && isMarkdown(f.path))
      .flatMap((f) =>
        outlineOf(f.content!).headings.map((h) => ({
          id: s.participant,
          file: f.path,
          heading: h.text,
        })),
      ),
  );
  const ctx: ClaimContext = {
    participants: skills.map((s) => s.participant),
    mentions: mentionFinder(named, skills),
    sections,
  };
  return (file, markdown) =>
    findClaims(markdown, ctx).map((c) => {
      const m = measureClaim(
        c,
        skills.find((s) => s.participant === c.about),
        skills,
        outlineOf,
      );
      if (!('value' in m)) return { ...c, file, measured: null, holds: null, why: m.why };
      return {
        ...c,
        target: c.target && m.file ? m.file : c.target,
        file,
        measured: m.value,
        holds: holds(c, m.value),
      };
    });
}

/** Every claim of one evaluation, measured. */
export const checkClaims = (
  file: string,
  markdown: string,
  skills: SkillText[],
  named: Named[],
): Claim[] => claimChecker(skills, named)(file, markdown);
