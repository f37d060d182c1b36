// Pure logic: the participants of a layout that names each artifact's model (artifacts.ts, or a
// map's {model}): one participant per model, and one per artifact where a model made several or
// an artifact is a revision (`by`, `revisedWith`). A model is its name as the layout writes it;
// its maker and provider come from the map or not at all.
import type { Participant } from '../content/schema.ts';
import { UserError, skillDir } from '../content/experiment.ts';
import { displayModelName, resolveName, slugify, type Candidate } from '../text/names.ts';
import { MAP_FILE, type ImportMap } from './map.ts';
import type { SkillDir } from './layout.ts';

type Pin = NonNullable<ImportMap['participants']>[string];

/** What only a person can say about a model, from the map: who makes it, how a run calls it. */
export const pinnedFields = (pin: Pin) => ({
  ...(pin.maker ? { maker: pin.maker } : {}),
  ...(pin.provider ? { provider: pin.provider } : {}),
});

/** The models the artifacts name, in order of first sight (revisers too). */
const modelNames = (skills: SkillDir[]) => [
  ...new Set(skills.flatMap((s) => [s.model!, ...(s.revisedWith ? [s.revisedWith] : [])])),
];

/** A model's one artifact, when it made exactly one and that is no revision: the model is its participant. */
function ownArtifact(skills: SkillDir[], name: string): SkillDir | undefined {
  const mine = skills.filter((s) => s.model === name);
  return mine.length === 1 && !mine[0].revisedWith ? mine[0] : undefined;
}

function unique(out: Participant[], id: string, what: string): string {
  if (out.some((p) => p.id === id))
    throw new UserError(
      `${what} and another artifact or model both read as "${id}"; pin them in ${MAP_FILE} with "participants:" and "artifacts:" patterns`,
    );
  return id;
}

export function modelParticipants(
  skills: SkillDir[],
  map: ImportMap,
  notes: string[],
): Participant[] {
  const out: Participant[] = [];
  for (const name of modelNames(skills)) {
    const id = unique(out, slugify(name), `the model "${name}"`);
    const pin = map.participants?.[id] ?? {};
    const own = ownArtifact(skills, name);
    out.push({
      id,
      model: pin.model ?? displayModelName(name),
      ...pinnedFields(pin),
      ...(own ? { skillFolder: own.folder } : {}),
    });
    notes.push(
      `model ${id} ("${out.at(-1)!.model}", named by the layout)${own ? `: ${own.file ?? `${own.prefix}/`} imported as ${skillDir(id)}/` : ''}`,
    );
  }
  for (const s of skills) {
    if (ownArtifact(skills, s.model!) === s) continue;
    const by = slugify(s.model!);
    const id = unique(out, slugify(s.folder), s.prefix);
    const revisedWith = s.revisedWith ? slugify(s.revisedWith) : undefined;
    out.push({
      id,
      model: out.find((p) => p.id === by)!.model,
      label: s.folder,
      by,
      ...(revisedWith ? { revisedWith } : {}),
      skillFolder: s.folder,
    });
    notes.push(
      `artifact ${id} by ${by}${revisedWith ? `, revised after ${revisedWith}'s review` : ''}: ${s.file ?? `${s.prefix}/`} imported as ${skillDir(id)}/`,
    );
  }
  return out;
}

/** The models among participants, as candidates for a judge's name (an artifact never judges). */
export const judgeCandidates = (participants: Participant[], among?: string[]): Candidate[] =>
  participants
    .filter((p) => !p.by && (!among || among.includes(p.id)))
    .map((p) => ({ id: p.id, aliases: [p.id, p.model, p.skillFolder ?? p.id] }));

/**
 * A short name a layout gives a model ("qwen" for the folder qwen3-max): the one candidate whose
 * name starts with it and goes on with a version. Only where the name resolves to none, and only
 * among the experiment's own candidates: nothing is invented.
 */
export function resolveShort(name: string, candidates: Candidate[]) {
  const r = resolveName(name, candidates);
  if (r.id !== null || !r.reason.startsWith('it names none')) return r;
  const short = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (short.length < 3) return r;
  const hits = candidates.filter((c) =>
    c.aliases.some((a) => {
      const long = a.toLowerCase().replace(/[^a-z0-9]/g, '');
      return long.startsWith(short) && /^\d/.test(long.slice(short.length));
    }),
  );
  return hits.length === 1 ? { id: hits[0].id } : r;
}

/**
 * The map's `by` and `revisedWith` applied: an artifact pinned `by: <model>` is that model's (its
 * model name is the model's); a model it names that made no artifact of its own joins as a model.
 */
export function withAuthors(participants: Participant[], map: ImportMap): Participant[] {
  const out = [...participants];
  const pins = Object.entries(map.participants ?? {});
  for (const [, pin] of pins)
    for (const id of [pin.by, pin.revisedWith])
      if (id && !out.some((p) => p.id === id))
        out.push({
          id,
          model: displayModelName(id),
          ...pinnedFields(map.participants?.[id] ?? {}),
        });
  return out.map((p) => {
    const pin = map.participants?.[p.id];
    if (!pin?.by && !pin?.revisedWith) return p;
    const author = pin.by ? out.find((x) => x.id === pin.by) : undefined;
    return {
      ...p,
      ...(author ? { by: author.id, model: pin.model ?? author.model } : {}),
      ...(pin.revisedWith ? { revisedWith: pin.revisedWith } : {}),
    };
  });
}
