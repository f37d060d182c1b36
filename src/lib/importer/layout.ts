// Pure logic: reads the layout of a hand-run experiment (skills/<skill>/..., the source markdown,
// evaluations/<a>_vs_<b>/...) and infers who is who from folder, file and front-matter names.
// Where it cannot decide it throws a UserError naming the file and how to pin it.
import type { Participant } from '../content/schema.ts';
import { UserError, skillDir } from '../content/experiment.ts';
import type { TextFile } from '../content/files.ts';
import { parseFrontMatter } from '../content/frontmatter.ts';
import {
  displayModelName,
  isFamily,
  modelParts,
  providerOf,
  resolveName,
  slugify,
  splitPair,
  tokens,
} from '../text/names.ts';
import { MAP_FILE, pinHint, type ImportMap } from './map.ts';

const NOT_SOURCE =
  /^(readme|provenance|license|licence|changelog|contributing|code_of_conduct|security|agents|claude|notes|todo)\b/i;
const PROMPT = /prompt/i;
/** The folders whose sub-folders are the artifacts, one each. */
const ARTIFACT_ROOTS = ['skills', 'artifacts'];
const EVAL_ROOTS = [
  'evaluations',
  'judges',
  'judging',
  'evaluation',
  'evals',
  'eval',
  'judgments',
  'judgements',
  'reviews',
];
const GENERIC_SOURCE_WORDS = new Set([
  'tweet',
  'tweets',
  'thread',
  'post',
  'source',
  'sources',
  'material',
  'notes',
  'article',
  'essay',
  'transcript',
  'md',
  'text',
  'input',
  'original',
  'x',
]);

export const isMarkdown = (p: string) => /\.(md|markdown|mdx|txt)$/i.test(p);
/** A file that may hold a judgment: markdown or text, or JSON. */
const isJudgment = (p: string) => isMarkdown(p) || /\.json$/i.test(p);
const top = (p: string) => p.split('/')[0];
export const rest = (p: string, prefix: string) => (prefix ? p.slice(prefix.length + 1) : p);

export interface SkillDir {
  folder: string;
  /** "skills/<folder>" */
  prefix: string;
  files: TextFile[];
  name?: string;
  /** The participant, when the map's pattern names it ({participant}). */
  id?: string;
  /** A single-file artifact: its path. */
  file?: string;
}

export function findSkills(files: TextFile[]): SkillDir[] {
  const root = ARTIFACT_ROOTS.find((r) =>
    files.some((f) => top(f.path) === r && f.path.split('/').length >= 3),
  );
  const underSkills = files.filter((f) => top(f.path) === root && f.path.split('/').length >= 3);
  const folders = underSkills.length
    ? [...new Set(underSkills.map((f) => f.path.split('/')[1]))].map((d) => `${root}/${d}`)
    : [...new Set(files.filter((f) => /^[^/]+\/SKILL\.md$/i.test(f.path)).map((f) => top(f.path)))];
  return folders.map((prefix) => {
    const own = files.filter((f) => f.path.startsWith(prefix + '/'));
    const skillMd = own.find((f) => rest(f.path, prefix).toLowerCase() === 'skill.md');
    const name = skillMd?.content ? parseFrontMatter(skillMd.content).data.name : undefined;
    return {
      folder: prefix.split('/').pop()!,
      prefix,
      files: own,
      name: typeof name === 'string' ? name : undefined,
    };
  });
}

