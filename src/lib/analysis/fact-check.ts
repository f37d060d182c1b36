// Pure logic: the fact check. Finds the measurable claims of each evaluation (reading/claims/),
// measures the skill, file or section each is about, and says whether it holds.
//   exact counts: lines within one (editors show one more line than `wc -l`), all else equal;
//   "~", "about", "roughly": within 10% (and within one line); "over", "under", "at least": the
//   bound.
import { blocks, FRONT_MATTER, parseMarkdown, plainText } from '../text/markdown.ts';
import type { RootContent, List } from 'mdast';
import {
  findClaims,
  SCRIPT,
  type ClaimContext,
  type FoundClaim,
  type Mention,
  type Measure,
} from '../reading/claims/index.ts';
import type { Named } from '../reading/verdict/index.ts';
import { labelTable } from '../reading/verdict/rules/label-table.ts';
import { labelMentions } from '../reading/claims/labels.ts';
import { NameIndex, tokens } from '../text/names.ts';
import { countWords, isFunctionWord } from '../text/words.ts';
import { GENERIC_SKILL_WORDS } from '../text/words/name-words.ts';

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

export const countLines = (s: string) =>
  s === '' ? 0 : s.split('\n').length - (s.endsWith('\n') ? 1 : 0);

const isMarkdown = (p: string) => /\.(md|markdown|mdx)$/i.test(p);

/** The skill's markdown structure: each heading with the top-level nodes below it. */
function outline(text: string) {
  const nodes = parseMarkdown(text.replace(FRONT_MATTER, '')).children;
  const headings = nodes.flatMap((n, i) =>
    n.type === 'heading' ? [{ depth: n.depth, text: plainText(n.children).trim(), index: i }] : [],
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

/** Whether a skill's file is the file a text names: "SKILL.md", "references/guide.md". */
const isFile = (path: string, name: string) =>
  path.toLowerCase() === name.toLowerCase() ||
  path.toLowerCase().endsWith(`/${name.toLowerCase()}`);

const SCRIPT_FILE = /^scripts\/|\.(?:py|sh|js|mjs|ts|rb|pl)$/i;

/** The file of the skill a claim names (the skill's one script for SCRIPT), or why there is none. */
function namedFile(skill: SkillText, file: string): SkillText['files'][number] | { why: string } {
  if (file !== SCRIPT) {
    const found = skill.files.find((f) => isFile(f.path, file));
    return found ?? { why: `the skill has no file ${file}` };
  }
  const scripts = skill.files.filter((f) => SCRIPT_FILE.test(f.path));
  if (scripts.length === 1) return scripts[0];
  return { why: scripts.length ? 'the skill has several scripts' : 'the skill has no script' };
}

const COUNTS = { lines: countLines, words: countWords };

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
  if (c.relativeTo) return measureRatio(c, skill, skills, outlineOf);
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

const GENERIC = new Set<string>(GENERIC_SKILL_WORDS);
const isGeneric = (word: string) => GENERIC.has(word) || isFunctionWord(word);

/**
 * A word only one skill's names have, as readers shorten them: "the curator", "the discipline
 * skill".
 */
function ownWords(n: Named, named: Named[]): string[] {
  const others = new Set(
    named.filter((x) => x.id !== n.id).flatMap((x) => x.aliases.flatMap(tokens)),
  );
  const own = [...new Set(n.aliases.flatMap(tokens))].filter(
    (t) => t.length >= 4 && !/\d/.test(t) && !isGeneric(t) && !others.has(t),
  );
  return own.flatMap((t) => [`the ${t}`, `${t} skill`]);
}

/**
 * Finds skills by name and files by path or file name ("philosophy.md", "SKILL.md"), with offsets
 * in the text.
 */
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
        const owners = [...new Set(files.filter((f) => isFile(f.path, name)).map((f) => f.id))];
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
 * The context of one evaluation: its numbered and lettered references ("Skill 2", "the second
 * skill") found too, each of the participant the evaluation's own mapping gives, or of no one.
 */
function withLabels(ctx: ClaimContext, markdown: string, names: NameIndex): ClaimContext {
  const labels = labelTable(blocks(markdown), names, {});
  return {
    ...ctx,
    mentions: (text) => {
      const found = ctx.mentions(text);
      const free = (m: Mention) => !found.some((x) => m.at < x.end && x.at < m.end);
      return [...found, ...labelMentions(text, labels).filter(free)].sort((a, b) => a.at - b.at);
    },
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
  const names = new NameIndex(named);
  return (file, markdown) =>
    findClaims(markdown, withLabels(ctx, markdown, names)).map((c) => {
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
