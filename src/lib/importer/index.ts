// Pure logic of the importer: from the files of a hand-run experiment to experiments in the content
// model. layout.ts reads who is who from the folder; this plans each experiment's manifest and files
// and merges a re-import into what a person edited.
import type { ManifestInput, Participant, Verdict } from '../content/schema.ts';
import { UserError, pathOf, type Location } from '../content/experiment.ts';
import type { Limits, TextFile } from '../content/files.ts';
import { pathSetProblem } from '../content/safe-paths.ts';
import { displayModelName, isSlug, slugify, type Candidate } from '../text/names.ts';
import { readVerdict } from '../reading/verdict/index.ts';
import { artifactNoun } from '../analysis/analysis.ts';
import { skillAliases } from '../analysis/analysis.ts';
import { MAP_FILE, pinHint, type ImportMap } from './map.ts';
import {
  authorOf,
  evaluationText,
  findPairs,
  findPrompts,
  findSkills,
  findSource,
  isMarkdown,
  judgeOf,
  judgeOnly,
  labelFile,
  participantsOf,
  rest,
  type EvalEntry,
  type SkillDir,
} from './layout.ts';
import { declaredGroups } from './declared.ts';
import type { Origin } from './origin.ts';

export { MAP_FILE, ImportMapSchema, parseImportMap, type ImportMap } from './map.ts';
export { originId, otherOrigin, webUrl, type Origin } from './origin.ts';

/**
 * How much a folder may hold to be imported: a file is shown on a page, highlighted, compared and
 * searched, and a build slows down with every megabyte of text.
 */
export const IMPORT_LIMITS: Limits = { files: 1000, fileBytes: 1_000_000, totalBytes: 20_000_000 };

/** A file to write into the experiment folder: where it goes, and what it holds. */
export interface PlannedFile {
  at: Location;
  content: string | Buffer;
}

export interface PlannedExperiment {
  slug: string;
  manifest: ManifestInput;
  /** Files to write (the manifest excepted). */
  files: PlannedFile[];
  /** The participants whose work was judged, with every name an evaluation may use for them. */
  named: Candidate[];
}

export interface ImportPlan {
  experiments: PlannedExperiment[];
  /** What was inferred, for the user to read. */
  notes: string[];
}

const ACRONYMS = new Set(['llm', 'llms', 'ai', 'api', 'gpt', 'ui', 'cli', 'ml']);
/** "andrej-karpathy-llm-guidance" -> "Andrej Karpathy LLM Guidance" */
const humanize = (s: string) =>
  s
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1)))
    .join(' ');

/** One experiment to plan: its artifacts, participants and evaluations. */
interface Group {
  /** The pair folder's or the declared experiment's name ('' for the only one). */
  name: string;
  path: string;
  title?: string;
  source: TextFile | null;
  skills: SkillDir[];
  participants: Participant[];
  sides: string[];
  /** Who may have written its evaluations: the pair inside a pair folder, else every participant. */
  judges: string[];
  entries: EvalEntry[];
}

function sourceOf(
  files: TextFile[],
  map: ImportMap,
  declared: string | null | undefined,
  notes: string[],
): TextFile | null {
  if (declared === undefined) return findSource(files, map, notes);
  return findSource(files, { ...map, source: declared }, notes);
}