export function findSource(files: TextFile[], map: ImportMap, notes?: string[]): TextFile | null {
  if (map.source === null) return null;
  if (map.source) {
    if (map.source === 'none') return null;
    const f = files.find((x) => x.path === map.source);
    if (!f || f.content === null)
      throw new UserError(
        `${MAP_FILE}: field source names ${map.source}, which is not a text file of the experiment${f?.notText ? `: ${f.notText}` : ''}`,
      );
    return f;
  }
  const candidates = files.filter(
    (f) =>
      !f.path.includes('/') &&
      isMarkdown(f.path) &&
      !NOT_SOURCE.test(f.path) &&
      !PROMPT.test(f.path),
  );
  const inFolder = files.filter(
    (f) => /^(source|sources)\/[^/]+$/i.test(f.path) && isMarkdown(f.path),
  );
  const found = candidates.length ? candidates : inFolder;
  const all = found.filter((f) => f.content !== null);
  const named = all.filter((f) => /^(sources?\/)?sources?\.[a-z]+$/i.test(f.path));
  if (named.length === 1) return named[0];
  if (all.length === 1) return all[0];
  if (!all.length && found.length)
    throw new UserError(
      `The source material cannot be read: ${found.map((f) => `${f.path}: ${f.notText ?? 'it is not text'}`).join('; ')}`,
    );
  if (!all.length) {
    notes?.push(
      `no source material found (no markdown file at the folder's root but README.md, PROVENANCE.md or notes); ${pinHint('as "source: <file>"')} if there is one`,
    );
    return null;
  }
  throw new UserError(
    `Several markdown files could be the source material (${all.map((f) => f.path).join(', ')}); ${pinHint('as "source: <file>"')}`,
  );
}

/** The prompts: from the map (the text itself, or a file of the folder it names), else files named like prompts. */
export function findPrompts(
  files: TextFile[],
  map: ImportMap,
): { generation?: string; evaluation?: string } {
  const prompts = { ...map.prompts };
  for (const kind of ['generation', 'evaluation'] as const) {
    const named = files.find((f) => f.path === prompts[kind]?.trim() && f.content !== null);
    if (named) prompts[kind] = named.content!.trim();
  }
  for (const f of files) {
    if (
      f.path.split('/').length > 2 ||
      !isMarkdown(f.path) ||
      !PROMPT.test(f.path) ||
      f.content === null
    )
      continue;
    const kind = /eval|judg|review|compar/i.test(f.path) ? 'evaluation' : 'generation';
    prompts[kind] ??= f.content.trim();
  }
  return prompts;
}

/**
 * The source's author, when the names agree on one: a word of the source's file name that every
 * skill's folder name also has ("karpathy-tweet.md", "codex-5-3-karpathy-…"), completed with the
 * first name the skills give it ("Andrej Karpathy"). Otherwise none: attribution then rests on
 * phrases like "the tweet" or "he says".
 */
