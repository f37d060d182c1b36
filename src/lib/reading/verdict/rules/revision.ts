import type { Block } from '../../../text/markdown.ts';
import { wordsRegExp } from '../../../text/patterns.ts';

const REVISION = wordsRegExp([
  'revis(?:e|ed|ing) my (?:verdict|pick|decision)',
  'changed my mind',
  'on second thought',
  'on reflection',
  'correction',
  'update',
  'edit',
]);
/** How far into a block a revision is looked for: it opens what it revises. */
const OPENING = 200;

/**
 * Where a revised verdict starts ("Edit: I'm revising my verdict", "On reflection, ..."): the
 * index of the block, or -1. What follows replaces what came before.
 */
export const revisionStart = (bs: Block[]): number =>
  bs.findIndex((b, i) => i > 0 && REVISION.test(b.text.slice(0, OPENING)));
