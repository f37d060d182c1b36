// Pure logic: what each model made, told in one sentence beyond its counts: its files and what kind
// each is (a reference file, an examples file, a script, metadata beside it), each markdown file's
// section headings, and a workflow's steps ("a 7-step “Default Workflow”"); then a pull-quote of it.
import type { Experiment } from '../content/experiment.ts';
import { pathOf } from '../content/experiment/location.ts';
import { countLines, isMarkdown, isMetadata, outline, sectionNodes } from '../analysis/measure.ts';
import { countWords } from '../text/words.ts';
import { pickStatement } from './quotable.ts';
import { pullQuote, type Teller } from './story.ts';
import { listInWords } from '../text/lists.ts';

type SkillFile = Experiment['skills'][number]['files'][number];

const list = listInWords;
const NUMBER = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const spelled = (n: number) => NUMBER[n] ?? String(n);

/** What kind of file a skill's file is, by its folder or name ("a reference file"); '' for the main one. */
function kindOf(path: string): string {
  if (/^references?\//i.test(path)) return 'a reference file';
  if (/^examples?\//i.test(path)) return 'an examples file';
  if (/^templates?\//i.test(path)) return 'a template';
  if (/^scripts?\/|\.(?:py|sh|js|ts|rb)$/i.test(path)) return 'a script';
  return 'a file';
}

/** Headings that name no section of their own. */
const NOT_A_SECTION = /^(?:table of )?contents$/i;

/** A file's sections: its second-level headings, a workflow's numbered steps told with it. */
function sectionsOf(text: string): string[] {
  const o = outline(text);
  return o.headings
    .filter((h) => h.depth === 2 && !NOT_A_SECTION.test(h.text))
    .map((h) => {
      const list = sectionNodes(o, h.text)?.find((n) => n.type === 'list' && n.ordered);
      const steps = list?.type === 'list' ? list.children.length : 0;
      return /workflow|process|procedure|steps/i.test(h.text) && steps > 1
        ? `a ${steps}-step “${h.text}”`
        : `“${h.text}”`;
    });
}

/** One file told: `references/philosophy.md`, a reference file (10 sections: “…”, …). */
function fileText(f: SkillFile, main: boolean): string {
  const what = main ? `\`${f.path}\`` : `${kindOf(f.path)}, \`${f.path}\``;
  const sections = f.content && isMarkdown(f.path) ? sectionsOf(f.content) : [];
  return sections.length
    ? `${what} (${sections.length === 1 ? 'one section' : `${sections.length} sections`}: ${list(sections)})`
    : what;
}

/** The skill in one sentence: its size without metadata, its files and their sections. */
export function skillSentence(t: Teller, s: Experiment['skills'][number], name: string): string {
  const content = s.files.filter((f) => f.content !== null && !isMetadata(f));
  const metadata = s.files.filter(isMetadata);
  const main = content.find((f) => f.path.toLowerCase() === 'skill.md') ?? content[0] ?? s.files[0];
  const rest = content.filter((f) => f !== main);
  const lines = content.reduce((n, f) => n + countLines(f.content!), 0);
  const words = content.reduce((n, f) => n + countWords(f.content!), 0);
  const files = [main, ...rest].map((f, i) => fileText(f, i === 0));
  const beside = metadata.length
    ? `, with ${list(metadata.map((f) => `\`${f.path}\``))} beside it: ${metadata.reduce((n, f) => n + countLines(f.content!), 0)} lines of metadata`
    : '';
  const n = content.length;
  return `${name} wrote \`${t.a.skills.find((x) => x.participant === s.participant)?.name}\`, ${lines} lines and ${words} words in ${n === 1 ? 'one file' : `${spelled(n)} files`}: ${list(files)}${beside}.`;
}

/** What each model made: a sentence of its files and sections, and a sentence of it quoted. */
export function made(t: Teller, avoid: string[]): string[] {
  const { e, name } = t;
  const out = [`## What each model made`, ''];
  for (const s of e.skills) {
    const main =
      s.files.find((f) => f.path.toLowerCase() === 'skill.md' && f.content) ??
      s.files.find((f) => f.content);
    out.push(`### ${name(s.participant)}`, '', skillSentence(t, s, name(s.participant)), '');
    if (main?.content)
      out.push(
        ...pullQuote(
          e,
          pathOf({ kind: 'skill', participant: s.participant, file: main.path }, e.manifest),
          pickStatement(main.content, avoid),
        ),
      );
  }
  return out;
}