/** The experiments of the folder: declared by patterns in the map, else inferred from the layout. */
function groupsOf(files: TextFile[], origin: Origin, map: ImportMap, notes: string[]): Group[] {
  const declared = declaredGroups(files, map);
  if (declared)
    return declared.map((g) => {
      const participants = participantsOf(g.skills, map, notes);
      const sides = g.skills.map((s) => participants.find((p) => p.skillFolder === s.folder)!.id);
      return {
        name: g.name,
        path: '',
        title: g.title,
        source: sourceOf(files, map, g.source, notes),
        skills: g.skills,
        participants,
        sides,
        judges: participants.map((p) => p.id),
        entries: g.entries,
      };
    });
  const skills = findSkills(files);
  if (!skills.length)
    throw new UserError(
      `${origin.origin}: no skills found: expected skills/<name>/ folders (or folders holding a SKILL.md) at the root, or "artifacts:" in ${MAP_FILE}`,
    );
  const participants = participantsOf(skills, map, notes);
  const source = findSource(files, map, notes);
  const pairs = findPairs(files, participants, skills, notes);
  if (!pairs.length) notes.push('no evaluations folder: importing the skills without verdicts');
  return (
    pairs.length
      ? pairs
      : [
          {
            path: '',
            name: '',
            sides: participants.filter((p) => p.skillFolder).map((p) => p.id),
            entries: [],
          },
        ]
  ).map((pair) => ({
    ...pair,
    judges: pair.name ? pair.sides : participants.map((p) => p.id),
    source,
    skills: skills.filter((s) =>
      pair.sides.includes(participants.find((p) => p.skillFolder === s.folder)!.id),
    ),
    participants,
  }));
}

/** The labels the map gives for one evaluation: the global ones and the evaluation's own. */
function labelsFor(map: ImportMap, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map.labels ?? {})) {
    if (typeof v === 'string') out[k] = v;
    else if (k === path || k === path + '/') Object.assign(out, v);
  }
  return out;
}

/** What planning one experiment shares: the whole folder's map, origin, slug and notes. */
interface Context {
  map: ImportMap;
  origin: Origin;
  slug: string | undefined;
  notes: string[];
  /** Several experiments from one folder: each slug gets the group's name. */
  several: boolean;
  /** The blind labels a label file at the root maps. */
  labels: Record<string, string>;
}

export function planImport(
  files: TextFile[],
  origin: Origin,
  map: ImportMap = {},
  slug?: string,
): ImportPlan {
  const notes: string[] = [];
  if (slug !== undefined && !isSlug(slug))
    throw new UserError(
      `the slug "${slug}" is not one: use lowercase letters, digits and dashes, starting with a letter or digit`,
    );
  const groups = groupsOf(files, origin, map, notes);
  checkMapKeys(map, groups);
  const sources = new Set(groups.map((g) => g.source?.path ?? null));
  for (const s of sources) notes.push(s ? `source material: ${s}` : 'source material: none');
  const labels = labelFile(files, groups[0]?.participants ?? []);
  if (Object.keys(labels).length)
    notes.push(
      `blind labels: ${Object.entries(labels)
        .map(([l, id]) => `${l} = ${id}`)
        .join(', ')}`,
    );
  const context: Context = { map, origin, slug, notes, several: groups.length > 1, labels };
  const experiments = groups.map((group, i) => planGroup(files, group, context, i === 0));
  return { experiments, notes };
}

interface Judged {
  entry: EvalEntry;
  judge: string;
}

/** One experiment of the folder: its manifest and the files to write. */
function planGroup(files: TextFile[], group: Group, c: Context, first: boolean): PlannedExperiment {
  const sourceAuthor = authorFor(group, c, first);
  const base = c.slug ?? slugify(c.origin.name);
  const judges = judgesFor(group, c.map, c.notes);
  const members = group.participants.filter(
    (p) => group.sides.includes(p.id) || judges.some((j) => j.judge === p.id),
  );
  const named = group.sides.map((id) => {
    const p = group.participants.find((x) => x.id === id)!;
    const skill = group.skills.find((s) => s.folder === p.skillFolder);
    return { id, aliases: skillAliases(p, skill?.name) };
  });
  const verdicts = judges.map((j) => verdictFor(j, group, named, c));
  const manifest = manifestFor(files, group, c, { members, verdicts, sourceAuthor });
  const planned = filesFor(group, judges, c.notes);
  const refused = pathSetProblem(
    planned.map((f) => pathOf(f.at, { source: manifest.source ?? null })),
  );
  if (refused) throw new UserError(`${c.origin.origin}: cannot import it as it is: ${refused}`);
  return {
    slug: c.several ? `${base}-${slugify(group.name)}` : base,
    manifest,
    files: planned,
    named,
  };
}

