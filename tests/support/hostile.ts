// Helpers of the hostile-input tests (tests/hostile/): an experiment definition pointed at the model
// API double, a run of its generation stage, and skills made of given paths.
import { startModelApi, type DoubleOptions, type ModelApiDouble } from '../doubles/model-api.ts';
import { experimentDir, runEnv, writeDefinition } from './runner-setup.ts';
import { tempDir } from './helpers.ts';
import { runExperiment } from '../../src/lib/runner/run.ts';
import type { SkillFile } from '../../src/lib/runner/prompts.ts';

const opened: ModelApiDouble[] = [];

/** Stops every double started since the last call: for afterEach. */
export const closeDoubles = () => Promise.all(opened.splice(0).map((a) => a.close()));

/** A double with these options, and the runner tests' definition (runner-setup.ts) pointed at it. */
export async function definitionWithDouble(options: DoubleOptions = {}) {
  const api = await startModelApi(options);
  opened.push(api);
  const dir = experimentDir(await tempDir(), 'hostile');
  await writeDefinition(dir, api.url);
  return { api, dir };
}

/** The generation stage of a run against the double, with its keys and base URLs. */
export const generateSkills = (api: ModelApiDouble, dir: string) =>
  runExperiment({ dir, stages: ['generate'], concurrency: 3, env: runEnv(api.url), prices: {} });

export const SKILL_MD: SkillFile = {
  path: 'SKILL.md',
  content: '---\nname: odd\ndescription: A skill with odd paths.\n---\n\n# Odd\n',
};

/** A skill: a valid SKILL.md and a file at each of `paths`. */
export const skillWith = (...paths: string[]): SkillFile[] => [
  SKILL_MD,
  ...paths.map((p) => ({ path: p, content: 'x\n' })),
];
