// npm run draft -- <slug or folder>
// Writes a starter post.md for an experiment from its data. Never overwrites a post.md: when there
// is one, the draft goes to post.draft.md beside it, and the command says so. The author is the
// user's git identity (git config user.name); the date is the experiment's own (its last commit,
// else its newest file, else its import, or its run: experiment.yaml's date).
import { Command } from 'commander';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { runCli } from '../src/lib/cli.ts';
import {
  POST,
  findExperimentDir,
  readExperiment,
  writePost,
} from '../src/lib/content/experiment.ts';
import { analyze } from '../src/lib/analysis/analysis.ts';
import { draftPost, experimentDate } from '../src/lib/post/draft.ts';
import { PLACEHOLDER_AUTHOR } from '../src/lib/post/placeholders.ts';

const program = new Command()
  .name('draft')
  .description('write a starter post.md for an experiment from its data')
  .argument('<experiment>', 'the experiment: its slug under content/experiments, or its folder')
  .showHelpAfterError();

/** The user's name as git knows it, or undefined. */
async function gitUserName(): Promise<string | undefined> {
  try {
    const { stdout } = await promisify(execFile)('git', ['config', 'user.name']);
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

await runCli(async () => {
  program.parse();
  const dir = await findExperimentDir(program.args[0]);
  const experiment = await readExperiment(dir);
  const author = await gitUserName();
  const text = draftPost(experiment, analyze(experiment), {
    date: experimentDate(experiment),
    author,
  });
  const written = await writePost(dir, text);
  const post = path.join(dir, POST);
  console.log(
    written.draft
      ? `${post} exists and was left as it is; the draft is in ${written.file}. Merge what you want into post.md.`
      : `Wrote ${written.file}: a draft from the data. Edit it (the story), then npm run build checks every quote.`,
  );
  if (!author)
    console.log(
      `The author is "${PLACEHOLDER_AUTHOR}": git config user.name is not set. The build warns until you set it in the post.`,
    );
});