/** The source's author: the map's, else one the source's and the skills' names agree on. */
function authorFor(group: Group, c: Context, first: boolean): string | undefined {
  if (c.map.sourceAuthor) return c.map.sourceAuthor;
  const author = group.source ? authorOf(group.source.path, group.skills) : undefined;
  if (author && first)
    c.notes.push(
      `source author: "${author}" (the source's file name and every skill's folder name share it; quotes attributed to this name are checked)`,
    );
  return author;
}

/** Who wrote each evaluation; two evaluations read as one judge's stop the import. */
function judgesFor(group: Group, map: ImportMap, notes: string[]): Judged[] {
  for (const entry of group.entries) {
    const judge = judgeOnly(entry, group.participants);
    if (!judge || group.participants.some((p) => p.id === judge.id)) continue;
    group.participants.push(judge);
    group.judges.push(judge.id);
    notes.push(`judge ${judge.id} (model "${judge.model}"): judged and made no artifact`);
  }
  const judges = group.entries.map((entry) => ({
    entry,
    judge: judgeOf(entry, group.participants, map, group.judges),
  }));
  const seen = new Map<string, string>();
  for (const { entry, judge } of judges) {
    if (seen.has(judge))
      throw new UserError(
        `${entry.path} and ${seen.get(judge)} both read as ${judge}'s evaluation; ${pinHint(`as "judges: { <path>: <participant id> }"`)}`,
      );
    seen.set(judge, entry.path);
  }
  return judges;
}

/** An evaluation's verdict: pinned in the map, else read from its text. */
function verdictFor(
  { entry, judge }: Judged,
  group: Group,
  named: Candidate[],
  c: Context,
): Verdict {
  const { map, notes } = c;
  const key = [entry.path, entry.path + '/'].find((k) => map.verdicts && k in map.verdicts);
  const pin = key ? map.verdicts![key] : undefined;
  if (pin && !group.sides.includes(pin))
    throw new UserError(
      `${MAP_FILE}: verdicts.${entry.path} is "${pin}", not a skill of ${group.path || 'the experiment'} (${group.sides.join(', ')}; null for a tie or no decision)`,
    );
  if (pin !== undefined) {
    notes.push(`${entry.path}: judge ${judge}, winner ${pin ?? 'none'} (pinned in ${MAP_FILE})`);
    return { judge, winner: pin, evidence: '', reason: `pinned in ${MAP_FILE}`, pinned: true };
  }
  const v = readVerdict(evaluationText(entry), named, {
    labels: { ...c.labels, ...labelsFor(map, entry.path) },
  });
  notes.push(
    `${entry.path}: judge ${judge}${entry.judge ? '' : ' (from the name)'}, winner ${v.winner ?? `undetermined: ${v.reason}`}${v.ranking ? `, ranking ${v.ranking.join(' > ')}` : ''}${v.evidence ? `, from "${v.evidence.slice(0, 100)}"` : ''}`,
  );
  return {
    judge,
    winner: v.winner,
    evidence: v.evidence,
    reason: v.reason,
    ...(v.ranking ? { ranking: v.ranking } : {}),
  };
}

/** Skills, unless a declared layout's artifacts are not all skills (a folder with SKILL.md). */
function artifactKind(group: Group, map: ImportMap): 'skills' | 'files' {
  if (!map.artifacts && !map.experiments) return 'skills';
  const skills = group.skills.every((s) => s.files.some((f) => /(^|\/)SKILL\.md$/i.test(f.path)));
  return skills ? 'skills' : 'files';
}

