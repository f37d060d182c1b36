// Pure logic of the importer: from the files of a hand-run experiment (a folder or git repo laid out as
// skills/<skill>/..., evaluations/<a>_vs_<b>/..., and the source markdown) to experiments in the
// content model. It infers who is who from folder, file and front-matter names, says what it inferred,
// and stops with a UserError naming the file and how to pin it where it cannot decide.
import { z } from 'zod';
import YAML from 'yaml';
import { PROVIDERS, ParticipantSchema, describeIssues, type ManifestInput, type Participant, type Verdict } from './schema.ts';
import { UserError } from './experiment.ts';
import type { TextFile } from './files.ts';
import { parseFrontMatter } from './frontmatter.ts';
import { displayModelName, matchName, modelParts, providerOf, slugify, splitPair, tokens } from './names.ts';
import { readVerdict } from './verdict.ts';
import { skillAliases } from './analysis.ts';

export const MAP_FILE = 'crossjudge.yaml';

/** The optional mapping file a person writes to pin what the importer cannot infer. */
export const ImportMapSchema = z
  .object({
    title: z.string().optional(),
    summary: z.string().optional(),
    source: z.string().optional(),
    sourceAuthor: z.string().optional(),
    prompts: z.object({ generation: z.string().optional(), evaluation: z.string().optional() }).strict().optional(),
    /** participant id -> its skill folder (under skills/) and model. */
    participants: z
      .record(
        ParticipantSchema.shape.id,
        z
          .object({
            skill: z.string().optional(),
            model: z.string().optional(),
            provider: z.enum(PROVIDERS).optional(),
          })
          .strict(),
      )
      .optional(),
    /** evaluation file or folder path -> judge's participant id. */
    judges: z.record(z.string(), ParticipantSchema.shape.id).optional(),
    /** evaluation file or folder path -> the winner's participant id, or null for a tie / no decision. */
    verdicts: z.record(z.string(), ParticipantSchema.shape.id.nullable()).optional(),
  })
  .strict();
export type ImportMap = z.infer<typeof ImportMapSchema>;

export function parseImportMap(text: string, file: string): ImportMap {
  let raw: unknown;
  try {
    raw = YAML.parse(text) ?? {};
  } catch (err) {
    throw new UserError(`${file} is not valid YAML: ${(err as Error).message}`);
  }
  const parsed = ImportMapSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(describeIssues(file, parsed.error).replace('experiment manifest', 'import mapping file'));
  return parsed.data;
}

export interface Origin {
  /** What the user gave: a URL or a folder name. */
  origin: string;
  /** The repository's or folder's name, for the default slug and title. */
  name: string;
  url?: string;
  commit?: string;
  /** The last commit's date, when there is one. */
  date?: Date;
}

export interface PlannedExperiment {
  slug: string;
  manifest: ManifestInput;
  /** Files to write, relative to the experiment folder (the manifest excepted). */
  files: { path: string; content: string | Buffer }[];
}

export interface ImportPlan {
  experiments: PlannedExperiment[];
  /** What was inferred, for the user to read. */
  notes: string[];
}

const NOT_SOURCE = /^(readme|provenance|license|licence|changelog|contributing|code_of_conduct|security|agents|claude|notes|todo)\b/i;
const PROMPT = /prompt/i;
const EVAL_ROOTS = ['evaluations', 'evaluation', 'evals', 'eval', 'judgments', 'judgements', 'reviews'];
const GENERIC_SOURCE_WORDS = new Set(['tweet', 'tweets', 'thread', 'post', 'source', 'sources', 'material', 'notes', 'article', 'essay', 'transcript', 'md', 'text', 'input', 'original', 'x']);

const isMarkdown = (p: string) => /\.(md|markdown|mdx|txt)$/i.test(p);
const top = (p: string) => p.split('/')[0];
const rest = (p: string, prefix: string) => p.slice(prefix.length + 1);
const ACRONYMS = new Set(['llm', 'llms', 'ai', 'api', 'gpt', 'ui', 'cli', 'ml']);
/** "andrej-karpathy-llm-guidance" -> "Andrej Karpathy LLM Guidance" */
const humanize = (s: string) =>
  s
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1)))
    .join(' ');
const pinHint = (what: string) => `pin it in ${MAP_FILE} at the folder's root (or a file passed with --map), ${what}`;

interface SkillDir {
  folder: string;
  /** "skills/<folder>" */
  prefix: string;
  files: TextFile[];
  name?: string;
}

