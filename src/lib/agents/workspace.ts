// An agent's workspace: a fresh folder of its own per call, holding the files it is given (the
// source, the listed files, a judge's blinded skills) and the context skills where the agent looks
// for them; afterwards, the skill it wrote is collected from it as a hostile folder.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listContained, readContainedText } from '../content/contain.ts';
import { readTree } from '../content/files.ts';
import { LIMITS, type SkillFile } from '../runner/prompts.ts';

/** A context skill: its folder name and its files. */
export interface ContextSkill {
  name: string;
  files: SkillFile[];
}

async function writeFiles(root: string, files: SkillFile[]) {
  for (const f of files) {
    const at = path.join(root, f.path);
    await fs.mkdir(path.dirname(at), { recursive: true });
    await fs.writeFile(at, f.content);
  }
}

/** A fresh workspace with the files, and the skills under `skillsDir/<name>/`. */
export async function makeWorkspace(
  files: SkillFile[],
  skills: ContextSkill[],
  skillsDir: string,
): Promise<string> {
  const ws = await fs.mkdtemp(path.join(os.tmpdir(), 'crossjudge-ws-'));
  await writeFiles(ws, files);
  for (const s of skills) await writeFiles(path.join(ws, skillsDir, s.name), s.files);
  return ws;
}

export const removeWorkspace = (ws: string) => fs.rm(ws, { recursive: true, force: true });

/** The agents' own folders in a workspace (their skills, settings), and what a listing skips anyway. */
const AGENT_FOLDERS = new Set(['.git', 'node_modules', '.claude', '.agents', '.codex']);

/** Folders of the workspace that hold a SKILL.md, apart from the agents' own folders. */
async function skillFolders(ws: string): Promise<string[]> {
  const { files } = await listContained(ws, '', AGENT_FOLDERS);
  return files
    .filter((f) => f.path === 'SKILL.md' || f.path.endsWith('/SKILL.md'))
    .map((f) => path.posix.dirname(f.path))
    .filter((f) => f !== '.'); // a SKILL.md beside the source is not a skill folder
}

/**
 * The folder of the skill an agent wrote: the one the prompt names (e.g. skills/my-skill/), else
 * the workspace's one folder holding a SKILL.md; a problem when there is none or it is unclear.
 */
export async function skillFolderIn(
  ws: string,
  prompt: string,
): Promise<string | { problem: string }> {
  const folders = await skillFolders(ws);
  const named = folders.filter((f) => prompt.includes(f));
  if (named.length === 1) return named[0];
  if (folders.length === 1) return folders[0];
  if (!folders.length) return { problem: 'the agent wrote no SKILL.md in its workspace' };
  return {
    problem: `the agent wrote ${folders.length} folders with a SKILL.md (${folders.join(', ')}) and the prompt names none of them`,
  };
}

/** The skill the agent wrote, read as a hostile folder (no links followed, within the limits). */
export async function collectSkill(
  ws: string,
  prompt: string,
): Promise<SkillFile[] | { problem: string }> {
  const folder = await skillFolderIn(ws, prompt);
  if (typeof folder !== 'string') return folder;
  try {
    const { files } = await readTree(ws, folder, { limits: LIMITS });
    const text = files.filter((f) => f.content !== null);
    return text.map((f) => ({ path: f.path, content: f.content! }));
  } catch (err) {
    return { problem: (err as Error).message };
  }
}

/** What a judge wrote to its evaluation file, if it did (never through a link). */
export async function readWorkspaceText(ws: string, file: string): Promise<string | null> {
  return readContainedText(ws, file).catch(() => null);
}

/** Files of the workspace that are new or changed since it was made with `given`. */
export async function changedFiles(ws: string, given: SkillFile[]): Promise<string[]> {
  const before = new Map(given.map((f) => [f.path, Buffer.byteLength(f.content)]));
  const { files } = await listContained(ws, '', AGENT_FOLDERS);
  const changed: string[] = [];
  for (const f of files) {
    const was = given.find((g) => g.path === f.path);
    if (!was) changed.push(f.path);
    else if (
      before.get(f.path) !== f.bytes ||
      (await readContainedText(ws, f.path)) !== was.content
    )
      changed.push(f.path);
  }
  return changed;
}
