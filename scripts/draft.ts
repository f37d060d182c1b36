// npm run draft -- <slug or folder>
// Writes a starter post.md for an experiment from its data. Never overwrites a post.md: when there
// is one, the draft goes to post.draft.md beside it, and the command says so.
import { Command } from 'commander';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { runCli } from '../src/lib/cli.ts';
import { POST, findExperimentDir, readExperiment } from '../src/lib/content/experiment.ts';
import { writeFileAtomic } from '../src/lib/content/files.ts';
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
  const text = draftPost(experiment, analyze(experiment), new Date());
  const post = path.join(dir, POST);
  const exists = await fs.stat(post).then(
    () => true,
    () => false,
  );
  const file = exists ? path.join(dir, 'post.draft.md') : post;
  await writeFileAtomic(file, text);
  console.log(
    exists
      ? `${post} exists and was left as it is; the draft is in ${file}. Merge what you want into post.md.`
      : `Wrote ${file}: a draft from the data. Edit it (title, author, the story), then npm run build checks every quote.`,
  );
});
