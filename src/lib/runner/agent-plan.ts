// Pure logic: what an agent participant's call carries besides its prompt: the files of its
// workspace, the context skills, its tool settings; and a judge's prompt, which names the folders
// of the blinded skills instead of holding them.
import { isAgentProvider } from '../content/agent-schema.ts';
import type { Manifest, Participant } from '../content/schema.ts';
import type { ContextSkill } from '../agents/workspace.ts';
import type { LoadedContext } from './context.ts';
import { fill, type SkillFile } from './prompts.ts';

export interface AgentSpec {
  web: boolean;
  bash: boolean;
  /** The workspace's files: the source, the listed files, a judge's blinded skills. */
  files: SkillFile[];
  skills: ContextSkill[];
}

/** The file a judging agent writes its evaluation to, in its workspace. */
export const EVALUATION_FILE = 'evaluation.md';

export const isAgent = (p: Participant) => isAgentProvider(p.provider);

/** The agent part of a call spec, or nothing for an API participant. */
export function agentSpec(
  m: Manifest,
  p: Participant,
  sourceFile: SkillFile,
  context: LoadedContext,
  more: SkillFile[] = [],
): { agent?: AgentSpec } {
  if (!isAgent(p)) return {};
  return {
    agent: {
      web: p.web ?? m.web ?? false,
      bash: p.bash ?? false,
      files: [sourceFile, ...context.files, ...more],
      skills: context.skills,
    },
  };
}

/** The folder a blind label's skill is in, in a judge's workspace: "Skill A" -> skill-a. */
export const labelFolder = (label: string) => label.toLowerCase().replace(/\s+/g, '-');

/** A judging agent's prompt: {skills} names the folders, and it is told where to write its evaluation. */
export function agentEvaluationPrompt(m: Manifest, source: string, labels: string[]): string {
  const folders = labels.map((l) => `${l}: the folder ${labelFolder(l)}/`).join('\n');
  const prompt = fill(m.prompts.evaluation!, {
    source,
    skills: `The skills are in your working folder, one folder each (read every file of each):\n${folders}`,
    count: String(labels.length),
    labels: labels.join(', '),
  });
  return `${prompt}\n\nWrite your evaluation, in markdown, to the file ${EVALUATION_FILE} in your working folder, then give your decision.`;
}
