// The claims corpus (tests/corpus/claims.yaml): cases of skills and an evaluation passage with every
// measurable claim it makes, run through the fact check and scored. Used by tests/claims-corpus.test.ts
// and `npm run bench:claims`.
//
// Scoring, per case:
//   right  every expected claim is found, about the expected skill and file, with the expected
//          `holds`, and nothing else is reported; an expectation that cannot be checked (holds null:
//          a vague "short", an unclear skill) is also right when the claim is not reported at all,
//          since then nothing is asserted about it either;
//   wrong  a claim reported as holding when it does not or the other way round, a checked claim
//          about another skill or file than expected, a checked claim where the expectation says it
//          cannot be checked, a claim reported where the text makes none, or a claim that does not
//          hold said to be certain where the expectation says it rests on a guess (`tentative:
//          true`), or the other way round (`tentative: false`);
//   open   otherwise: an expected claim not found, or found but not checkable where it should be.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { checkClaims, type Claim, type SkillText } from '../../src/lib/analysis/fact-check.ts';
import { skillAliases } from '../../src/lib/analysis/analysis.ts';

type FileSpec = string | { padTo: number; text?: string };

export interface Expected {
  about: string | null;
  file: string | null;
  measure: Claim['measure'];
  claimed: number | null;
  approx?: boolean;
  bound?: 'over' | 'under';
  relativeTo?: string;
  holds: boolean | null;
  /** For a claim that does not hold: whether it rests on a guess (only certain ones go to the top). */
  tentative?: boolean;
}

export interface Case {
  id: string;
  note?: string;
  participants: Record<string, { folder: string; name: string; model: string }>;
  skills: Record<string, Record<string, FileSpec>>;
  text: string;
  expect: Expected[];
}

export type Score = 'right' | 'open' | 'wrong';

export const CORPUS = path.resolve(import.meta.dirname, 'claims.yaml');

export async function readCorpus(file = CORPUS): Promise<Case[]> {
  return YAML.parse(await fs.readFile(file, 'utf8')) as Case[];
}

/** A file of the case: the text as given, or padded with plain filler lines up to padTo lines. */
export function fileText(spec: FileSpec): string {
  if (typeof spec === 'string') return spec;
  const text = spec.text ?? '';
  const have = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  const filler = Array.from(
    { length: Math.max(0, spec.padTo - have) },
    (_, i) => `Filler line ${i + 1} of plain prose.`,
  );
  return (text && !text.endsWith('\n') ? `${text}\n` : text) + filler.map((l) => `${l}\n`).join('');
}

export function runCase(c: Case): Claim[] {
  const skills: SkillText[] = Object.entries(c.skills).map(([participant, files]) => ({
    participant,
    files: Object.entries(files).map(([p, spec]) => ({ path: p, content: fileText(spec) })),
  }));
  const named = Object.entries(c.participants).map(([id, p]) => ({
    id,
    aliases: skillAliases({ id, model: p.model, skillFolder: p.folder }, p.name),
  }));
  return checkClaims('evaluations/judge.md', c.text, skills, named);
}

const sameFile = (expected: string | null, found: string | null) =>
  (expected ?? null) === (found ?? null);

/** Scores one case; `notes` says what was off. */
export function scoreCase(c: Case, found: Claim[]): { score: Score; notes: string[] } {
  const left = [...found];
  const notes: string[] = [];
  let wrong = false;
  let open = false;
  // claims with a number first; a vague one ("a few files") only matches a claim about the same skill and file
  const ordered = [
    ...c.expect.filter((e) => e.claimed !== null),
    ...c.expect.filter((e) => e.claimed === null),
  ];
  const same = (e: Expected, f: Claim) =>
    f.measure === e.measure && (e.claimed === null || Math.abs(f.claimed - e.claimed) < 1e-9);
  // pair each expectation with a claim about the same skill and file first, then with any left
  const exact = new Map<Expected, Claim>();
  for (const e of ordered) {
    const f = left.find((x) => same(e, x) && x.about === e.about && sameFile(e.file, x.target));
    if (f) exact.set(e, left.splice(left.indexOf(f), 1)[0]);
  }
  for (const e of ordered) {
    const f = exact.get(e) ?? (e.claimed === null ? undefined : left.find((x) => same(e, x)));
    const label = `${e.measure} ${e.claimed ?? '(vague)'} about ${e.about ?? '(unclear)'}${e.file ? ` ${e.file}` : ''}`;
    if (!f) {
      if (e.holds !== null) {
        open = true;
        notes.push(`not found: ${label}`);
      }
      continue;
    }
    if (left.includes(f)) left.splice(left.indexOf(f), 1);
    if (f.holds === null) {
      if (e.holds !== null) {
        open = true;
        notes.push(`not checkable (${f.why}): ${label}`);
      }
    } else if (e.holds === null) {
      wrong = true;
      notes.push(`checked (${f.holds}) but cannot be: ${label}`);
    } else if (f.about !== e.about || !sameFile(e.file, f.target)) {
      wrong = true;
      notes.push(`about ${f.about} ${f.target ?? ''} instead: ${label}`);
    } else if (f.holds !== e.holds) {
      wrong = true;
      notes.push(`holds ${f.holds} (measured ${f.measured}), expected ${e.holds}: ${label}`);
    } else if (f.holds === false && e.tentative !== undefined && !!f.tentative !== e.tentative) {
      wrong = true;
      notes.push(
        `${f.tentative ? `tentative (${f.tentative})` : 'certain'}, expected otherwise: ${label}`,
      );
    }
  }
  for (const f of left) {
    wrong = true;
    notes.push(
      `reported where none is expected: "${f.phrase}" (${f.measure} about ${f.about}, holds ${f.holds})`,
    );
  }
  return { score: wrong ? 'wrong' : open ? 'open' : 'right', notes };
}