function findSkills(files: TextFile[]): SkillDir[] {
  const underSkills = files.filter((f) => top(f.path) === 'skills' && f.path.split('/').length >= 3);
  const folders = underSkills.length
    ? [...new Set(underSkills.map((f) => f.path.split('/')[1]))].map((d) => `skills/${d}`)
    : [...new Set(files.filter((f) => /^[^/]+\/SKILL\.md$/i.test(f.path)).map((f) => top(f.path)))];
  return folders.map((prefix) => {
    const own = files.filter((f) => f.path.startsWith(prefix + '/'));
    const skillMd = own.find((f) => rest(f.path, prefix).toLowerCase() === 'skill.md');
    const name = skillMd?.content ? parseFrontMatter(skillMd.content).data.name : undefined;
    return { folder: prefix.split('/').pop()!, prefix, files: own, name: typeof name === 'string' ? name : undefined };
  });
}

function findSource(files: TextFile[], map: ImportMap): TextFile {
  if (map.source) {
    const f = files.find((x) => x.path === map.source);
    if (!f || f.content === null) throw new UserError(`${MAP_FILE}: field source names ${map.source}, which is not a text file of the experiment`);
    return f;
  }
  const candidates = files.filter((f) => !f.path.includes('/') && isMarkdown(f.path) && !NOT_SOURCE.test(f.path) && !PROMPT.test(f.path));
  const inFolder = files.filter((f) => /^(source|sources)\/[^/]+$/i.test(f.path) && isMarkdown(f.path));
  const all = candidates.length ? candidates : inFolder;
  if (all.length === 1 && all[0].content !== null) return all[0];
  if (!all.length) throw new UserError(`No source material found: expected one markdown file at the folder's root (README.md and PROVENANCE.md do not count); ${pinHint('as "source: <file>"')}`);
  throw new UserError(`Several markdown files could be the source material (${all.map((f) => f.path).join(', ')}); ${pinHint('as "source: <file>"')}`);
}