export function authorOf(sourcePath: string, skills: SkillDir[]): string | undefined {
  const words = tokens(
    sourcePath
      .replace(/\.[a-z]+$/i, '')
      .split('/')
      .pop()!,
  ).filter((w) => !GENERIC_SOURCE_WORDS.has(w) && !/\d/.test(w) && w.length > 2);
  const word = words.find(
    (w) => skills.length > 0 && skills.every((s) => tokens(s.folder).includes(w)),
  );
  if (!word) return undefined;
  const surname = word[0].toUpperCase() + word.slice(1);
  const text = skills.flatMap((s) => s.files.map((f) => f.content ?? '')).join('\n');
  const first = [...text.matchAll(new RegExp(`\\b([A-Z][a-z]+)\\s+${surname}\\b`, 'g'))].map(
    (m) => m[1],
  );
  const counts = new Map<string, number>();
  for (const f of first) counts.set(f, (counts.get(f) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 2 ? `${best[0]} ${surname}` : surname;
}

export function participantsOf(skills: SkillDir[], map: ImportMap, notes: string[]): Participant[] {
  const pinned = map.participants ?? {};
  const bySkill = new Map<string, string>();
  for (const [id, p] of Object.entries(pinned)) {
    if (!p.skill) continue;
    const folder = p.skill.replace(/^skills\//, '').replace(/\/$/, '');
    if (!skills.some((s) => s.folder === folder))
      throw new UserError(
        `${MAP_FILE}: participants.${id}.skill is "${p.skill}", which is no skill folder (skill folders: ${skills.map((s) => s.prefix).join(', ')})`,
      );
    bySkill.set(folder, id);
  }
  for (const s of skills) if (s.id && !bySkill.has(s.folder)) bySkill.set(s.folder, s.id);
  const unpinned = skills.filter((s) => !bySkill.has(s.folder));
  if (unpinned.length) {
    const parts =
      modelParts(unpinned.map((s) => s.folder)) ??
      modelParts(unpinned.map((s) => s.name ?? s.folder));
    if (!parts)
      throw new UserError(
        `Cannot tell which model wrote which skill from the folder names ${unpinned.map((s) => s.prefix).join(', ')}; ` +
          pinHint(`as "participants: { <id>: { skill: <folder>, model: <model name> } }"`),
      );
    unpinned.forEach((s, i) => bySkill.set(s.folder, slugify(parts[i])));
  }
  const out: Participant[] = skills.map((s) => {
    const id = bySkill.get(s.folder)!;
    const pin = pinned[id] ?? {};
    const provider = pin.provider ?? providerOf(id);
    const model = pin.model ?? displayModelName(id);
    notes.push(
      `participant ${id} (model "${model}"${provider ? `, provider ${provider}` : ''}${pin.skill ? ', pinned' : s.id ? `, named by the ${MAP_FILE} pattern` : ', inferred from the folder name'}): ${s.file ?? `${s.prefix}/`} imported as ${skillDir(id)}/`,
    );
    return { id, model, ...(provider ? { provider } : {}), skillFolder: s.folder };
  });
  // judges that wrote no skill may be pinned too
  for (const [id, pin] of Object.entries(pinned))
    if (!out.some((p) => p.id === id))
      out.push({
        id,
        model: pin.model ?? displayModelName(id),
        ...(pin.provider ? { provider: pin.provider } : {}),
      });
  return out;
}

export interface EvalEntry {
  /** The judge's folder or file, relative to the root. */
  path: string;
  files: TextFile[];
  /** The judge's name as the map's pattern found it ({judge}). */
  judge?: string;
}

export interface Pair {
  path: string;
  name: string;
  sides: string[];
  entries: EvalEntry[];
}

export function findPairs(
  files: TextFile[],
  participants: Participant[],
  skills: SkillDir[],
  notes: string[],
): Pair[] {
  const root = EVAL_ROOTS.find((r) => files.some((f) => top(f.path) === r && f.path.includes('/')));
  if (!root) return [];
  const pairs = pairsIn(root, files, participants, skills);
  const used = new Set(pairs.flatMap((p) => p.entries.flatMap((e) => e.files.map((f) => f.path))));
  for (const f of files)
    if (top(f.path) === root && isJudgment(f.path) && !used.has(f.path))
      notes.push(`${f.path}: skipped, it sits outside every pair folder (${root}/<a>_vs_<b>/)`);
  return pairs;
}

function pairsIn(
  root: string,
  files: TextFile[],
  participants: Participant[],
  skills: SkillDir[],
): Pair[] {
  const candidates = participants.map((p) => ({
    id: p.id,
    aliases: [p.id, p.skillFolder ?? ''].filter(Boolean),
  }));
  const entriesIn = (prefix: string): EvalEntry[] => {
    const inside = files.filter((f) => f.path.startsWith(prefix + '/'));
    const direct = inside.filter((f) => !rest(f.path, prefix).includes('/') && isJudgment(f.path));
    const dirs = [
      ...new Set(
        inside
          .filter((f) => rest(f.path, prefix).includes('/'))
          .map((f) => `${prefix}/${rest(f.path, prefix).split('/')[0]}`),
      ),
    ];
    return [
      ...direct.map((f) => ({ path: f.path, files: [f] })),
      ...dirs.map((d) => ({
        path: d,
        files: inside.filter((f) => f.path.startsWith(d + '/') && isJudgment(f.path)),
      })),
    ].filter((e) => e.files.length);
  };
  const children = [
    ...new Set(
      files
        .filter((f) => f.path.startsWith(root + '/') && rest(f.path, root).includes('/'))
        .map((f) => rest(f.path, root).split('/')[0]),
    ),
  ];
  const pairDirs = children.filter((c) => splitPair(c));
  if (!pairDirs.length) {
    // no pair folders: every judge's evaluation sits right under evaluations/, over all skills
    return [
      {
        path: root,
        name: '',
        sides: skills.map((s) => participants.find((p) => p.skillFolder === s.folder)!.id),
        entries: entriesIn(root),
      },
    ];
  }
  return pairDirs.map((dir) => {
    const sides = splitPair(dir)!.map((side) => {
      const r = resolveName(side, candidates);
      if (r.id === null)
        throw new UserError(
          `${root}/${dir}: cannot tell which skill "${side}" names (${r.reason}); ` +
            pinHint(
              `as "participants: { <id>: { skill: <folder> } }" with ids that match the pair folder's names`,
            ),
        );
      return r.id;
    });
    return { path: `${root}/${dir}`, name: dir, sides, entries: entriesIn(`${root}/${dir}`) };
  });
}

/**
 * Who wrote an evaluation: pinned in the map, else the participant its file or folder name names.
 * Inside a pair folder the judge is one of the pair (`among`), unless pinned to another.
 */
export function judgeOf(
  entry: EvalEntry,
  participants: Participant[],
  map: ImportMap,
  among: string[] = participants.map((p) => p.id),
): string {
  const pinned = map.judges?.[entry.path] ?? map.judges?.[entry.path + '/'];
  if (pinned) {
    if (!participants.some((p) => p.id === pinned))
      throw new UserError(
        `${MAP_FILE}: judges.${entry.path} is "${pinned}", not a participant (${participants.map((p) => p.id).join(', ')})`,
      );
    return pinned;
  }
  const name = entryName(entry);
  const candidates = (ids: string[]) =>
    participants
      .filter((p) => ids.includes(p.id))
      .map((p) => ({ id: p.id, aliases: [p.id, p.model, p.skillFolder ?? p.id] }));
  const r = resolveName(name, candidates(among));
  if (r.id !== null) return r.id;
  // a judge outside the pair: any other model of the experiment
  const others = participants.map((p) => p.id).filter((id) => !among.includes(id));
  const other = others.length ? resolveName(name, candidates(others)) : r;
  if (other.id !== null) return other.id;
  throw new UserError(
    `${entry.path}: cannot tell which model wrote this evaluation from its name "${name}" (${r.reason}); ` +
      pinHint(`as "judges: { ${entry.path}: <participant id> }"`),
  );
}

/** The judge's name an evaluation's file or folder (or the map's {judge}) gives. */
const entryName = (entry: EvalEntry) =>
  entry.judge ??
  entry.path
    .split('/')
    .pop()!
    .replace(/\.[a-z]+$/i, '');

/**
 * A judge that made no artifact: an evaluation whose name is a model's ("gemini-3-pro.md") and
 * names none of the experiment's models. Its model joins the experiment as a judge only.
 */
export function judgeOnly(entry: EvalEntry, participants: Participant[]): Participant | null {
  const name = entryName(entry).replace(/^(judge|judged|by|eval|evaluation|review)[-_ ]+/i, '');
  if (!tokens(name).some(isFamily)) return null;
  const all = participants.map((p) => ({
    id: p.id,
    aliases: [p.id, p.model, p.skillFolder ?? p.id],
  }));
  const r = resolveName(name, all);
  if (r.id !== null || !r.reason.startsWith('it names none')) return null;
  return { id: slugify(name), model: displayModelName(name) };
}

export function evaluationText(entry: EvalEntry): string {
  const unread = entry.files.find((f) => f.content === null);
  if (unread)
    throw new UserError(
      `${unread.path}: an evaluation that cannot be read: ${unread.notText ?? 'it is not text'}`,
    );
  if (entry.files.length === 1) return entry.files[0].content!;
  return entry.files.map((f) => `<!-- ${f.path} -->\n\n${f.content}`).join('\n\n');
}

/**
 * The blind labels a label file at the folder's root maps (labels.json, label_map.json: an object
 * of label -> an artifact's path or name), each to the one participant its value names; none when
 * a value names none or several.
 */
export function labelFile(files: TextFile[], participants: Participant[]): Record<string, string> {
  const file = files.find((f) => /^[^/]*label[^/]*\.json$/i.test(f.path) && f.content !== null);
  if (!file) return {};
  let json: unknown;
  try {
    json = JSON.parse(file.content!);
  } catch {
    return {};
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return {};
  const candidates = participants.map((p) => ({
    id: p.id,
    aliases: [p.id, p.model, p.skillFolder ?? p.id],
  }));
  const out: Record<string, string> = {};
  for (const [label, value] of Object.entries(json)) {
    if (typeof value !== 'string') return {};
    const r = resolveName(value.replace(/^.*\//, '').replace(/\.[a-z]+$/i, ''), candidates);
    if (r.id === null) return {};
    out[label] = r.id;
  }
  return out;
}