function manifestFor(
  files: TextFile[],
  group: Group,
  c: Context,
  parts: { members: Participant[]; verdicts: Verdict[]; sourceAuthor?: string },
): ManifestInput {
  const { map, origin } = c;
  const { members, verdicts, sourceAuthor } = parts;
  const names = group.sides.map((id) => displayModelName(members.find((p) => p.id === id)!.model));
  const kind = artifactKind(group, map);
  const noun = artifactNoun({ artifacts: kind, artifactName: map.artifactName }).one;
  const what = `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
  const judged = verdicts.length
    ? `${verdicts.length === names.length ? 'each' : verdicts.length} judged them`
    : 'no evaluations yet';
  return {
    title: group.title ?? map.title ?? `${humanize(origin.name)}: ${names.join(' vs ')}`,
    date: origin.date ?? new Date(),
    summary:
      map.summary ??
      `${names.join(' and ')} each wrote ${what}${group.source ? ' from the same source' : ''}; ${judged}.`,
    provenance: {
      kind: 'import',
      origin: origin.origin,
      ...(origin.url ? { url: origin.url } : {}),
      ...(origin.commit ? { commit: origin.commit } : {}),
      ...(group.path ? { path: group.path } : {}),
    },
    source: group.source ? group.source.path.split('/').pop()! : null,
    ...(kind === 'files' ? { artifacts: 'files' as const } : {}),
    ...(map.artifactName ? { artifactName: map.artifactName } : {}),
    ...(sourceAuthor ? { sourceAuthor } : {}),
    prompts: findPrompts(files, map),
    participants: members,
    verdicts,
  };
}

/** The files of the experiment: its source, every file of each skill, each judge's evaluation. */
function filesFor(group: Group, judges: Judged[], notes: string[]): PlannedFile[] {
  const out: PlannedFile[] = group.source
    ? [{ at: { kind: 'source' }, content: group.source.content! }]
    : [];
  for (const s of group.skills) {
    const participant = group.participants.find((p) => p.skillFolder === s.folder)!.id;
    for (const f of s.files) {
      if (f.content === null && !f.data)
        throw new Error(
          `${f.path}: a binary file read without its bytes (use readTextFiles(dir, true))`,
        );
      if (f.content === null && isMarkdown(f.path))
        notes.push(`${f.path}: imported as a binary file, not as text: ${f.notText}`);
      const file = rest(f.path, s.prefix);
      out.push({ at: { kind: 'skill', participant, file }, content: f.content ?? f.data! });
    }
  }
  for (const { entry, judge } of judges)
    out.push({ at: { kind: 'evaluation', judge }, content: evaluationText(entry) });
  return out;
}

/** Keys of the mapping file's judges and verdicts must each name an evaluation: a typo would be ignored. */
function checkMapKeys(map: ImportMap, pairs: { entries: { path: string }[] }[]): void {
  const paths = pairs.flatMap((p) => p.entries.map((e) => e.path));
  for (const field of ['judges', 'verdicts'] as const)
    for (const key of Object.keys(map[field] ?? {}))
      if (!paths.includes(key.replace(/\/$/, '')))
        throw new UserError(
          `${MAP_FILE}: ${field}.${key} names no evaluation (${paths.length ? `evaluations: ${paths.join(', ')}` : 'no evaluations were found'})`,
        );
}

/** A fresh import merged into what is already there: what a person set in the manifest stays. */
export function mergeManifest(fresh: ManifestInput, existing: ManifestInput | null): ManifestInput {
  if (!existing) return fresh;
  const pinned = new Map(
    (existing.verdicts ?? []).filter((v) => v.pinned).map((v) => [v.judge, v]),
  );
  return {
    ...fresh,
    title: existing.title,
    summary: existing.summary ?? fresh.summary,
    date: fresh.provenance.commit ? fresh.date : existing.date,
    sourceAuthor: existing.sourceAuthor ?? fresh.sourceAuthor,
    artifactName: existing.artifactName ?? fresh.artifactName,
    sourceTitle: existing.sourceTitle ?? fresh.sourceTitle,
    prompts: { ...existing.prompts, ...fresh.prompts },
    participants: fresh.participants.map((p) => {
      const old = existing.participants.find((x) => x.id === p.id);
      return old
        ? { ...p, model: old.model, label: old.label, provider: old.provider ?? p.provider }
        : p;
    }),
    verdicts: fresh.verdicts!.map((v) => pinned.get(v.judge) ?? v),
  };
}