function findPrompts(files: TextFile[], map: ImportMap): { generation?: string; evaluation?: string } {
  const prompts = { ...map.prompts };
  for (const f of files) {
    if (f.path.split('/').length > 2 || !isMarkdown(f.path) || !PROMPT.test(f.path) || f.content === null) continue;
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
function authorOf(sourcePath: string, skills: SkillDir[]): string | undefined {
  const words = tokens(sourcePath.replace(/\.[a-z]+$/i, '').split('/').pop()!).filter((w) => !GENERIC_SOURCE_WORDS.has(w) && !/\d/.test(w) && w.length > 2);
  const word = words.find((w) => skills.length > 0 && skills.every((s) => tokens(s.folder).includes(w)));
  if (!word) return undefined;
  const surname = word[0].toUpperCase() + word.slice(1);
  const text = skills.flatMap((s) => s.files.map((f) => f.content ?? '')).join('\n');
  const first = [...text.matchAll(new RegExp(`\\b([A-Z][a-z]+)\\s+${surname}\\b`, 'g'))].map((m) => m[1]);
  const counts = new Map<string, number>();
  for (const f of first) counts.set(f, (counts.get(f) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 2 ? `${best[0]} ${surname}` : surname;
}

function participantsOf(skills: SkillDir[], map: ImportMap, notes: string[]): Participant[] {
  const pinned = map.participants ?? {};
  const bySkill = new Map<string, string>();
  for (const [id, p] of Object.entries(pinned)) if (p.skill) bySkill.set(p.skill.replace(/^skills\//, ''), id);
  const unpinned = skills.filter((s) => !bySkill.has(s.folder));
  if (unpinned.length) {
    const parts = modelParts(unpinned.map((s) => s.folder)) ?? modelParts(unpinned.map((s) => s.name ?? s.folder));
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
    notes.push(`participant ${id}: wrote ${s.prefix}/ (model "${model}"${provider ? `, provider ${provider}` : ''}${pin.skill ? ', pinned' : ', inferred from the folder name'})`);
    return { id, model, ...(provider ? { provider } : {}), skillFolder: s.folder };
  });
  // judges that wrote no skill may be pinned too
  for (const [id, pin] of Object.entries(pinned))
    if (!out.some((p) => p.id === id)) out.push({ id, model: pin.model ?? displayModelName(id), ...(pin.provider ? { provider: pin.provider } : {}) });
  return out;
}

interface EvalEntry {
  /** The judge's folder or file, relative to the root. */
  path: string;
  files: TextFile[];
}

interface Pair {
  path: string;
  name: string;
  sides: string[];
  entries: EvalEntry[];
}

function findPairs(files: TextFile[], participants: Participant[], skills: SkillDir[]): Pair[] {
  const root = EVAL_ROOTS.find((r) => files.some((f) => top(f.path) === r && f.path.includes('/')));
  if (!root) return [];
  const candidates = participants.map((p) => ({ id: p.id, aliases: [p.id, p.skillFolder ?? ''].filter(Boolean) }));
  const entriesIn = (prefix: string): EvalEntry[] => {
    const inside = files.filter((f) => f.path.startsWith(prefix + '/'));
    const direct = inside.filter((f) => !rest(f.path, prefix).includes('/') && isMarkdown(f.path));
    const dirs = [...new Set(inside.filter((f) => rest(f.path, prefix).includes('/')).map((f) => `${prefix}/${rest(f.path, prefix).split('/')[0]}`))];
    return [
      ...direct.map((f) => ({ path: f.path, files: [f] })),
      ...dirs.map((d) => ({ path: d, files: inside.filter((f) => f.path.startsWith(d + '/') && isMarkdown(f.path)) })),
    ].filter((e) => e.files.length);
  };
  const children = [...new Set(files.filter((f) => f.path.startsWith(root + '/') && rest(f.path, root).includes('/')).map((f) => rest(f.path, root).split('/')[0]))];
  const pairDirs = children.filter((c) => splitPair(c));
  if (!pairDirs.length) {
    // no pair folders: every judge's evaluation sits right under evaluations/, over all skills
    return [{ path: root, name: '', sides: skills.map((s) => participants.find((p) => p.skillFolder === s.folder)!.id), entries: entriesIn(root) }];
  }
  return pairDirs.map((dir) => {
    const sides = splitPair(dir)!.map((side) => {
      const ids = matchName(side, candidates);
      if (ids.length !== 1)
        throw new UserError(
          `${root}/${dir}: cannot tell which skill "${side}" names (${ids.length ? `it could be ${ids.join(' or ')}` : `participants are ${participants.map((p) => p.id).join(', ')}`}); ` +
            pinHint(`as "participants: { <id>: { skill: <folder> } }" with ids that match the pair folder's names`),
        );
      return ids[0];
    });
    return { path: `${root}/${dir}`, name: dir, sides, entries: entriesIn(`${root}/${dir}`) };
  });
}

function judgeOf(entry: EvalEntry, participants: Participant[], map: ImportMap): string {
  const pinned = map.judges?.[entry.path] ?? map.judges?.[entry.path + '/'];
  if (pinned) {
    if (!participants.some((p) => p.id === pinned)) throw new UserError(`${MAP_FILE}: judges.${entry.path} is "${pinned}", not a participant (${participants.map((p) => p.id).join(', ')})`);
    return pinned;
  }
  const name = entry.path.split('/').pop()!.replace(/\.[a-z]+$/i, '');
  const ids = matchName(name, participants.map((p) => ({ id: p.id, aliases: [p.id, p.model] })));
  if (ids.length === 1) return ids[0];
  throw new UserError(
    `${entry.path}: cannot tell which model wrote this evaluation from its name "${name}" ` +
      `(${ids.length ? `it could be ${ids.join(' or ')}` : 'it names none of ' + participants.map((p) => p.id).join(', ')}); ` +
      pinHint(`as "judges: { ${entry.path}: <participant id> }"`),
  );
}

function evaluationText(entry: EvalEntry): string {
  if (entry.files.length === 1) return entry.files[0].content ?? '';
  return entry.files.map((f) => `<!-- ${f.path} -->\n\n${f.content ?? ''}`).join('\n\n');
}

/** Web address of a git remote, when it is a hosted one: git@host:o/r.git and https://host/o/r.git -> https://host/o/r */
export function webUrl(remote: string): string | undefined {
  const ssh = remote.match(/^git@([^:]+):(.+?)(?:\.git)?\/?$/);
  if (ssh) return `https://${ssh[1]}/${ssh[2]}`;
  const https = remote.match(/^https?:\/\/(?:[^@/]+@)?([^/]+)\/(.+?)(?:\.git)?\/?$/);
  return https ? `https://${https[1]}/${https[2]}` : undefined;
}

export function planImport(files: TextFile[], origin: Origin, map: ImportMap = {}, slug?: string): ImportPlan {
  const notes: string[] = [];
  const skills = findSkills(files);
  if (!skills.length) throw new UserError(`${origin.origin}: no skills found: expected skills/<name>/ folders (or folders holding a SKILL.md) at the root`);
  const participants = participantsOf(skills, map, notes);
  const source = findSource(files, map);
  notes.push(`source material: ${source.path}`);
  const sourceAuthor = map.sourceAuthor ?? authorOf(source.path, skills);
  if (sourceAuthor && !map.sourceAuthor) notes.push(`source author: "${sourceAuthor}" (the source's file name and every skill's folder name share it; quotes attributed to this name are checked)`);
  const prompts = findPrompts(files, map);
  const pairs = findPairs(files, participants, skills);
  if (!pairs.length) notes.push('no evaluations folder: importing the skills without verdicts');
  const plans = (pairs.length ? pairs : [{ path: '', name: '', sides: participants.map((p) => p.id), entries: [] }]).map((pair) => {
    const base = slug ?? slugify(origin.name);
    const expSlug = pairs.length > 1 ? `${base}-${slugify(pair.name)}` : base;
    const judges = pair.entries.map((e) => ({ entry: e, judge: judgeOf(e, participants, map) }));
    const members = participants.filter((p) => pair.sides.includes(p.id) || judges.some((j) => j.judge === p.id));
    const seen = new Map<string, string>();
    for (const { entry, judge } of judges) {
      if (seen.has(judge)) throw new UserError(`${entry.path} and ${seen.get(judge)} both read as ${judge}'s evaluation; ${pinHint(`as "judges: { <path>: <participant id> }"`)}`);
      seen.set(judge, entry.path);
    }
    const judged = pair.sides.map((id) => {
      const p = participants.find((x) => x.id === id)!;
      return { id, aliases: skillAliases(p, skills.find((s) => s.folder === p.skillFolder)?.name) };
    });
    const verdicts: Verdict[] = judges.map(({ entry, judge }) => {
      const text = evaluationText(entry);
      const pin = map.verdicts && entry.path in map.verdicts ? map.verdicts[entry.path] : undefined;
      if (pin !== undefined) {
        notes.push(`${entry.path}: judge ${judge}, winner ${pin ?? 'none'} (pinned in ${MAP_FILE})`);
        return { judge, winner: pin, evidence: '', reason: `pinned in ${MAP_FILE}`, pinned: true };
      }
      const v = readVerdict(text, judged);
      notes.push(`${entry.path}: judge ${judge} (from the name), winner ${v.winner ?? `undetermined: ${v.reason}`}${v.evidence ? `, from "${v.evidence.slice(0, 100)}"` : ''}`);
      return { judge, winner: v.winner, evidence: v.evidence, reason: v.reason };
    });
    const names = pair.sides.map((id) => displayModelName(members.find((p) => p.id === id)!.model));
    const sourceName = source.path.split('/').pop()!;
    const manifest: ManifestInput = {
      title: map.title ?? `${humanize(origin.name)}: ${names.join(' vs ')}`,
      date: origin.date ?? new Date(),
      summary: map.summary ?? `${names.join(' and ')} each wrote a skill from the same source; ${judges.length ? `${judges.length === names.length ? 'each' : judges.length} judged them` : 'no evaluations yet'}.`,
      provenance: {
        kind: 'import',
        origin: origin.origin,
        ...(origin.url ? { url: origin.url } : {}),
        ...(origin.commit ? { commit: origin.commit } : {}),
        ...(pair.path ? { path: pair.path } : {}),
      },
      source: sourceName,
      ...(sourceAuthor ? { sourceAuthor } : {}),
      prompts,
      participants: members,
      verdicts,
    };
    const out: PlannedExperiment['files'] = [{ path: sourceName, content: source.content! }];
    for (const s of skills) {
      const id = participants.find((p) => p.skillFolder === s.folder)!.id;
      if (!pair.sides.includes(id)) continue;
      for (const f of s.files) {
        if (f.content === null && !f.data) throw new Error(`${f.path}: a binary file read without its bytes (use readTextFiles(dir, true))`);
        out.push({ path: `skills/${id}/${rest(f.path, s.prefix)}`, content: f.content ?? f.data! });
      }
    }
    for (const { entry, judge } of judges) out.push({ path: `evaluations/${judge}.md`, content: evaluationText(entry) });
    return { slug: expSlug, manifest, files: out };
  });
  return { experiments: plans, notes };
}

/** A fresh import merged into what is already there: what a person set in the manifest stays. */
export function mergeManifest(fresh: ManifestInput, existing: ManifestInput | null): ManifestInput {
  if (!existing) return fresh;
  const pinned = new Map((existing.verdicts ?? []).filter((v) => v.pinned).map((v) => [v.judge, v]));
  return {
    ...fresh,
    title: existing.title,
    summary: existing.summary ?? fresh.summary,
    date: fresh.provenance.commit ? fresh.date : existing.date,
    sourceAuthor: existing.sourceAuthor ?? fresh.sourceAuthor,
    sourceTitle: existing.sourceTitle ?? fresh.sourceTitle,
    prompts: { ...existing.prompts, ...fresh.prompts },
    participants: fresh.participants.map((p) => {
      const old = existing.participants.find((x) => x.id === p.id);
      return old ? { ...p, model: old.model, label: old.label, provider: old.provider ?? p.provider } : p;
    }),
    verdicts: fresh.verdicts!.map((v) => pinned.get(v.judge) ?? v),
  };
}

