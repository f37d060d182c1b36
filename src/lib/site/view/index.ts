// What an experiment page shows that costs to make, made once per experiment and kept: its
// documents rendered, its files as source, its pairs of skills compared. Made apart from the page
// (in a worker, see prepare/) with anchors of its own; the page takes up the same anchors
// (Anchors.from) so that its links and these fragments agree.
import type { Experiment } from '../../content/experiment.ts';
import { nameById } from '../../content/schema.ts';
import { artifactNoun } from '../../analysis/analysis.ts';
import { Anchors } from '../anchors.ts';
import { markdownHtml, type CodeBlocks } from '../render/markdown.ts';
import { comparePairs, type PairView } from './pairs.ts';
import { skillFragments, type SkillFragments } from './skills.ts';

export type { FileComparison, PairView } from './pairs.ts';
export type { SkillFragments } from './skills.ts';
export { fileAnchor, isSkillMd } from './skills.ts';

/** The page's ids (its sections, as written, then its own): given out first, so none is taken. */
export const PAGE_IDS = [
  'verdict',
  'setup',
  'source',
  'skills',
  'diffs',
  'evaluations',
  'quotes',
  'facts',
  'run',
  'data',
  'headline',
  'verdict-figure',
];

export interface ExperimentView {
  /** The anchors the fragments use, in the order they were given out (see Anchors.from). */
  anchors: string[][];
  /** The source material rendered, with an anchor on each line. */
  source: string;
  skills: Record<string, SkillFragments>;
  /** Each evaluation rendered, with an anchor on each line, by judge. */
  evaluations: Record<string, string>;
  pairs: PairView[];
}

export async function experimentView(e: Experiment): Promise<ExperimentView> {
  const ids = new Anchors();
  for (const id of PAGE_IDS) ids.id(id);
  const code: CodeBlocks = new Map();
  const source = await markdownHtml(e.source, { prefix: ids.id('doc', 'source'), lines: true }, 3);
  const skills: Record<string, SkillFragments> = {};
  for (const s of e.skills) skills[s.participant] = await skillFragments(s, ids, code);
  const evaluations: Record<string, string> = {};
  for (const ev of e.evaluations) {
    const links = { prefix: ids.id('doc', 'evaluation', ev.judge), lines: true };
    evaluations[ev.judge] = await markdownHtml(ev.content, links, 4, code);
  }
  const pairs = await comparePairs(
    e.skills,
    e.manifest.verdicts.map((v) => v.winner),
    nameById(e.manifest.participants),
    artifactNoun(e.manifest).one,
  );
  return { anchors: ids.keys(), source, skills, evaluations, pairs };
}
