// Pure logic: reads which participant a prose evaluation picked, and its ranking when it ranks them.
// The markdown is read with remark (mdtext.ts). The decision is looked for where people write it: a
// "Winner:"/"Verdict:" label, a ranking, a Decision/Verdict/Conclusion section, else the first
// sentence or an explicit pick anywhere. Names are resolved as names.ts resolves them, blind labels
// ("Response B") through a label table found in the evaluation or given. The answer is null, with
// the reason, for a tie, a conditional, a contradiction or anything unclear: a wrong verdict is worse than none.
import { NameIndex, type Candidate, type Mention } from '../text/names.ts';
import { blocks, type Block } from '../text/mdtext.ts';

export type Named = Candidate;

export interface ReadVerdict {
  winner: string | null;
  evidence: string;
  reason: string;
  /** Best first, when the evaluation ranks the participants. */
  ranking?: string[];
}

export interface ReadOptions {
  /** Blind label -> participant id ("Response B": "opus-4-6"), e.g. from crossjudge.yaml. */
  labels?: Record<string, string>;
}

const LABEL =
  /^\s*(?:(?:my |the )?(?:overall|final|clear|declared) )?(winner|verdict|decision|recommendation|recommended|pick|my pick|choice|my vote|vote|preferred(?: skill| \w+)?|preference|(?:slight|clear|overall) edge|better skill|stronger skill|best skill|top pick|result|conclusion|bottom line|tl;?dr)\s*[:：—–=-]\s*(.+)$/is;
const STRONG_HEADING = /\b(verdict|decision|winner|ranking|result|pick|choice|recommendation)\b/i;
const WEAK_HEADING =
  /\b(recommendation|bottom line|conclusion|final assessment|overall assessment|summary|tl;?dr|final thoughts|overall)\b/i;
