import { LABELLED, oneNamed, type Decision, type DocumentRule } from '../decision.ts';

/** A task list of the participants with one ticked: "- [x] X", "- [ ] Y". */
export const taskList: DocumentRule = {
  name: 'task-list',
  read({ blocks, ctx }) {
    const out: Decision[] = [];
    const one = (text: string) => oneNamed(ctx.index, text, [[0, text.length]]);
    const tasks = blocks.filter((b) => b.checked !== undefined);
    for (const list of new Set(tasks.map((b) => b.list))) {
      const items = tasks.filter((b) => b.list === list);
      const ticked = items.filter((b) => b.checked);
      if (items.length >= 2 && ticked.length === 1 && items.every((b) => one(b.text)))
        out.push({
          winner: one(ticked[0].text),
          strength: LABELLED,
          evidence: `[x] ${ticked[0].text}`,
        });
    }
    return out;
  },
};
