// The context every agent participant gets (the definition's `context`): skills installed where
// its agent looks, files beside the source. Read once per run from the experiment folder, so that
// each call's key covers their contents.
import path from 'node:path';
import { UserError } from '../content/errors.ts';
import { readTree } from '../content/files.ts';
import { readContainedText } from '../content/contain.ts';
import type { Manifest } from '../content/schema.ts';
import type { ContextSkill } from '../agents/workspace.ts';
import { LIMITS, skillProblem, type SkillFile } from './prompts.ts';

export interface LoadedContext {
  skills: ContextSkill[];
  files: SkillFile[];
}

export const NO_CONTEXT: LoadedContext = { skills: [], files: [] };

async function readSkill(dir: string, folder: string, field: string): Promise<ContextSkill> {
  const { files } = await readTree(dir, folder, { limits: LIMITS });
  const text = files.flatMap((f) =>
    f.content === null ? [] : [{ path: f.path, content: f.content }],
  );
  const problem = skillProblem(text);
  if (problem) throw new UserError(`${path.join(dir, folder)} (${field}): ${problem}`);
  return { name: path.posix.basename(folder), files: text };
}

/** The definition's context, read from the experiment folder; a missing or bad skill is a UserError. */
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
