// One skill's heavy parts: its markdown documents rendered and every text file as source.
import { posix } from 'node:path';
import type { Skill } from '../../content/experiment.ts';
import { parseFrontMatter } from '../../content/frontmatter.ts';
import type { Anchors } from '../anchors.ts';
import { langOf } from '../render/highlighter.ts';
import { markdownHtml, type CodeBlocks } from '../render/markdown.ts';
import { sourceHtml } from '../render/source.ts';

export interface SkillFragments {
  /** The skill's markdown files rendered, by path (SKILL.md without its front matter). */
  docs: Record<string, string>;
  /** Every text file as source, with an id on each line, by path. */
  sources: Record<string, string>;
  /** SKILL.md's front matter as shown, field by field (name and description first); null without one. */
  frontMatter: [string, string][] | null;
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** The fields of a SKILL.md's front matter as the page shows them: name and description always. */
function shownFields(data: Record<string, unknown>): [string, string][] {
  const extra = Object.entries(data).filter(([k]) => k !== 'name' && k !== 'description');
  return [
    ['name', show(data.name ?? '(missing)')],
    ['description', show(data.description ?? '(missing)')],
    ...extra.map(([k, v]): [string, string] => [k, show(v)]),
  ];
}

/** The anchor of a skill's file's source view. */
export const fileAnchor = (ids: Anchors, participant: string, path: string) =>
  ids.id('file', participant, path);

export const isSkillMd = (path: string) => path.toLowerCase() === 'skill.md';

export async function skillFragments(
  skill: Skill,
  ids: Anchors,
  code?: CodeBlocks,
): Promise<SkillFragments> {
  const files = Object.fromEntries(
    skill.files.map((f) => [f.path, fileAnchor(ids, skill.participant, f.path)]),
  );
  const out: SkillFragments = { docs: {}, sources: {}, frontMatter: null };
  for (const f of skill.files) {
    if (f.content === null) continue;
    out.sources[f.path] = await sourceHtml(f.content, langOf(f.path), files[f.path]);
    if (langOf(f.path) !== 'markdown') continue;
    // a document's relative links to the skill's files go to their source views
    const links = {
      prefix: ids.id('doc', 'skill', skill.participant, f.path),
      dir: posix.dirname(f.path),
      files,
    };
    const fm = isSkillMd(f.path) ? parseFrontMatter(f.content) : null;
    if (fm) out.frontMatter ??= shownFields(fm.data);
    out.docs[f.path] = await markdownHtml(fm ? fm.body : f.content, links, 4, code);
  }
  return out;
}
