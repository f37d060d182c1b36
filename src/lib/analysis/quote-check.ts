// Pure logic: the quote check of one experiment. Every quote of a skill or an evaluation is looked
// for in everything it may come from: the source and the prompts; for a skill, what the other
// files and the evaluations say in their own words (a revision may quote a review); for an
// evaluation, the skills, and the other evaluations' own words. Where a text quotes something
// itself, it is not where the quote comes from: an evaluation that repeats a skill's made-up quote
// does not make it found.
import type { Experiment } from '../content/experiment.ts';
import type { Candidate } from '../text/names.ts';
import { NameIndex } from '../text/names.ts';
import { checkQuotes, ReferenceIndex, type QuoteCheck } from '../reading/quotes.ts';
import type { Policy, Reference } from '../reading/references.ts';
import { withoutJson } from '../reading/verdict/json.ts';

const isMarkdown = (p: string) => /\.(md|markdown|mdx|txt)$/i.test(p);

/** A document that is JSON through and through: its strings are no quotations. */
function isJson(text: string): boolean {
  if (!/^\s*[[{]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Everything a quote may come from, the source first. */
export function references(exp: Experiment): Reference[] {
  const { manifest: m } = exp;
  const source =
    m.source !== null && exp.source.trim() ? [{ where: 'source', text: exp.source }] : [];
  const prompts = Object.entries(m.prompts)
    .filter((e): e is [string, string] => !!e[1]?.trim())
    .map(([kind, text]) => ({ where: `prompts/${kind}`, text }));
  const skills = exp.skills.flatMap((s) =>
    s.files.flatMap((f) =>
      f.content === null ? [] : [{ where: `skills/${s.participant}/${f.path}`, text: f.content }],
    ),
  );
  const evaluations = exp.evaluations.map((e) => ({ where: e.path, text: e.content }));
  return [...source, ...prompts, ...skills, ...evaluations];
}

const isOpen = (where: string) => where === 'source' || where.startsWith('prompts/');

/** The source, the prompts and the skills: what an evaluation may repeat in their own words. */
export const notEvaluations: Policy = (where) =>
  isOpen(where) || where.startsWith('skills/') ? 'any' : 'skip';

/** For a skill's file: the source and prompts, and the other texts' own words. */
const forSkill =
  (file: string): Policy =>
  (where) =>
    where === file ? 'skip' : isOpen(where) ? 'any' : 'own';

/** For an evaluation: the source, prompts and skills, and the other evaluations' own words. */
const forEvaluation =
  (file: string): Policy =>
  (where) =>
    where === file ? 'skip' : isOpen(where) || where.startsWith('skills/') ? 'any' : 'own';

/**
 * Every quote of the experiment's skills (their markdown) and evaluations, checked. `authors`: the
 * source author's names; `named`: the participants, whose skills an evaluation may quote.
 */
export function checkExperimentQuotes(
  exp: Experiment,
  authors: string[],
  named: Candidate[],
  index = new ReferenceIndex(references(exp)),
): QuoteCheck[] {
  const refs = references(exp);
  const participants = new NameIndex(named);
  const skillQuotes = refs
    .filter((r) => r.where.startsWith('skills/') && isMarkdown(r.where))
    .flatMap((r) => checkQuotes(r.where, r.text, index, authors, { policy: forSkill(r.where) }));
  const evaluationQuotes = exp.evaluations
    .filter((e) => !isJson(e.content))
    .flatMap((e) =>
      checkQuotes(e.path, withoutJson(e.content), index, authors, {
        participants,
        policy: forEvaluation(e.path),
      }),
    );
  return [...skillQuotes, ...evaluationQuotes];
}
