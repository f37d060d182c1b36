// Pure logic: the artifacts of a layout that has no skills/ folder, each with the model that made
// it, where the layout says so:
//   <model>/SKILL.md                     a folder per model holding its skill
//   <model>/<skill>/SKILL.md             a folder per model holding its artifact (and its review)
//   <model>/draft-1/, <model>/final/     several artifacts of one model (drafts and revisions)
//   round2/<a>_<b>/SKILL.md              a's artifact, revised after b's review
//   outputs/<model>.md                   single-file artifacts (essays, answers)
// A model is named by its folder or file name as it is written; nothing is inferred from the name
// itself beyond telling which level of folders names the models.
import type { TextFile } from '../content/files.ts';
import { parseFrontMatter } from '../content/frontmatter.ts';
import { isFamily, tokens } from '../text/names.ts';
import type { SkillDir } from './layout.ts';

/** Folders whose markdown files are single-file artifacts, one per model. */
const FILE_ROOTS = ['outputs', 'essays', 'responses', 'answers', 'submissions', 'entries'];
/** A revision's folder name: `<a>_<b>` (a's artifact revised after b's review). */
const REVISION = /^([^_]+)_([^_]+)$/;

const isSkillMd = (p: string) => /(^|\/)SKILL\.md$/i.test(p);
const isText = (p: string) => /\.(md|markdown|mdx|txt)$/i.test(p);

/** A name that reads as a model's: it has a model family's word ("gemini", "gpt5.1", "Gemini 3 Pro"). */
const modelLike = (name: string) => tokens(name).some(isFamily);

/** The two models a revision's folder name names, when both are models of the layout. */
export function revisionOf(name: string, models: string[]): { by: string; with: string } | null {
  const m = REVISION.exec(name);
  if (!m || m[1] === m[2] || !models.includes(m[1]) || !models.includes(m[2])) return null;
  return { by: m[1], with: m[2] };
}

/** The folders (relative paths) that hold a SKILL.md, outside the given roots. */
function skillFolders(files: TextFile[], skip: string[]): string[] {
  const dirs = files
    .filter((f) => isSkillMd(f.path) && f.path.includes('/'))
    .map((f) => f.path.split('/').slice(0, -1).join('/'))
    .filter((d) => !skip.includes(d.split('/')[0]));
  return [...new Set(dirs)].sort();
}

/** One artifact folder as a SkillDir, with its model (and the model whose review it used). */
function artifactDir(
  files: TextFile[],
  prefix: string,
  model: string,
  revisedWith?: string,
): SkillDir {
  const own = files.filter((f) => f.path.startsWith(prefix + '/'));
  const skillMd = own.find(
    (f) => isSkillMd(f.path) && f.path === `${prefix}/${f.path.split('/').pop()}`,
  );
  const name = skillMd?.content ? parseFrontMatter(skillMd.content).data.name : undefined;
  return {
    folder: prefix,
    prefix,
    files: own,
    model,
    ...(revisedWith ? { revisedWith } : {}),
    ...(typeof name === 'string' ? { name } : {}),
  };
}

/**
 * Which level of `<x>/<y>/SKILL.md` names the models: x when each x holds the same set of y
 * (`<model>/skill/`, `<model>/draft-1/` and `<model>/final/`) and y does not read as model names;
 * y when the x differ in what they hold (rounds) or only y reads as model names. Null: unclear.
 */
function modelLevel(pairs: [string, string][]): 0 | 1 | null {
  const xs = [...new Set(pairs.map(([x]) => x))];
  const ys = [...new Set(pairs.map(([, y]) => y))];
  if (xs.length === 1) return ys.length > 1 ? 1 : 0;
  const setOf = (x: string) =>
    pairs
      .filter(([a]) => a === x)
      .map(([, y]) => y)
      .sort()
      .join('/');
  const same = xs.every((x) => setOf(x) === setOf(xs[0]));
  const xModels = xs.every(modelLike);
  const yModels = ys.every((y) => modelLike(y) || REVISION.test(y));
  if (same && ys.length === 1) return 0;
  if (xModels !== yModels) return xModels ? 0 : 1;
  if (same && !yModels) return 0;
  return null;
}

/** Artifact folders two deep: the model at the level the layout names them, revisions split. */
function nestedArtifacts(files: TextFile[], dirs: string[]): SkillDir[] | null {
  const pairs = dirs.map((d) => d.split('/') as [string, string]);
  const level = modelLevel(pairs);
  if (level === null) return null;
  const names = pairs.map((p) => p[level]);
  const plain = names.filter((n) => !REVISION.test(n) || !revisionOf(n, names));
  return dirs.map((d, i) => {
    // round2/<a>_<b>, or <a>/<a>_<b> in a's own folder
    const revision =
      level === 1
        ? revisionOf(names[i], plain)
        : revisionOf(pairs[i][1], plain)?.by === names[i]
          ? revisionOf(pairs[i][1], plain)
          : null;
    return revision
      ? artifactDir(files, d, revision.by, revision.with)
      : artifactDir(files, d, names[i]);
  });
}

/** Single-file artifacts: the markdown files right under outputs/ (essays/, responses/, ...). */
function fileArtifacts(files: TextFile[]): SkillDir[] {
  const root = FILE_ROOTS.find((r) =>
    files.some((f) => f.path.startsWith(`${r}/`) && f.path.split('/').length === 2),
  );
  if (!root) return [];
  return files
    .filter(
      (f) => f.path.startsWith(`${root}/`) && f.path.split('/').length === 2 && isText(f.path),
    )
    .map((f) => {
      const model = f.path.split('/')[1].replace(/\.[a-z]+$/i, '');
      return { folder: model, prefix: root, files: [f], model, file: f.path };
    });
}

/**
 * The artifacts of a layout without a skills/ folder, each with its model; null when the layout
 * is none of these (or the level that names the models cannot be told).
 */
export function inferArtifacts(files: TextFile[], skip: string[]): SkillDir[] | null {
  const dirs = skillFolders(files, skip);
  const depths = new Set(dirs.map((d) => d.split('/').length));
  if (dirs.length && depths.size === 1 && depths.has(2)) return nestedArtifacts(files, dirs);
  if (dirs.length) return null;
  const single = fileArtifacts(files);
  return single.length >= 2 ? single : null;
}

/**
 * The judgments kept in the models' own folders (`<model>/review.md` beside `<model>/skill/`):
 * each markdown or JSON file right in a model's folder, written by that model.
 */
export function modelFolderJudgments(
  files: TextFile[],
  skills: SkillDir[],
): { path: string; files: TextFile[]; judge: string }[] {
  const folders = new Set(
    skills.filter((s) => s.model && s.prefix.split('/')[0] === s.model).map((s) => s.model!),
  );
  return files
    .filter((f) => {
      const [folder, name, more] = f.path.split('/');
      return folders.has(folder) && name && !more && /\.(md|markdown|txt|json)$/i.test(name);
    })
    .map((f) => ({ path: f.path, files: [f], judge: f.path.split('/')[0] }));
}
