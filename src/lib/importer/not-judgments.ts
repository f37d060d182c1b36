// Pure logic: the files beside the judgments that are not judgments, each with why it is left out:
// a computed table (a leaderboard, a tally, a .csv), a synthesis of the judgments (a summary, a
// chairman's answer), a copy of judgments found elsewhere in the folder, a critique of a single
// artifact with its own "Verdict:" and grade lines. The import leaves them out and says so.
import type { TextFile } from '../content/files.ts';

export interface LeftOut {
  path: string;
  why: string;
}

const base = (p: string) =>
  p
    .split('/')
    .pop()!
    .replace(/\.[a-z0-9]+$/i, '')
    .toLowerCase();

const TABLE_NAME =
  /\b(?:leaderboard|leader[-_ ]?board|scores?|scoreboard|standings|tally|totals?|results|elo|points)\b/;
const SYNTHESIS_NAME =
  /\b(?:synthesis|synthesi[sz]ed|summary|summaries|chairman|chair|aggregate|aggregated|consensus|meta[-_ ]?review|overview|stage[-_ ]?3)\b/;
const COPY_NAME =
  /\b(?:all|combined|compiled|collected|every)[-_ ](?:\w+[-_])?(?:reasoning|judg(?:e)?ments?|evaluations?|reviews?|rankings?)\b/;
const CRITIQUE_NAME = /\b(?:critique|critiques|critic)\b|^[a-z0-9.]+[-_]on[-_][a-z0-9.]+$/;
const VERDICT_LINE = /^\s*\**verdict\**\s*:/im;
const GRADE_LINE = /^\s*\**(?:grade|score|rating|mark)\**\s*:/im;
const SYNTHESIS_TITLE = /^#+\s.*\b(?:synthesis|chairman|aggregate|consensus)\b/i;
const COPY_TITLE = /^#+\s.*\b(?:copied|verbatim|all judges|every judge|collected)\b/i;
/** The file's title: its first line, when a heading. */
const titleOf = (text: string) => text.trimStart().split('\n')[0];

const words = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Whether most of a text's longer lines stand in the other texts: a copy of them. */
function isCopy(text: string, others: string[]): boolean {
  const lines = text
    .split('\n')
    .map(words)
    .filter((l) => l.length >= 30 && !l.startsWith('#'));
  if (lines.length < 2) return false;
  const all = others.map(words).join('\n');
  return lines.filter((l) => all.includes(l)).length / lines.length >= 0.6;
}

/** A markdown text that is mostly a table with numbers. */
function isTable(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim());
  const rows = lines.filter((l) => /^\s*\|.*\|\s*$/.test(l));
  return rows.length >= 3 && rows.length / lines.length >= 0.5 && /\|\s*\d/.test(text);
}

/**
 * Why a file is not a judgment, or null when it may be one. `judgments` are the folder's
 * judgments' texts. Among the judgments themselves (`among`), only names and copies tell: a table
 * of scores is a judgment, and a critique of one artifact a review.
 */
export function notJudgment(file: TextFile, judgments: string[], among = false): string | null {
  const name = base(file.path);
  const text = file.content ?? '';
  if (/\.(csv|tsv)$/i.test(file.path)) return 'a computed table, not a judgment';
  const title = titleOf(text);
  if (isCopy(text, judgments) || COPY_NAME.test(name) || COPY_TITLE.test(title))
    return 'a copy of judgments that are imported from their own files';
  if (SYNTHESIS_NAME.test(name) || SYNTHESIS_TITLE.test(title))
    return 'a synthesis of the judgments, not a judgment of its own';
  if (TABLE_NAME.test(name)) return 'a computed table, not a judgment';
  // among the judgments, a judgment may well be a table of scores, and a critique is a review
  if (among) return null;
  if (isTable(text)) return 'a computed table, not a judgment';
  if (CRITIQUE_NAME.test(name) || (VERDICT_LINE.test(text) && GRADE_LINE.test(text)))
    return 'a critique of a single artifact beside the comparisons, not a comparison';
  return null;
}

/** Files that are context, never judgments: the task, notes, licences, label maps. */
const CONTEXT =
  /^(?:readme|task|rounds|notes|todo|license|licence|changelog|provenance|prompt|labels?|label[-_]map|mapping|crossjudge)\b/;

/**
 * The folder's text files left out as not judgments: those the import did not use (`used`) that
 * read as a table, a synthesis, a copy or a single critique. Other unused files pass unremarked.
 */
export function leftOut(files: TextFile[], used: Set<string>, judgments: string[]): LeftOut[] {
  return files
    .filter((f) => !used.has(f.path) && (f.content !== null || /\.(csv|tsv)$/i.test(f.path)))
    .filter((f) => !CONTEXT.test(base(f.path)) && !/prompt|\.(json|ya?ml)$/i.test(f.path))
    .flatMap((f) => {
      const why = notJudgment(f, judgments);
      return why ? [{ path: f.path, why }] : [];
    });
}
