// Pure logic: a file that holds several models' work under headings that name them: a council
// run's stage-2 file ("## Ranking by gpt-5.1"), a hand-kept transcript with a section per model,
// where each model's name heads its artifact first and its judgment later in the same file. The
// sections under those headings, told apart: a name heading twice heads the artifact first and the
// judgment last; a heading that says whose judgment it is ("Ranking by X") heads a judgment.
import { blocks } from '../text/markdown.ts';
import { isFamily, tokens } from '../text/names.ts';

export interface NamedSection {
  /** The heading as written. */
  heading: string;
  /** The model name it gives ("gpt-5.1" for "Ranking by gpt-5.1"). */
  name: string;
  /** It says it heads a judgment ("Ranking by", "Judgment of"). */
  judgment: boolean;
  depth: number;
  /** 1-based first and last line of its body. */
  from: number;
  to: number;
  text: string;
}

const JUDGMENT_PREFIX =
  /^(?:(?:final|peer|stage[- ]?\d)\s+)?(?:ranking|rankings|judgment|judgement|evaluation|review|verdict|assessment|critique|vote|votes)\s+(?:by|from)\s+|^(?:judge|judged by|evaluated by|reviewed by|reviewer|evaluator)\s*[:\-–—]?\s*/i;
const ARTIFACT_PREFIX =
  /^(?:(?:the\s+)?(?:skill|artifact|answer|response|output|essay|draft|submission)\s+(?:by|from|of)\s+)/i;
/** A heading that structures the file rather than naming a model: "Part 2 - the judgments", "Round 2". */
const STRUCTURAL =
  /\b(?:part|round|stage|phase|step)\s*\d|\b(?:judg(?:e?ments?|ing)|evaluations?|verdicts?|rankings?|comparisons?|skills|artifacts|answers|responses)\b/i;

/** A heading's model name, when the heading is (little but) a model's name. */
function nameOf(heading: string): { name: string; judgment: boolean } | null {
  const judgment = JUDGMENT_PREFIX.test(heading);
  const name = heading
    .replace(JUDGMENT_PREFIX, '')
    .replace(ARTIFACT_PREFIX, '')
    .replace(/\s+[-–—]\s.*$|\s*[:(].*$/, '')
    .replace(/['’]s$/, '')
    .trim();
  const ts = tokens(name);
  if (!ts.length || ts.length > 5 || !ts.some(isFamily)) return null;
  return { name, judgment };
}

interface Heading {
  text: string;
  depth: number;
  /** 0-based index of the first body line. */
  body: number;
  line: number;
}

function headingsOf(markdown: string, lines: string[]): Heading[] {
  return blocks(markdown)
    .filter((b) => b.kind === 'heading' && !b.bold && !b.quoted)
    .map((b) => {
      const setext =
        /^\s*(?:=+|-+)\s*$/.test(lines[b.line] ?? '') && !lines[b.line - 1].startsWith('#');
      return {
        text: b.text.trim(),
        depth: b.depth ?? 6,
        line: b.line,
        body: b.line + (setext ? 1 : 0),
      };
    });
}

/**
 * The sections under headings that name a model. A section runs to the next such heading of its
 * depth or to a heading that structures the file ("Part 2", "Round 2: ...") at its depth or above;
 * the headings of an artifact's own text ("# Release Notes") stay inside it.
 */
export function namedSections(markdown: string): NamedSection[] {
  const lines = markdown.split('\n');
  const hs = headingsOf(markdown, lines);
  const named = hs.map((h) => ({ h, n: nameOf(h.text) }));
  return named.flatMap(({ h, n }, i) => {
    if (!n) return [];
    const end = named
      .slice(i + 1)
      .find(
        (x) =>
          (x.n && x.h.depth === h.depth) ||
          (!x.n && x.h.depth <= h.depth && STRUCTURAL.test(x.h.text)),
      );
    const to = end ? end.h.line - 1 : lines.length;
    const text = lines.slice(h.body, to).join('\n').trim();
    return [{ heading: h.text, ...n, depth: h.depth, from: h.body + 1, to, text }];
  });
}

const key = (name: string) => tokens(name).join('');

export interface Split {
  /** Sections that head an artifact (the first of a name heading twice). */
  artifacts: NamedSection[];
  /** Sections that head a judgment, one per model. */
  judgments: NamedSection[];
}

/**
 * A file's artifact and judgment sections, or null when its headings do not split it by model: at
 * least two models, each heading a judgment ("Ranking by X"), or each heading twice (the artifact
 * first, the judgment last).
 */
export function splitByModel(markdown: string): Split | null {
  const all = namedSections(markdown);
  const byName = new Map<string, NamedSection[]>();
  for (const s of all) byName.set(key(s.name), [...(byName.get(key(s.name)) ?? []), s]);
  if (byName.size < 2) return null;
  const groups = [...byName.values()];
  if (groups.every((g) => g.length >= 2))
    return { artifacts: groups.map((g) => g[0]), judgments: groups.map((g) => g[g.length - 1]) };
  const judged = all.filter((s) => s.judgment);
  if (judged.length >= 2 && groups.every((g) => g.length === 1))
    return { artifacts: [], judgments: judged };
  return null;
}
