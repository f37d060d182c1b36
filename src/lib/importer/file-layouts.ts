// Pure logic: layouts whose artifacts are not skill folders, inferred when no skills/ folder is
// there: one file per model in a folder (stage1/<model>.md, outputs/<model>.md), or a hand-kept
// transcript whose headings name each model twice (its artifact, then its judgment). And the
// judgments several models left in one file, one section each (sections.ts).
import type { TextFile } from '../content/files.ts';
import { isFamily, modelParts, slugify, tokens } from '../text/names.ts';
import { EVAL_ROOTS, isMarkdown, type EvalEntry, type SkillDir } from './layout.ts';
import { splitByModel, type NamedSection } from './sections.ts';

const stem = (p: string) =>
  p
    .split('/')
    .pop()!
    .replace(/\.[a-z0-9]+$/i, '');
const namesModel = (name: string) => tokens(name).some(isFamily);

/** The model words of a file's name: "gpt-5.1" gives "gpt". */
const familyWords = (name: string) =>
  tokens(name)
    .map((t) => t.replace(/\d[\d.]*$/, ''))
    .filter((t) => t && isFamily(t));

/** Files that name the other files' models, half of them or more: judgments of each other, not artifacts. */
function judgesEachOther(fs: TextFile[]): boolean {
  const naming = fs.filter((f) => {
    const own = new Set(familyWords(stem(f.path)));
    const words = new Set(tokens(f.content ?? '').map((t) => t.replace(/\d[\d.]*$/, '')));
    return fs.some(
      (o) => o !== f && familyWords(stem(o.path)).some((w) => !own.has(w) && words.has(w)),
    );
  });
  return naming.length * 2 >= fs.length;
}

/** A folder holding one markdown file per model, right under it ("stage1/gpt-5.1.md"): the artifacts. */
export function fileArtifacts(files: TextFile[]): SkillDir[] {
  const folders = new Map<string, TextFile[]>();
  for (const f of files) {
    const parts = f.path.split('/');
    if (parts.length !== 2 || !isMarkdown(f.path) || f.content === null) continue;
    if (EVAL_ROOTS.includes(parts[0].toLowerCase()) || /^sources?$/i.test(parts[0])) continue;
    folders.set(parts[0], [...(folders.get(parts[0]) ?? []), f]);
  }
  const found = [...folders].filter(
    ([, fs]) =>
      fs.length >= 2 &&
      fs.every((f) => namesModel(stem(f.path))) &&
      modelParts(fs.map((f) => stem(f.path))) &&
      !judgesEachOther(fs),
  );
  if (found.length !== 1) return [];
  const [folder, own] = found[0];
  return own.map((f) => ({ folder: stem(f.path), prefix: folder, files: [f], file: f.path }));
}

/** A section's text as a file: a fenced block around the whole unwrapped; a skill's front matter names it SKILL.md. */
function sectionFile(s: NamedSection): TextFile {
  const fenced = /^(`{3,}|~{3,})[^\n]*\n([\s\S]*)\n\1\s*$/.exec(s.text);
  const content = (fenced ? fenced[2] : s.text).trim() + '\n';
  const skill = /^---\n[\s\S]*?\bname:[\s\S]*?\bdescription:[\s\S]*?\n---/.test(content);
  return {
    path: skill ? 'SKILL.md' : `${slugify(s.name)}.md`,
    content,
    bytes: Buffer.byteLength(content),
  };
}

/** One judgment a section holds, as an evaluation of its own ("stage2_rankings.md#Ranking by gpt-5.1"). */
const sectionEntry = (file: TextFile, s: NamedSection): EvalEntry => {
  const path = `${file.path}#${s.heading}`;
  return {
    path,
    files: [{ path, content: s.text + '\n', bytes: Buffer.byteLength(s.text) }],
    judge: s.name,
  };
};

export interface Transcript {
  skills: SkillDir[];
  entries: EvalEntry[];
  /** The text before the first model's section: the source material it was given. */
  source: TextFile | null;
  file: string;
}

/** A hand-kept transcript: one markdown file whose headings name each model twice. */
export function transcriptOf(files: TextFile[]): Transcript | null {
  const found = files
    .filter((f) => isMarkdown(f.path) && f.content !== null && f.path.split('/').length <= 2)
    .map((f) => ({ f, split: splitByModel(f.content!) }))
    .filter((x) => x.split && x.split.artifacts.length >= 2);
  if (found.length !== 1) return null;
  const { f, split } = found[0];
  const skills = split!.artifacts.map((s) => ({
    folder: s.name,
    prefix: '',
    files: [sectionFile(s)],
    file: `${f.path}#${s.heading}`,
  }));
  const first = Math.min(...split!.artifacts.map((s) => s.from)) - 2;
  const before = f.content!.split('\n').slice(0, Math.max(0, first));
  // up to the heading that opens the artifacts' part ("# Part 1 - the skills", "Round 1: ...")
  const preamble = trimTrailingHeading(before).join('\n').trim();
  return {
    skills,
    entries: split!.judgments.map((s) => sectionEntry(f, s)),
    source: preamble ? { path: f.path, content: preamble + '\n', bytes: preamble.length } : null,
    file: f.path,
  };
}

/** The lines without the headings (ATX or setext) and blank lines they end with. */
function trimTrailingHeading(lines: string[]): string[] {
  const out = [...lines];
  for (;;) {
    const last = out[out.length - 1];
    if (last === undefined) return out;
    if (!last.trim() || /^#{1,6}\s/.test(last)) out.pop();
    else if (/^\s*(?:=+|-+)\s*$/.test(last) && out.length >= 2) out.splice(-2, 2);
    else return out;
  }
}

/** Judgments several models left in one markdown file at the root, one section each ("## Ranking by X"). */
export function sectionEntries(files: TextFile[]): EvalEntry[] {
  return files
    .filter((f) => isMarkdown(f.path) && f.content !== null && !f.path.includes('/'))
    .flatMap((f) => {
      const split = splitByModel(f.content!);
      return split && !split.artifacts.length ? split.judgments.map((s) => sectionEntry(f, s)) : [];
    });
}
