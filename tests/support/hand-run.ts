// A hand-run experiment of the usual layout, made up for the tests, and the commands run on it as
// a person runs them (npm run import, npm run draft), in a child process.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

export const skill = (name: string, body = 'Do the thing.') =>
  `---\nname: ${name}\ndescription: A skill.\n---\n\n# ${name}\n\n${body}\n`;

export const HAND_RUN = {
  'note.md': '# A note\n\nWrite small functions.',
  'skills/gpt-5-small-functions/SKILL.md': skill('gpt-5-small-functions'),
  'skills/opus-4-small-functions/SKILL.md': skill('opus-4-small-functions'),
  'evaluations/gpt-5_vs_opus-4/gpt-5/eval.md': '**Winner:** opus-4-small-functions',
  'evaluations/gpt-5_vs_opus-4/opus-4/eval.md': '**Winner:** gpt-5-small-functions',
};

export interface Ran {
  stdout: string;
  stderr: string;
  /** The exit code: 0 when it succeeded. */
  code: number;
}

/** `scripts/<script>.ts` with `args`, on the content folder `content`; never throws. */
export async function command(script: string, args: string[], content: string): Promise<Ran> {
  return exec(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, CROSSJUDGE_CONTENT: content },
  }).then(
    (r) => ({ ...r, code: 0 }),
    (e) => e as Ran,
  );
}
