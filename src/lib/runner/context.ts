// The context every agent participant gets (the definition's `context`): skills installed where
// its agent looks, files beside the source. Read once per run from the experiment folder, so that
// each call's key covers their contents.
import path from 'node:path';
import { UserError } from '../content/errors.ts';
import { isSafeRelativePath, readTree } from '../content/files.ts';
import { MANIFEST, editManifest, writeContextSkill } from '../content/experiment.ts';
import { readContainedText } from '../content/contain.ts';
import type { Manifest } from '../content/schema.ts';
import type { ContextSkill } from '../agents/workspace.ts';
import { LIMITS, skillProblem, type SkillFile } from './prompts.ts';

export interface LoadedContext {
  skills: ContextSkill[];
  files: SkillFile[];
}

export const NO_CONTEXT: LoadedContext = { skills: [], files: [] };

/** A context skill's folder: inside the experiment folder, or outside it (then copied in by a run). */
const where = (dir: string, folder: string) =>
  isSafeRelativePath(folder)
    ? { root: dir, rel: folder }
    : { root: path.resolve(dir, folder), rel: '' };

async function readSkill(dir: string, folder: string, field: string): Promise<ContextSkill> {
  const { root, rel } = where(dir, folder);
  const { files } = await readTree(root, rel, { limits: LIMITS }).catch((err: Error) => {
    throw new UserError(`${MANIFEST} ${field}: ${folder} cannot be read (${err.message})`);
  });
  const text = files.flatMap((f) =>
    f.content === null ? [] : [{ path: f.path, content: f.content }],
  );
  const problem = skillProblem(text);
  if (problem) throw new UserError(`${path.join(root, rel)} (${field}): ${problem}`);
  return { name: path.basename(path.resolve(root, rel)), files: text };
}

/** The definition's context, read from where it points; a missing or bad skill is a UserError. */
export async function readContext(dir: string, m: Manifest): Promise<LoadedContext> {
  if (!m.context) return NO_CONTEXT;
  const skills = await Promise.all(
    m.context.skills.map((folder, i) => readSkill(dir, folder, `context.skills.${i}`)),
  );
  const files = await Promise.all(
    m.context.files.map(async (file, i) => {
      const content = await readContainedText(dir, file);
      if (content === null)
        throw new UserError(`${path.join(dir, file)} (context.files.${i}): not found`);
      return { path: file, content };
    }),
  );
  return { skills, files };
}

/**
 * Copies the context skills from outside the experiment folder into it (context/skills/<name>/)
 * and points the definition at the copies, so the experiment holds everything it was run with.
 */
export async function copyContextIn(
  dir: string,
  m: Manifest,
  context: LoadedContext,
): Promise<void> {
  const outside = (m.context?.skills ?? []).flatMap((folder, i) =>
    isSafeRelativePath(folder) ? [] : [i],
  );
  if (!outside.length) return;
  const copies = new Map<number, string>();
  for (const i of outside) {
    const skill = context.skills[i];
    copies.set(i, await writeContextSkill(dir, skill.name, skill.files));
  }
  await editManifest(dir, (doc) => {
    for (const [i, rel] of copies) doc.setIn(['context', 'skills', i], rel);
  });
}
