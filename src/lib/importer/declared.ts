// Pure logic: a layout declared in crossjudge.yaml by path patterns, for experiments laid out in any
// other way: where the artifacts are (folders or single files), where the evaluations are and who
// wrote each ({judge}), and which belong to which experiment.
import type { TextFile } from '../content/files.ts';
import { UserError } from '../content/experiment.ts';
import { parseFrontMatter } from '../content/frontmatter.ts';
import { slugify } from '../text/names.ts';
import { MAP_FILE, type ImportMap } from './map.ts';
import type { EvalEntry, SkillDir } from './layout.ts';

/** One experiment of a declared layout: its artifacts and its evaluations. */
export interface DeclaredGroup {
  name: string;
  title?: string;
  /** undefined: the map's source; null: none. */
  source?: string | null;
  skills: SkillDir[];
  entries: EvalEntry[];
}

const isText = (p: string) => /\.(md|markdown|mdx|txt)$/i.test(p);

/**
 * A path pattern as a regular expression: `**` any folders, `*` within one name, `?` one character,
 * `{participant}` / `{judge}` a named part of one name. A trailing slash is ignored.
 */
export function patternRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/^\.?\/+|\/+$/g, '')
    .split(/(\*\*\/?|\*|\?|\{participant\}|\{judge\})/)
    .map((part) => {
      if (part === '**/' || part === '**') return '(?:.*/)?' + (part === '**' ? '[^/]*' : '');
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      if (part === '{participant}') return '(?<participant>[^/]+?)';
      if (part === '{judge}') return '(?<judge>[^/]+?)';
      return part.replace(/[.+^$()|[\]\\{}]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${body}$`);
}

const list = (p: string | string[] | undefined) =>
  p === undefined ? [] : Array.isArray(p) ? p : [p];

/** Every file and folder path of the files, folders first. */
function paths(files: TextFile[]): { path: string; dir: boolean }[] {
  const dirs = new Set<string>();
  for (const f of files) {
    const parts = f.path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return [
    ...[...dirs].map((path) => ({ path, dir: true })),
    ...files.map((f) => ({ path: f.path, dir: false })),
  ];
}

interface Match {
  path: string;
  dir: boolean;
  files: TextFile[];
  groups: Record<string, string>;
}

/** What the patterns match: folders (with the files in them) and single files outside any matched folder. */
function matches(files: TextFile[], pats: string[], field: string): Match[] {
  const out: Match[] = [];
  for (const pattern of pats) {
    const re = patternRegExp(pattern);
    for (const p of paths(files)) {
      const m = p.path.match(re);
      if (
        !m ||
        out.some((x) => x.dir && p.path.startsWith(x.path + '/')) ||
        out.some((x) => x.path === p.path)
      )
        continue;
      const own = p.dir
        ? files.filter((f) => f.path.startsWith(p.path + '/'))
        : files.filter((f) => f.path === p.path);
      out.push({ path: p.path, dir: p.dir, files: own, groups: { ...m.groups } });
    }
  }
  if (!out.length)
    throw new UserError(
      `${MAP_FILE}: ${field} ${pats.map((p) => `"${p}"`).join(', ')} matches no file or folder of the experiment`,
    );
  return out;
}

const stem = (p: string) =>
  p
    .split('/')
    .pop()!
    .replace(/\.[a-z0-9]+$/i, '');

function artifactsOf(files: TextFile[], pats: string[], field: string): SkillDir[] {
  return matches(files, pats, field).map((m) => {
    const prefix = m.dir ? m.path : m.path.split('/').slice(0, -1).join('/');
    const skillMd = m.files.find(
      (f) => f.path.slice(prefix.length).replace(/^\//, '').toLowerCase() === 'skill.md',
    );
    const name = skillMd?.content ? parseFrontMatter(skillMd.content).data.name : undefined;
    const named = m.groups.participant;
    return {
      folder: m.dir ? m.path.split('/').pop()! : stem(m.path),
      prefix,
      files: m.files,
      ...(typeof name === 'string' ? { name } : {}),
      ...(named ? { id: slugify(named) } : {}),
      ...(m.dir ? {} : { file: m.path }),
    };
  });
}

function evaluationsOf(files: TextFile[], pats: string[], field: string): EvalEntry[] {
  return matches(files, pats, field)
    .map((m) => ({
      path: m.path,
      files: m.files.filter((f) => isText(f.path)),
      ...(m.groups.judge ? { judge: m.groups.judge } : {}),
    }))
    .filter((e) => e.files.length);
}

/** The experiments a map declares by patterns, or null when it declares none (the layout is inferred). */
export function declaredGroups(files: TextFile[], map: ImportMap): DeclaredGroup[] | null {
  const declared = map.experiments
    ? Object.entries(map.experiments)
    : map.artifacts || map.evaluations
      ? [['', {}] as const]
      : null;
  if (!declared) return null;
  return declared.map(([name, exp]) => {
    const e = exp as {
      artifacts?: string | string[];
      evaluations?: string | string[];
      title?: string;
      source?: string | null;
    };
    const where = name ? `experiments.${name}.` : '';
    const artifacts = list(e.artifacts ?? map.artifacts);
    if (!artifacts.length)
      throw new UserError(
        `${MAP_FILE}: ${where}artifacts is missing: say where each participant's artifact is, e.g. "artifacts: essays/{participant}.md"`,
      );
    const evaluations = list(e.evaluations ?? map.evaluations);
    return {
      name,
      ...(e.title ? { title: e.title } : {}),
      ...(e.source !== undefined ? { source: e.source } : {}),
      skills: artifactsOf(files, artifacts, `${where}artifacts`),
      entries: evaluations.length ? evaluationsOf(files, evaluations, `${where}evaluations`) : [],
    };
  });
}
