// Pure logic: measuring what a claim is about: a skill, a file of it, a section, the files it adds
// up, or its size against another skill's (reading/claims/ finds the claims).
import type { List, RootContent } from 'mdast';
import { FRONT_MATTER, parseMarkdown, plainText } from '../text/markdown.ts';
import { countWords } from '../text/words.ts';
import {
  ONE_FILE,
  REFERENCE,
  SCRIPT,
  type FoundClaim,
  type Measure,
} from '../reading/claims/index.ts';

export interface SkillText {
  participant: string;
  /** Every file of the skill; `content` null for binary files. */
  files: { path: string; content: string | null }[];
}

export const countLines = (s: string) =>
  s === '' ? 0 : s.split('\n').length - (s.endsWith('\n') ? 1 : 0);

/** Data or a dotfile (agents/openai.yaml, .meta.json) of a dozen lines or fewer. */
const METADATA = /(?:^|\/)\.[^/]+$|\.(?:ya?ml|json|toml|ini|cfg|conf)$/i;
const METADATA_LINES = 12;

/** A tiny file of data beside the skill (agents/openai.yaml, .meta.json): metadata, not content. */
export const isMetadata = (f: SkillText['files'][number]) =>
  f.content !== null && METADATA.test(f.path) && countLines(f.content) <= METADATA_LINES;

export const isMarkdown = (p: string) => /\.(md|markdown|mdx)$/i.test(p);

/** The skill's markdown structure: each heading with the top-level nodes below it. */
export function outline(text: string) {
  const nodes = parseMarkdown(text.replace(FRONT_MATTER, '')).children;
  const headings = nodes.flatMap((n, i) =>
    n.type === 'heading' ? [{ depth: n.depth, text: plainText(n.children).trim(), index: i }] : [],
  );
  return { nodes, headings };
}
export type Outline = ReturnType<typeof outline>;

/** The top-level nodes of a section: from its heading to the next heading as high or higher. */
function sectionNodes(o: Outline, heading: string): RootContent[] | null {
  const h = o.headings.find((x) => x.text === heading);
  if (!h) return null;
  const end =
    o.headings.find((x) => x.index > h.index && x.depth <= h.depth)?.index ?? o.nodes.length;
  return o.nodes.slice(h.index + 1, end);
}

const lists = (nodes: RootContent[]) => nodes.filter((n): n is List => n.type === 'list');

export type Measured = { value: number; file?: string } | { why: string };

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

/** Whether a skill's file is the file a text names: "SKILL.md", "references/guide.md". */
export const isFile = (path: string, name: string) =>
  path.toLowerCase() === name.toLowerCase() ||
  path.toLowerCase().endsWith(`/${name.toLowerCase()}`);

const SCRIPT_FILE = /^scripts\/|\.(?:py|sh|js|mjs|ts|rb|pl)$/i;

/** The files of each kind a claim may name by its kind alone ("a 45-line script"). */
const KINDS: Record<string, { is: (f: SkillText['files'][number]) => boolean; name: string }> = {
  [SCRIPT]: { is: (f) => SCRIPT_FILE.test(f.path), name: 'script' },
  [REFERENCE]: {
    is: (f) => /(?:^|\/)references?\/|reference/i.test(f.path),
    name: 'reference file',
  },
  [ONE_FILE]: { is: (f) => !isMetadata(f), name: 'file' },
};

/**
 * The file of the skill a claim names (for a kind, "a 45-line script", the skill's one file of
 * it), or why there is none.
 */
function namedFile(skill: SkillText, file: string): SkillText['files'][number] | { why: string } {
  const kind = KINDS[file];
  if (!kind) {
    const found = skill.files.find((f) => isFile(f.path, file));
    return found ?? { why: `the skill has no file ${file}` };
  }
  const of = skill.files.filter(kind.is);
  if (of.length === 1) return of[0];
  return {
    why: of.length
      ? `the skill has several ${kind.name}s; the claim does not name one`
      : `the skill has no ${kind.name}`,
  };
}

const COUNTS = { lines: countLines, words: countWords };

/** "SKILL.md and examples.md come to 40 lines": the named files' sizes added up. */
function measureAddedUp(c: FoundClaim, skill: SkillText): Measured {
  const count = c.measure === 'words' ? countWords : countLines;
  let value = 0;
  for (const name of c.files ?? []) {
    const one = namedFile(skill, name);
    if ('why' in one) return one;
    value += count(one.content ?? '');
  }
  return { value };
}

/** "twice as long as X": the ratio of line counts, the same file on both sides when one is named. */
function measureRatio(
  c: FoundClaim,
  skill: SkillText,
  skills: SkillText[],
  outlineOf: (text: string) => Outline,
): Measured {
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

export function measureClaim(
  c: FoundClaim,
  skill: SkillText | undefined,
  skills: SkillText[],
  outlineOf: (text: string) => Outline,
): Measured {
  if (!skill)
    return {
      why: c.about ? 'that skill is not in the experiment' : 'cannot tell which skill it is about',
    };
  if (c.relativeTo) return measureRatio(c, skill, skills, outlineOf);
  if (c.files) return measureAddedUp(c, skill);
  const file = c.target ?? c.section?.file ?? null;
  const one = file === null ? null : namedFile(skill, file);
  if (one && 'why' in one) return one;
  if (c.measure === 'files') return { value: skill.files.length };
  if (c.measure === 'lines' || c.measure === 'words') {
    const texts = one ? [one.content ?? ''] : skill.files.flatMap((f) => f.content ?? []);
    const count = COUNTS[c.measure];
    return { value: texts.reduce((n, t) => n + count(t), 0), file: one?.path };
  }
  const doc = one ?? skill.files.find((f) => f.path.toLowerCase() === 'skill.md');
  if (!doc || doc.content === null || !isMarkdown(doc.path))
    return { why: 'no markdown file to count in' };
  const m = measureStructure(c.measure, outlineOf(doc.content), c.section?.heading ?? null);
  return 'value' in m ? { ...m, file: c.target || c.section ? doc.path : undefined } : m;
}
