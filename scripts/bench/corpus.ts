// The build benchmark's input: N synthetic experiments (2-4 skills of a few hundred lines each) laid
// out as a hand-run folder, the way a person who ran them would publish them, with a crossjudge.yaml
// that declares one experiment per subfolder; and a bare Astro site with one markdown page per
// experiment holding the same skills' markdown, as the reference.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { writeFileAtomic } from '../../src/lib/content/files.ts';

const MODELS = ['gpt-5', 'claude-sonnet-4-5', 'gemini-2-5-pro', 'qwen3'];
const WORDS =
  'model skill test change review code function value error state reason file line order judge source small clear simple check plan write read keep name'.split(
    ' ',
  );

/** A deterministic pseudo-random generator, so every run builds the same pages. */
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function skillText(rand: () => number, title: string, lines: number): string {
  const out = [`---`, `name: ${title}`, `description: A synthetic skill for the build benchmark.`];
  out.push(`---`, '', `# ${title}`, '');
  const sentence = () =>
    Array.from(
      { length: 8 + Math.floor(rand() * 10) },
      () => WORDS[Math.floor(rand() * WORDS.length)],
    ).join(' ') + '.';
  while (out.length < lines) {
    const r = rand();
    if (r < 0.1) out.push('', `## Section ${out.length}`, '');
    else if (r < 0.2)
      out.push('```python', `def f_${out.length}(x):`, `    return x * ${out.length}`, '```');
    else if (r < 0.45) out.push(`- ${sentence()}`);
    else out.push(sentence());
  }
  return out.join('\n') + '\n';
}

export interface Experiment {
  name: string;
  /** participant id -> SKILL.md */
  skills: Record<string, string>;
  /** judge -> evaluation */
  evaluations: Record<string, string>;
  source: string;
}

/** Experiment i: 2-4 skills, each the same text with about a fifth of its lines rewritten. */
export function experiment(i: number, lines: number): Experiment {
  const rand = rng(i + 1);
  const ids = MODELS.slice(0, 2 + (i % 3));
  const base = skillText(rand, 'shared', lines);
  const skills: Record<string, string> = {};
  const evaluations: Record<string, string> = {};
  ids.forEach((id, k) => {
    skills[id] = base
      .split('\n')
      .map((l, n) => (n > 6 && rand() < 0.2 ? skillText(rand, id, 9).split('\n')[8] : l))
      .join('\n')
      .replace('name: shared', `name: ${id}-bench-skill`);
    const winner = ids[(k + 1) % ids.length];
    evaluations[id] =
      `# Evaluation\n\nBoth skills cover the source.\n\n## Verdict\n\n**Winner:** ${winner}-bench-skill\n`;
  });
  return { name: `e${i}`, skills, evaluations, source: skillText(rand, 'source', 60) };
}

/** Experiments a hand-run folder holds: the importer takes at most 1,000 files from one folder. */
const PER_FOLDER = 100;

/**
 * The hand-run folders, PER_FOLDER experiments each, as someone with many would import them:
 * <dir>/<k>/e<i>/skills/<model>-bench-skill/SKILL.md, e<i>/evaluations/<judge>.md, e<i>/source.md.
 */
export async function writeHandRuns(dir: string, all: Experiment[]): Promise<string[]> {
  const folders: string[] = [];
  for (let k = 0; k * PER_FOLDER < all.length; k++) {
    const folder = path.join(dir, `bench-${k}`);
    await writeHandRun(folder, all.slice(k * PER_FOLDER, (k + 1) * PER_FOLDER));
    folders.push(folder);
  }
  return folders;
}

/** One hand-run folder, with a crossjudge.yaml that declares each experiment in it. */
async function writeHandRun(dir: string, all: Experiment[]): Promise<void> {
  const experiments: Record<string, object> = {};
  for (const e of all) {
    for (const [id, text] of Object.entries(e.skills))
      await writeFileAtomic(
        path.join(dir, e.name, 'skills', `${id}-bench-skill`, 'SKILL.md'),
        text,
      );
    for (const [judge, text] of Object.entries(e.evaluations))
      await writeFileAtomic(path.join(dir, e.name, 'evaluations', `${judge}.md`), text);
    await writeFileAtomic(path.join(dir, e.name, 'source.md'), e.source);
    experiments[e.name] = {
      title: `Benchmark experiment ${e.name}`,
      source: `${e.name}/source.md`,
      artifacts: `${e.name}/skills/*`,
      evaluations: `${e.name}/evaluations/{judge}.md`,
    };
  }
  await writeFileAtomic(path.join(dir, 'crossjudge.yaml'), stringify({ experiments }));
}

/** The reference: a bare Astro site, one markdown page per experiment with its skills' markdown. */
export async function writeBareSite(dir: string, out: string, all: Experiment[]): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
  await writeFileAtomic(
    path.join(dir, 'astro.config.mjs'),
    `export default { outDir: ${JSON.stringify(out)} };\n`,
  );
  for (const e of all)
    await writeFileAtomic(
      path.join(dir, 'src/pages', `${e.name}.md`),
      `---\ntitle: ${e.name}\n---\n\n` +
        Object.values(e.skills)
          .map((d) => d.replace(/^---[\s\S]*?---\n/, ''))
          .join('\n\n'),
    );
}