const TIE =
  /(?<!\b(?:nearly|almost|close to|near)(?: a)? )\b(a tie|tie[ds]?\b|a draw|dead heat|equally (?:good|strong|matched|useful|effective)|neither (?:is|skill is|one is) (?:clearly |really )?(?:better|stronger)|no (?:clear )?winner|too close to call|cannot (?:pick|choose) (?:a winner|between)|can't (?:pick|choose) (?:a winner|between)|no preference|on par)/i;
const CONDITIONAL =
  /\b(if you|if your|when you|unless you|if the (?:goal|priority|team|user)|depends on|it depends|depending on|otherwise|for (?:teams|users|readers|people) who)\b/i;
const NEGATIVE =
  /\b(not|isn't|wasn't|doesn't|don't|never|no longer|worse|worst|weaker|weakest|loses|lost to|inferior|falls short|lacks|fails|behind|neither|nor|less|beaten|outdone|outclassed|edged out)\b|n't\b/i;
const UNSURE =
  /\b(merge them|combine (?:the two|both|them)|best of both|maybe|perhaps|not sure|unsure|can't decide|cannot decide|hard to say|undecided|coin flip|toss-up)\b|\?\s*$/i;
/** "Brevity: X wins.": a win on one criterion, not the verdict. */
const CRITERION = /^\s*[\p{L}][\p{L} ,&/'-]{0,40}:\s+\S/u;
const PICK =
  /\b(pick|picks|picked|choose|chose|choosing|prefer|prefers|preferred|recommend|recommends|recommended|go with|going with|went with|goes with|(?:vote|win|nod|prize|crown|trophy|edge|award) goes to|select|selected|favou?r|vote for|voted for|award|awarded|give (?:it|this|this one|the win|the nod|my vote|the edge) to|(?:i'd|i would|i'll|i will|we'd|we would) (?:ship|use|merge|install)|would use|gets my vote|get my vote|has my vote|i'd use|i would use|side with|(?:i'd|i would|i'll|i will) (?:hand|give|send|only keep|keep)|the one (?:i'd|i would|to) (?:want|use|ship|pick|choose|keep|merge|trust|install|run|submit))\b|^\s*(?:use|install|ship)\b/i;
const STRONG_CUE =
  /\b(winner(?![-\w])|wins|won|overall|verdict|better skill|stronger skill|best skill|the better one|is the one (?:that|which|who)|the stronger one|the best one|better choice|stronger choice|best choice|better pick|comes out ahead|comes out on top|takes it|edges (?:it|out)|on balance|all things considered|ahead overall|stronger submission|better submission|stronger entry|better entry)\b/i;
const PRAISE =
  'better|stronger|best|strongest|superior|winner|the winner|preferable|more faithful|more useful|more effective|more practical|more accurate|more complete|more convincing|more persuasive|the clear winner|the stronger|the better|the best|ahead';
const PRAISED = new RegExp(`\\b(${PRAISE})\\b`, 'i');
const COMPARE =
  /\b(than|over|beats|beat|outperforms|outclasses|edges out|ahead of|wins against|tops|trumps)\b/i;
const CONTRAST =
  /(?:,|;|—|–)?\s+\b(?:but|however|yet|still|nevertheless|nonetheless|that said|even so)\b,?\s+/gi;
/** Words that name a blind label's kind even when only one label of it appears. */
const LABEL_WORDS =
  'skill|response|option|candidate|submission|entry|artifact|essay|review|statblock|draft|answer|output|sample|text|document|story|poem|solution|model|assistant|version|proposal|plan|design|summary';

type Strength = 0 | 1 | 2 | 3;
const LABELLED: Strength = 3;
const STRONG: Strength = 2;
const WEAK: Strength = 1;
const MENTION: Strength = 0;

interface Decision {
  winner: string | null;
  strength: Strength;
  evidence: string;
  why?: string;
  /** "If you want A, pick X": the pick under a condition, which is no verdict by itself. */
  conditional?: string;
}

interface Sentence {
  text: string;
  marked: [number, number][];
}

/** Splits a block into sentences, keeping which ranges were set apart. */
function sentencesOf(b: { text: string; marked: [number, number][] }): Sentence[] {
  const out: Sentence[] = [];
  // a line break ends a sentence after . ! ? : or before a line of its own ("Winner: X", "Reason: ...")
  const re =
    /(?<!\b(?:e\.g|i\.e|etc|vs|cf|approx|Mr|Dr|St|No))(?<=[.!?]["”’)]?)\s+(?=[\p{L}`*"“([0-9])|(?<=[.!?:)*])[ \t]*\n\s*|\n(?=\s*(?:[\p{Lu}\p{Emoji_Presentation}][\p{L} ]{0,30}:|[-*>|#]))|\n\s*\n/gu;
  let from = 0;
  const cut = (to: number) => {
    const raw = b.text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim().replace(/\s*\n\s*/g, ' ');
    if (text)
      out.push({
        text,
        marked: b.marked
          .filter(([a, z]) => a >= from && z <= to)
          .map(([a, z]) => [a - from - lead, z - from - lead]),
      });
  };
  for (const m of b.text.matchAll(re)) {
    cut(m.index!);
    from = m.index! + m[0].length;
  }
  cut(b.text.length);
  return out;
}

/** Words in quotation marks are someone else's ("the skill says "X is the winner""): blanked, offsets kept. */
const unquoted = (s: Sentence): Sentence => ({
  ...s,
  text: s.text.replace(/"[^"]{3,}"|“[^”]{3,}”/g, (q) => ' '.repeat(q.length)),
});

const sub = (s: Sentence, from: number, to = s.text.length): Sentence => ({
  text: s.text.slice(from, to),
  marked: s.marked.filter(([a, z]) => a >= from && z <= to).map(([a, z]) => [a - from, z - from]),
});

const unique = (ms: Mention[]) => [...new Set(ms.map((m) => m.id))];

class Reader {
  constructor(
    private index: NameIndex,
    private labels: Record<string, string> = {},
  ) {}

  /** "Winner: A" where the labels are "Response A", "Response B": the label's letter alone. */
  private bareLabel(subject: string): string | null {
    const m = subject.match(
      /^[\s*_`"“(]*([A-Z]|\d{1,2}|[IVX]{1,4})\b[\s*_`"”).]*(?:$|[,;—–(]|\s-\s)/,
    );
    if (!m) return null;
    const ids = [
      ...new Set(
        Object.entries(this.labels)
          .filter(([l]) => l.split(/\s+/).pop() === m[1])
          .map(([, id]) => id),
      ),
    ];
    return ids.length === 1 ? ids[0] : null;
  }

  /** "Winner: tidy": after a label, a few words are a name, resolved as names are. */
  private shortName(subject: string): string | null {
    const head = subject.split(/[,;:(—–.!?]|\s-\s/)[0];
    if (head.split(/\s+/).filter(Boolean).length > 4 || NEGATIVE.test(head) || TIE.test(head))
      return null;
    const r = this.index.resolve(head);
    return r.id;
  }

  /** "Between X and Y, the latter is the one I would install." */
  private formerLatter(text: string, ms: Mention[]): Decision | null {
    const m = text.match(/\bthe (former|latter)\b/i);
    if (!m) return null;
    const before = unique(ms.filter((x) => x.end <= m.index!));
    const rest = text.slice(m.index! + m[0].length);
    if (before.length !== 2 || unique(this.index.mentions(rest)).length || NEGATIVE.test(rest))
      return null;
    if (!(PICK.test(rest) || STRONG_CUE.test(rest) || PRAISED.test(rest))) return null;
    return {
      winner: before[m[1].toLowerCase() === 'former' ? 0 : 1],
      strength: STRONG,
      evidence: text,
    };
  }

  // oxlint-disable-next-line max-lines-per-function -- TODO(issue 12): split into named steps
  private sentence(raw: Sentence): Decision | null {
    const s = unquoted(raw);
    const labelled = s.text.match(LABEL);
    const subject = labelled ? sub(s, s.text.length - labelled[2].length) : s;
    const text = subject.text;
    const evidence = raw.text;
    const ms = this.index.mentions(text, subject.marked);
    const ids = unique(ms);
    if (TIE.test(text) && (ids.length !== 1 || !labelled))
      return { winner: null, strength: STRONG, evidence, why: 'the evaluation calls it a tie' };
    if (!ids.length) {
      const bare = labelled ? (this.bareLabel(text) ?? this.shortName(text)) : null;
      return bare ? { winner: bare, strength: LABELLED, evidence } : null;
    }
    const fl = ids.length === 2 ? this.formerLatter(text, ms) : null;
    if (fl) return { ...fl, evidence };
    if (UNSURE.test(text))
      return { winner: null, strength: STRONG, evidence, why: 'the evaluation is not sure' };
    if (
      (CONDITIONAL.test(text) && !/\bif (?:i|we) (?:had|have|were) to\b/i.test(text)) ||
      /^\s*for [\w\s-]{3,60}:/i.test(text)
    )
      return ids.length > 1
        ? {
            winner: null,
            strength: STRONG,
            evidence,
            why: 'the evaluation makes its pick depend on a condition',
          }
        : {
            winner: null,
            strength: MENTION,
            evidence,
            why: 'the evaluation picks only under a condition',
            ...(NEGATIVE.test(text) ? {} : { conditional: ids[0] }),
          };
    if (labelled) {
      if (ids.length === 1 && !NEGATIVE.test(text.split(/[,;(—–]/)[0]))
        return { winner: ids[0], strength: LABELLED, evidence };
      if (ids.length === 1)
        return {
          winner: null,
          strength: MENTION,
          evidence,
          why: 'the label says which is not the winner',
        };
      const d = this.several(subject, ms);
      return d
        ? { ...d, evidence, strength: LABELLED }
        : {
            winner: null,
            strength: LABELLED,
            evidence,
            why: 'the label names several skills without a clear winner',
          };
    }
    const criterion =
      CRITERION.test(text) &&
      !/^\s*(?:overall|in short|in sum|all in all|final|on balance)\b/i.test(text);
    const cue: Strength =
      STRONG_CUE.test(text) || PICK.test(text)
        ? STRONG
        : PRAISED.test(text) || (ids.length > 1 && COMPARE.test(text))
          ? WEAK
          : MENTION;
    const strength = (criterion ? Math.min(cue, WEAK) : cue) as Strength;
    if (ids.length === 1) {
      if (NEGATIVE.test(text))
        return {
          winner: null,
          strength: WEAK,
          evidence,
          why: 'the deciding sentence names one skill but in a negative way',
        };
      return { winner: ids[0], strength, evidence };
    }
    const d = this.several(subject, ms);
    if (d) return { ...d, evidence, strength: Math.max(strength, WEAK) as Strength };
    return {
      winner: null,
      strength: MENTION,
      evidence,
      why: 'the deciding sentence names several skills without a clear winner',
    };
  }

  /** A sentence naming several: "X is better than Y", "pick X over Y", "Y is fine, but X is stronger". */
  // oxlint-disable-next-line max-lines-per-function -- TODO(issue 12): split into named steps
  private several(s: Sentence, ms: Mention[]): { winner: string; evidence: string } | null {
    const text = s.text;
    const lower = text.toLowerCase();
    // the last contrast clause that decides alone: "Y has nicer examples, but X is the stronger skill"
    const contrasts = [...text.matchAll(CONTRAST)];
    if (contrasts.length) {
      const last = contrasts[contrasts.length - 1];
      const clause = sub(s, last.index! + last[0].length);
      const inClause = unique(this.index.mentions(clause.text, clause.marked));
      const decisive =
        STRONG_CUE.test(clause.text) || PICK.test(clause.text) || PRAISED.test(clause.text);
      if (
        inClause.length === 1 &&
        decisive &&
        !NEGATIVE.test(clause.text) &&
        !CONDITIONAL.test(clause.text)
      )
        return { winner: inClause[0], evidence: text };
    }
    // "X is worse than Y", "X loses to Y", "X is beaten by Y": the second one wins
    const two = unique(ms);
    if (two.length === 2) {
      const [a, b] = [ms.find((m) => m.id === two[0])!, ms.find((m) => m.id === two[1])!];
      const between = text.slice(a.end, b.start);
      const rest = text.slice(0, a.start) + text.slice(b.end);
      if (
        /^['’]?s?\s*(?:\w+\s+){0,2}?(?:(?:is|was)\s+(?:\w+\s+)?(?:worse|weaker|inferior)\s+(?:than|to)|loses\s+to|lost\s+to|(?:is|was)\s+(?:\w+\s+)?(?:beaten|outdone|outclassed|edged out)\s+by|falls\s+short\s+of)\s+(?:the\s+)?$/i.test(
          between,
        ) &&
        !NEGATIVE.test(rest.split(/[;:]/)[0])
      )
        return { winner: b.id, evidence: text };
    }
    // "I pick X over Y", "I'd pick X: Y invented a feature" (what follows the pick may be negative)
    const pick = text.match(PICK);
    if (pick && pick.index !== undefined) {
      const at = pick.index + pick[0].length;
      const after = ms.find((m) => m.start >= at);
      const before = unique(ms.filter((m) => m.end <= pick.index!));
      // "X is the one I'd pick over Y": the pick stands before
      if (
        /^\s*(?:it|that one|this one)?\s*(?:over|instead of|rather than|ahead of)\b/i.test(
          text.slice(at),
        ) &&
        before.length === 1 &&
        !NEGATIVE.test(text)
      )
        return { winner: before[0], evidence: text };
      if (
        after &&
        after.start - at <= 40 &&
        !NEGATIVE.test(text.slice(0, after.end)) &&
        !NEGATIVE.test(text.slice(after.end).split(/[:;—–]/)[0])
      )
        return { winner: after.id, evidence: text };
    }
    if (NEGATIVE.test(text)) return null;
    // "X is the stronger skill, though Y ..." / "the better skill is X, while Y ..."
    const praisedAfter = new RegExp(
      `^['’]?s?\\s*(?:\\([^)]*\\)\\s*)?(?:skill\\s+|one\\s+|version\\s+)?(?:is|was|comes out|ends up)\\s+(?:\\w+\\s+){0,2}?(?:${PRAISE})\\b(?!\\s+(?:at|in|on|for|when|with|about|than)\\b)`,
      'i',
    );
    const praisedBefore = new RegExp(
      `\\b(?:${PRAISE})\\s+(?:skill|one|choice|option|pick|submission|entry|response)?\\s*(?:is|was|:)\\s*(?:the\\s+)?$`,
      'i',
    );
    const praised = unique(
      ms.filter(
        (m) => praisedAfter.test(text.slice(m.end)) || praisedBefore.test(text.slice(0, m.start)),
      ),
    );
    if (praised.length === 1) return { winner: praised[0], evidence: text };
    const cmp = lower.match(COMPARE);
    if (cmp && cmp.index !== undefined) {
      const before = unique(ms.filter((m) => m.end <= cmp.index!));
      const after = unique(ms.filter((m) => m.start >= cmp.index!));
      if (before.length === 1 && after.length >= 1 && !after.includes(before[0])) {
        // "X is better than Y", "X beats Y"; "over Y, X" names the winner after
        const lead = text.slice(0, cmp.index).trim();
        if (lead) return { winner: before[0], evidence: text };
      }
      if (
        before.length === 0 &&
        after.length === 2 &&
        /^over\b/i.test(text.slice(cmp.index).trim())
      ) {
        const [loser, winner] = ms.filter((m) => m.start >= cmp.index!);
        if (loser.id !== winner.id) return { winner: winner.id, evidence: text };
      }
    }
    return null;
  }

  /** The decision of one passage: its strongest sentences, which must agree. */
  passage(sentences: Sentence[], floor: Strength = MENTION): Decision | null {
    const ds = sentences
      .map((s) => this.sentence(s))
      .filter((d): d is Decision => d !== null && d.strength >= floor);
    if (!ds.length) return null;
    const ifs = ds.filter((d) => d.conditional);
    if (new Set(ifs.map((d) => d.conditional)).size > 1)
      return {
        winner: null,
        strength: STRONG,
        evidence: ifs[0].evidence,
        why: 'the evaluation makes its pick depend on a condition',
      };
    const top = Math.max(...ds.map((d) => d.strength));
    // a section that opens by naming one ("## Decision / The guidelines one."): that is its answer
    if (
      top === MENTION &&
      ds[0].winner !== null &&
      ds[0].evidence === sentences[0]?.text &&
      floor === MENTION
    )
      return ds[0];
    const best = ds.filter((d) => d.strength === top);
    const open = best.find((d) => d.winner === null);
    if (open) return open;
    const other = best.find((d) => d.winner !== best[0].winner);
    if (other)
      return {
        winner: null,
        strength: top as Strength,
        evidence: best[0].evidence,
        why: `it names different winners ("${best[0].evidence.slice(0, 80)}" and "${other.evidence.slice(0, 80)}")`,
      };
    return best[0];
  }
}

/** "1. X", "| 1 | X |", "X > Y > Z", "1st: X": each place naming one participant. */
// oxlint-disable-next-line max-lines-per-function -- TODO(issue 12): split into named steps
function findRankings(
  bs: Block[],
  index: NameIndex,
  count: number,
): { ids: string[]; evidence: string }[] {
  const found: { ids: string[]; evidence: string }[] = [];
  const one = (text: string, marked: [number, number][] = []) => {
    const ids = unique(index.mentions(text, marked));
    return ids.length === 1 ? ids[0] : null;
  };
  const valid = (ids: (string | null)[]) =>
    ids.length >= 2 && ids.every(Boolean) && new Set(ids).size === ids.length;
  // a line "Ranking: X > Y > Z"
  for (const b of bs)
    for (const line of b.text.split('\n')) {
      const parts = line.replace(/^[^:]*\brank\w*[^:]*:/i, '').split(/\s+(?:>|≻|→|->|>>)\s+/);
      if (parts.length >= 2) {
        const ids = parts.map((p) => one(p));
        if (valid(ids)) found.push({ ids: ids as string[], evidence: line.trim() });
      }
    }
  // a list or table under a heading (or after a sentence) about ranking
  const rankish = (b: Block, prev?: Block) =>
    /\brank|\bstanding|\bplac(?:e|ing)s?\b|order of preference|from best|to (?:best|strongest)\b/i.test(
      b.section,
    ) ||
    (!!prev &&
      prev.kind !== 'item' &&
      /\brank|from best to|best to worst|order of preference|(?:weakest|worst) to (?:strongest|best)|(?:strongest|best) to (?:weakest|worst)/i.test(
        prev.text,
      ));
  for (let i = 0; i < bs.length; i++) {
    const b = bs[i];
    if (
      b.kind === 'item' &&
      (bs[i - 1]?.kind !== 'item' || bs[i - 1].list !== b.list) &&
      rankish(b, bs[i - 1])
    ) {
      const items = bs
        .slice(i)
        .filter((x, k, all) =>
          all.slice(0, k + 1).every((y) => y.kind === 'item' && y.list === b.list),
        );
      const reverse = /(?:weakest|worst) to (?:strongest|best)|from worst|ascending/i.test(
        bs[i - 1]?.text ?? b.section,
      );
      const heads = items.map((it) =>
        unique(index.mentions(it.text.split(/[—–:(]|\s-\s|\.\s/)[0], it.marked)),
      );
      const ordered = reverse ? [...heads].reverse() : heads;
      const ids = ordered.map((h) => (h.length === 1 ? h[0] : null));
      const evidence = items
        .map((it) => `${it.number ? `${it.number}. ` : '- '}${it.text.split('\n')[0]}`)
        .join(' ');
      if (valid(ids)) found.push({ ids: ids as string[], evidence });
      else if (
        ordered[0]?.length === 1 &&
        ordered.slice(1).every((h) => h.length >= 1) &&
        new Set(ordered.flat()).size === ordered.flat().length
      )
        found.push({ ids: [ordered[0][0]], evidence }); // a tie below first place: the winner, no strict ranking
    }
    if (b.kind === 'row' && /\|\s*(?:rank|place|#|position)\s*\|/i.test(b.text)) {
      const rows: { n: number; id: string | null; text: string }[] = [];
      for (let j = i + 1; j < bs.length && bs[j].kind === 'row'; j++) {
        const cells = bs[j].text
          .split('|')
          .map((c) => c.trim())
          .filter(Boolean);
        const n = parseInt(cells[0]?.replace(/\D/g, '') ?? '', 10);
        if (!Number.isFinite(n)) break;
        rows.push({ n, id: one(cells.slice(1, 3).join(' | ')), text: bs[j].text });
      }
      rows.sort((a, z) => a.n - z.n);
      const ids = rows.map((r) => r.id);
      if (valid(ids) && rows.every((r, k) => r.n === k + 1))
        found.push({ ids: ids as string[], evidence: rows.map((r) => r.text).join(' ') });
    }
  }
  // prose: "X takes first place", "Y is second", "Z comes last", "first place, by a margin, is W"
  const ordinal: Record<string, number> = {
    first: 1,
    second: 2,
    third: 3,
    fourth: 4,
    fifth: 5,
    last: count,
  };
  const placed = new Map<number, Set<string>>();
  let told = '';
  for (const b of bs.filter((x) => x.kind !== 'row'))
    for (const s of sentencesOf(b))
      for (const clause of unquoted(s).text.split(/,\s+and\s+|;\s+|\.\s+/)) {
        const m =
          clause.match(
            /\b(?:takes?|took|comes?(?: in)?|came(?: in)?|finish(?:es|ed)?(?: in)?|ranks?|ranked|lands?(?: in)?|is|was)\s+(?:in\s+)?(first|second|third|fourth|fifth|last)\b(?:\s+place)?(?!\s+(?:to|of|time|draft|version|skill|one|half|pass|read|impression)\b)/i,
          ) ??
          clause.match(
            /\b(first|second|third|fourth|fifth|last)\s+(?:place|spot)\b.*?\b(?:is|goes to|belongs to)\b/i,
          );
        const ids = unique(index.mentions(clause));
        if (!m || ids.length !== 1) continue;
        const n = ordinal[m[1].toLowerCase()];
        placed.set(n, (placed.get(n) ?? new Set()).add(ids[0]));
        told += (told ? ' ' : '') + clause.trim();
      }
  if (placed.size === count && count >= 2) {
    const ids = Array.from({ length: count }, (_, k) => placed.get(k + 1)).map((set) =>
      set?.size === 1 ? [...set][0] : null,
    );
    if (valid(ids)) found.push({ ids: ids as string[], evidence: told });
  }
  // "1st: X", "First place: X"
  const places: Record<string, number> = {
    first: 1,
    '1st': 1,
    second: 2,
    '2nd': 2,
    third: 3,
    '3rd': 3,
    fourth: 4,
    '4th': 4,
    fifth: 5,
    '5th': 5,
  };
  const byPlace = new Map<number, string | null>();
  let evidence = '';
  for (const b of bs)
    for (const line of b.text.split('\n')) {
      const m = line.match(
        /^\s*(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th)(?: place)?\s*[:—–-]\s*(.+)$/i,
      );
      if (m) {
        byPlace.set(places[m[1].toLowerCase()], one(m[2]));
        evidence += (evidence ? ' ' : '') + line.trim();
      }
    }
  const ids = [...byPlace].sort((a, z) => a[0] - z[0]).map(([, id]) => id);
  if (valid(ids) && [...byPlace.keys()].sort().every((n, k) => n === k + 1))
    found.push({ ids: ids as string[], evidence });
  return found;
}

/** "| Winner | ✅ | |" under a header naming the participants, or "| Verdict | X |"; a "Total" row of scores; a ticked task-list item. */
function tableVerdicts(bs: Block[], index: NameIndex): Decision[] {
  const out: Decision[] = [];
  const one = (t: string) => {
    const ids = unique(index.mentions(t, [[0, t.length]]));
    return ids.length === 1 ? ids[0] : null;
  };
  for (const list of new Set(bs.filter((b) => b.checked !== undefined).map((b) => b.list))) {
    const items = bs.filter((b) => b.list === list && b.checked !== undefined);
    const ticked = items.filter((b) => b.checked);
    if (items.length >= 2 && ticked.length === 1 && items.every((b) => one(b.text)))
      out.push({
        winner: one(ticked[0].text),
        strength: LABELLED,
        evidence: `[x] ${ticked[0].text}`,
      });
  }
  for (const b of bs) {
    if (
      b.kind !== 'row' ||
      !b.cells ||
      !b.header ||
      b.cells === b.header ||
      !/^(?:total|sum|overall score|score|weighted total)\b/i.test(b.cells[0])
    )
      continue;
    const scores = b.cells.slice(1).map((c, i) => ({
      id: one(b.header![i + 1] ?? ''),
      n: parseFloat(c.replace(/[^\d.]/g, '')),
    }));
    if (
      scores.length < 2 ||
      scores.some((x) => !x.id || !Number.isFinite(x.n)) ||
      new Set(scores.map((x) => x.id)).size !== scores.length
    )
      continue;
    const max = Math.max(...scores.map((x) => x.n));
    const top = scores.filter((x) => x.n === max);
    if (top.length === 1) out.push({ winner: top[0].id, strength: WEAK, evidence: b.text });
  }
  const mark = /^(?:✅|✔️?|✓|☑️?|x|yes|winner|🏆|\*)$/i;
  for (const b of bs) {
    if (b.kind !== 'row' || !b.cells || !b.header || b.cells === b.header) continue;
    const [first, ...rest] = b.cells;
    if (
      !/^(?:overall )?(?:winner|verdict|pick|choice|preferred|overall|better skill|decision)\b/i.test(
        first,
      )
    )
      continue;
    const marked = rest
      .map((c, i) => (mark.test(c) ? b.header![i + 1] : null))
      .filter((h): h is string => !!h);
    const named = marked.length ? marked : rest.filter(Boolean);
    const ids = unique(named.flatMap((t) => index.mentions(t, [[0, t.length]])));
    if (ids.length === 1 && named.length === 1)
      out.push({ winner: ids[0], strength: LABELLED, evidence: b.text });
  }
  return out;
}

/** Blind labels the evaluation maps to names itself: "Response A: opus-4-6-…", "| Statblock I | gpt-5 |", "Skill 1 (gpt-5-…)". */
function labelTable(
  bs: Block[],
  index: NameIndex,
  given: Record<string, string>,
): Record<string, string> {
  const text = bs.map((b) => b.text).join('\n');
  const labelRe = /\b([A-Z][\p{L}]+)[ \t]+([A-Z]|\d{1,2}|[IVX]{1,4})\b/gu;
  const suffixes = new Map<string, Set<string>>();
  for (const m of text.matchAll(labelRe))
    suffixes.set(m[1], (suffixes.get(m[1]) ?? new Set()).add(m[2]));
  const kinds = new Set(
    [...suffixes]
      .filter(
        ([w, s]) =>
          (s.size >= 2 || new RegExp(`^(?:${LABEL_WORDS})$`, 'i').test(w)) &&
          !index.mentions(w).length,
      )
      .map(([w]) => w),
  );
  const found = new Map<string, Set<string>>();
  const gap =
    /^[\s*_`|:=()[\]—–>→<-]*(?:(?:is|was|=|by|from|written by|authored by|wrote|came from|belongs to|maps to|as)\b[\s*_`|:=()[\]—–>→<-]*)?$/i;
  for (const b of bs)
    for (const line of b.text.split('\n')) {
      const ms = index.mentions(line);
      for (const m of line.matchAll(labelRe)) {
        if (!kinds.has(m[1])) continue;
        const label = `${m[1]} ${m[2]}`;
        const end = m.index! + m[0].length;
        const after = ms.find((x) => x.start >= end);
        const before = [...ms].reverse().find((x) => x.end <= m.index!);
        const id =
          after && gap.test(line.slice(end, after.start))
            ? after.id
            : before && gap.test(line.slice(before.end, m.index!))
              ? before.id
              : null;
        if (id) found.set(label, (found.get(label) ?? new Set()).add(id));
      }
    }
  const out: Record<string, string> = {};
  const taken = new Set(Object.values(given));
  for (const [label, ids] of found) {
    if (ids.size !== 1 || Object.keys(given).some((g) => g.toLowerCase() === label.toLowerCase()))
      continue;
    const id = [...ids][0];
    if ([...found].some(([l, o]) => l !== label && o.has(id)) || taken.has(id)) continue; // one label per participant
    out[label] = id;
  }
  return out;
}

const withLabels = (named: Named[], labels: Record<string, string>) =>
  named.map((n) => ({
    id: n.id,
    aliases: [
      ...n.aliases,
      ...Object.entries(labels)
        .filter(([, id]) => id === n.id)
        .map(([l]) => l),
    ],
  }));

const REVISION =
  /\b(?:revis(?:e|ed|ing) my (?:verdict|pick|decision)|changed my mind|on second thought|on reflection|correction|update|edit)\b/i;

/** Every decision the blocks hold, strongest places first. */
function decisionsOf(
  bs: Block[],
  index: NameIndex,
  reader: Reader,
  named: Named[],
): { decisions: Decision[]; ranking?: string[] } {
  const prose = bs.filter((b) => b.kind !== 'row');
  const decisions: Decision[] = [];
  // labels: "Winner: X" on a line of its own (also as a heading or a list item)
  for (const b of bs)
    for (const s of sentencesOf(b))
      if (LABEL.test(s.text) && s.text.length < 400) {
        const d = reader.passage([s]);
        if (d) decisions.push({ ...d, strength: LABELLED });
      }
  decisions.push(...tableVerdicts(bs, index));
  const rankings = findRankings(bs, index, named.length);
  const orders = new Set(rankings.map((r) => r.ids.join()));
  if (orders.size > 1)
    decisions.push({
      winner: null,
      strength: LABELLED,
      evidence: rankings[0].evidence,
      why: 'the evaluation ranks differently in different places',
    });
  else if (rankings.length)
    decisions.push({
      winner: rankings[0].ids[0],
      strength: LABELLED,
      evidence: rankings[0].evidence,
    });
  // sections under a decisive heading, then under a concluding one
  for (const [re, floor] of [
    [STRONG_HEADING, STRONG],
    [WEAK_HEADING, WEAK],
  ] as const) {
    const names = [
      ...new Set(
        prose.filter((b) => b.kind !== 'heading' && re.test(b.section)).map((b) => b.section),
      ),
    ];
    for (const name of names) {
      const d = reader.passage(
        prose.filter((b) => b.section === name && b.kind !== 'heading').flatMap(sentencesOf),
      );
      if (d && !decisions.some((x) => x.evidence === d.evidence))
        decisions.push({ ...d, strength: Math.max(d.strength, floor) as Strength });
    }
  }
  // the first sentence, and an explicit pick anywhere
  const body = prose.filter((b) => b.kind !== 'heading');
  const first = body[0] ? reader.passage(sentencesOf(body[0]).slice(0, 1)) : null;
  if (first && !decisions.some((x) => x.evidence === first.evidence && x.winner === first.winner))
    decisions.push(first);
  const anywhere = reader.passage(body.flatMap(sentencesOf), WEAK);
  if (
    anywhere &&
    !decisions.some((x) => x.evidence === anywhere.evidence && x.winner === anywhere.winner)
  )
    decisions.push(anywhere);
  return {
    decisions,
    ...(rankings.length && orders.size === 1 ? { ranking: rankings[0].ids } : {}),
  };
}

/** The verdict of the decisions: the strongest, unless a strong one disagrees. */
function settle(decisions: Decision[]): Omit<ReadVerdict, 'ranking'> | null {
  if (!decisions.length) return null;
  const top = Math.max(...decisions.map((d) => d.strength));
  if (top < WEAK)
    return {
      winner: null,
      evidence: decisions[0].evidence,
      reason: decisions[0].why ?? 'no sentence says which is better',
    };
  const best = decisions.filter((d) => d.strength === top);
  const lead = best.find((d) => d.winner === null) ?? best[0];
  if (lead.winner === null)
    return { winner: null, evidence: lead.evidence, reason: lead.why ?? 'undecided' };
  const conflict = decisions.find(
    (d) => d.winner !== null && d.winner !== lead.winner && d.strength >= Math.min(top, STRONG),
  );
  if (conflict)
    return {
      winner: null,
      evidence: lead.evidence,
      reason: `the evaluation names different winners in different places ("${lead.evidence.slice(0, 80)}" and "${conflict.evidence.slice(0, 80)}")`,
    };
  return { winner: lead.winner, evidence: lead.evidence, reason: 'read from the evaluation' };
}

/** Reads an evaluation's verdict. `named` lists the participants whose work was judged. */
export function readVerdict(
  markdown: string,
  named: Named[],
  options: ReadOptions = {},
): ReadVerdict {
  const bs = blocks(markdown);
  const given = options.labels ?? {};
  const plainIndex = new NameIndex(withLabels(named, given));
  const labels = { ...given, ...labelTable(bs, plainIndex, given) };
  const index =
    Object.keys(labels).length > Object.keys(given).length
      ? new NameIndex(withLabels(named, labels))
      : plainIndex;
  const reader = new Reader(index, labels);
  // a verdict revised further down ("Edit: I'm revising my verdict") replaces what came before
  const revised = bs.findIndex((b, i) => i > 0 && REVISION.test(b.text.slice(0, 200)));
  const later =
    revised > 0 ? settle(decisionsOf(bs.slice(revised), index, reader, named).decisions) : null;
  const { decisions, ranking } = decisionsOf(bs, index, reader, named);
  const v = later?.winner ? later : settle(decisions);
  if (!v) {
    const blind =
      Object.keys(labels).length === 0 &&
      /\b(?:Response|Skill|Option|Candidate|Submission|Entry|Statblock|Essay|Draft|Answer|Review) (?:[A-Z]|\d|[IVX]+)\b/.test(
        markdown,
      );
    return {
      winner: null,
      evidence: '',
      reason: blind
        ? 'the evaluation names blind labels that no label table maps to participants (give one as labels: in crossjudge.yaml)'
        : 'no sentence of the evaluation names a winner',
    };
  }
  return ranking && v.winner === ranking[0] ? { ...v, ranking } : v;
}
