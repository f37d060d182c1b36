// Pure logic of a run's prompts: templates, skill names, blind labels and presentation orders.
import { z } from 'zod';
import { JudgmentSchema, type Manifest, type Participant } from '../content/schema.ts';
import { displayModelName, tokens } from '../text/names.ts';
import { pathSetProblem } from '../content/safe-paths.ts';
import { parseFrontMatter } from '../content/frontmatter.ts';

export interface SkillFile {
  path: string;
  content: string;
}

/** What a judge must answer: its evaluation in markdown and a decision by blind label. */
export const judgmentSchema = (labels: string[]) =>
  JudgmentSchema.extend({ winner: z.enum(['tie', ...labels] as [string, ...string[]]) });

export const LIMITS = { files: 20, fileBytes: 100_000, totalBytes: 300_000 };

/** Checks a generated skill; returns the problem, or null when it is fine. */
export function skillProblem(files: SkillFile[]): string | null {
  if (!files.length) return 'no files';
  if (files.length > LIMITS.files) return `${files.length} files, more than ${LIMITS.files}`;
  const paths = pathSetProblem(files.map((f) => f.path));
  if (paths) return paths;
  let total = 0;
  for (const f of files) {
    const bytes = Buffer.byteLength(f.content);
    if (bytes > LIMITS.fileBytes)
      return `${f.path} is ${bytes} bytes, more than ${LIMITS.fileBytes}`;
    total += bytes;
  }
  if (total > LIMITS.totalBytes) return `${total} bytes in all, more than ${LIMITS.totalBytes}`;
  const skillMd = files.find((f) => f.path === 'SKILL.md');
  if (!skillMd) return 'no SKILL.md at the top of the skill';
  const fm = parseFrontMatter(skillMd.content);
  if (fm.error) return `SKILL.md front matter is not valid YAML: ${fm.error}`;
  if (typeof fm.data.name !== 'string' || typeof fm.data.description !== 'string')
    return 'SKILL.md front matter needs name and description';
  return null;
}

/** Fills {placeholders}; unknown ones stay as written. */
export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? vars[name] : whole,
  );
}

export const skillNameFor = (manifest: Manifest, p: Participant) =>
  fill(manifest.skillName ?? '{model}-skill', { model: p.id });

export function generationPrompt(manifest: Manifest, p: Participant, source: string): string {
  return fill(manifest.prompts.generation!, {
    source,
    skill_name: skillNameFor(manifest, p),
    model: p.id,
  });
}

export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const labelOf = (i: number) => `Skill ${LETTERS[i]}`;

/** A seeded shuffle (mulberry32), so a run's orders are the same every time. */
function shuffle<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The orders in which a judge sees the skills: one seeded order, or with swap every rotation of it. */
export function presentationOrders(ids: string[], seed: number, swap: boolean): string[][] {
  const base = shuffle(ids, seed);
  if (!swap) return [base];
  return base.map((_, k) => [...base.slice(k), ...base.slice(0, k)]);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Ways a skill may name its model: "gpt-5", "GPT 5", "gpt_5", its label. Longest first. */
function namePatterns(p: Participant): RegExp[] {
  const names = [p.id, p.model, p.label, displayModelName(p.id)].filter((s): s is string => !!s);
  const patterns = [
    ...new Set(names.map((n) => tokens(n).map(escapeRe).join('[-_ .]?')).filter(Boolean)),
  ];
  return patterns
    .sort((a, b) => b.length - a.length)
    .map((src) => new RegExp(`(?<![a-z0-9])${src}(?![a-z0-9])`, 'gi'));
}

/** The skill with every participant's model names replaced by blind labels, in paths and text. */
export function blindFiles(
  files: SkillFile[],
  labels: Map<string, string>,
  participants: Participant[],
): SkillFile[] {
  const swaps = participants.flatMap((p) =>
    namePatterns(p).map((re) => ({ re, label: labels.get(p.id) ?? 'another skill' })),
  );
  const slug = (label: string) => label.toLowerCase().replace(/\s+/g, '-');
  const replace = (text: string, asSlug: boolean) =>
    swaps.reduce((t, { re, label }) => t.replace(re, asSlug ? slug(label) : label), text);
  return files.map((f) => ({
    path: replace(f.path, true),
    content: replace(
      f.content.replace(
        /^(---\n[\s\S]*?^name:\s*)(.*)$/m,
        (_, head: string, name: string) => head + replace(name, true),
      ),
      false,
    ),
  }));
}

/** The skills as the judge reads them, under their labels. */
export function skillsBlock(shown: { label: string; files: SkillFile[] }[]): string {
  return shown
    .map(({ label, files }) =>
      [
        `## ${label}`,
        ...files.map(
          (f) => `### File: ${f.path}\n\n~~~~~~\n${f.content.replace(/\n?$/, '\n')}~~~~~~`,
        ),
      ].join('\n\n'),
    )
    .join('\n\n');
}

export function evaluationPrompt(
  manifest: Manifest,
  source: string,
  shown: { label: string; files: SkillFile[] }[],
): string {
  return fill(manifest.prompts.evaluation!, {
    source,
    skills: skillsBlock(shown),
    count: String(shown.length),
    labels: shown.map((s) => s.label).join(', '),
  });
}
