// npm run draft -- <slug or folder>
// Writes a starter post.md for an experiment from its data. Never overwrites a post.md: when there
// is one, the draft goes to post.draft.md beside it, and the command says so.
import { Command } from 'commander';
import path from 'node:path';
import { runCli } from '../src/lib/cli.ts';
import {
  POST,
  findExperimentDir,
  readExperiment,
  writePost,
} from '../src/lib/content/experiment.ts';
import { analyze } from '../src/lib/analysis/analysis.ts';
import { draftPost } from '../src/lib/post/draft.ts';

const program = new Command()
  .name('draft')
  .description('write a starter post.md for an experiment from its data')
  .argument('<experiment>', 'the experiment: its slug under content/experiments, or its folder')
  .showHelpAfterError();

await runCli(async () => {
  program.parse();
  const dir = await findExperimentDir(program.args[0]);
  const experiment = await readExperiment(dir);
  const written = await writePost(dir, draftPost(experiment, analyze(experiment), new Date()));
  const post = path.join(dir, POST);
  console.log(
    written.draft
      ? `${post} exists and was left as it is; the draft is in ${written.file}. Merge what you want into post.md.`
      : `Wrote ${written.file}: a draft from the data. Edit it (title, author, the story), then npm run build checks every quote.`,
  );
});
