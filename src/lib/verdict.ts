// Pure logic: reads which skill a prose evaluation picked.
// Looks for the decision where people write it (a "Winner:"/"Verdict:" label, a Decision/Verdict/
// Conclusion section, else the first sentence), maps the names it uses to participants, and answers
// null with a reason when it is a tie, ambiguous or contradicts itself: a wrong verdict is worse than none.
import { isFamily, tokens } from './names.ts';

export interface Named {
  id: string;
  /** Every way the evaluation may name this participant's skill: folder, front-matter name, model, ... */
  aliases: string[];
}

export interface ReadVerdict {
  winner: string | null;
  evidence: string;
  reason: string;
}

const LABEL = /^(?:overall |final )?(winner|verdict|decision|recommendation|pick|choice|preferred skill|better skill)\s*[:：—–-]\s*(.+)$/i;
const STRONG_HEADING = /\b(verdict|decision|winner)\b/i;
const WEAK_HEADING = /\b(recommendation|bottom line|conclusion|final assessment|overall assessment|tl;?dr)\b/i;
const TIE = /\b(tie|tied|draw|equally (?:good|strong|matched)|neither (?:is|skill is) (?:clearly )?better|no clear winner|too close to call)\b/i;
const NEGATIVE = /\b(not|isn't|worse|weaker|loses|inferior|falls short)\b/i;
const PICK_WORDS = 'pick|choose|prefer|recommend|go with|select|favou?r';
const COMPARE = /\b(than|over|beats|outperforms|edges out|ahead of)\b/i;
const PRAISE = 'better|stronger|best|strongest|superior|winner|preferable|more faithful|more useful|more effective|more practical|clear winner';

/** Lowercase words separated by single spaces, so "Codex 5-3" and "codex-5-3" read the same. */
export const norm = (s: string) => ` ${tokens(s).join(' ')} `;
const plain = (s: string) => s.replace(/[*_`]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim();

export interface Mention {
  id: string;
  /** Where the name starts and ends in the normalized text (at the spaces around it). */
  at: number;
  end: number;
}

/** Builds the name finder: aliases that more than one participant share are dropped. */
export function nameFinder(named: Named[]) {
  const owners = new Map<string, Set<string>>();
  const add = (alias: string, id: string) => {
    const n = norm(alias).trim();
    if (n.length < 2) return;
    if (!owners.has(n)) owners.set(n, new Set());
    owners.get(n)!.add(id);
  };
  for (const p of named) {
    for (const a of p.aliases) add(a, p.id);
    // a family word alone ("the Codex skill", "Opus's version") when only one participant has it
    for (const a of p.aliases) for (const t of tokens(a)) if (isFamily(t)) add(t, p.id);
  }
  const aliases = [...owners]
    .filter(([, ids]) => ids.size === 1)
    .map(([alias, ids]) => ({ alias, id: [...ids][0] }))
    .sort((a, b) => b.alias.length - a.alias.length);
  return (text: string): Mention[] => {
    let t = norm(text);
    const found: Mention[] = [];
    for (const { alias, id } of aliases) {
      let i = t.indexOf(` ${alias} `);
      while (i >= 0) {
        found.push({ id, at: i, end: i + alias.length + 1 });
        t = t.slice(0, i + 1) + '#'.repeat(alias.length) + t.slice(i + 1 + alias.length); // consume
        i = t.indexOf(` ${alias} `);
      }
    }
    return found.sort((a, b) => a.at - b.at);
  };
}

/** Learns "Skill 2" -> participant from places where an ordinal stands next to a name. */
function ordinalMap(text: string, find: (s: string) => Mention[]): Map<string, string> {
  const map = new Map<string, string>();
  const re = /\b(skill|option|candidate|response)\s+(\d|[A-D])\b/gi;
  for (const m of text.matchAll(re)) {
    const near = text.slice(m.index! + m[0].length, m.index! + m[0].length + 80).split('\n')[0];
    const ids = [...new Set(find(near.slice(0, 60)).map((x) => x.id))];
    if (ids.length === 1) map.set(`${m[1].toLowerCase()} ${m[2].toLowerCase()}`, ids[0]);
  }
  return map;
}

interface Passage {
  kind: 'label' | 'section' | 'first sentence';
  text: string;
}

function sentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?])\s+(?=[A-Z`*"“(\[])|\n(?=\s*(?:[-*+]|\d+\.)\s)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Splits markdown into headed sections of paragraphs, skipping code blocks. */
function sections(markdown: string): { heading: string; paragraphs: string[] }[] {
  const out: { heading: string; paragraphs: string[] }[] = [{ heading: '', paragraphs: [] }];
  let para: string[] = [];
  let fence = false;
  const flush = () => {
    if (para.length) out[out.length - 1].paragraphs.push(para.join('\n'));
    para = [];
  };
  for (const line of markdown.replace(/<!--[\s\S]*?-->/g, '').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      fence = !fence;
      flush();
      continue;
    }
    if (fence) continue;
    const h = line.match(/^#{1,6}\s+(.*)$/);
    if (h) {
      flush();
      out.push({ heading: plain(h[1]), paragraphs: [] });
    } else if (!line.trim() || /^\s*(---|\*\*\*|___)\s*$/.test(line) || /^\s*\|/.test(line)) flush();
    else para.push(line.replace(/^\s*>\s?/, ''));
  }
  flush();
  return out;
}

function passages(markdown: string): Passage[] {
  const secs = sections(markdown);
  const found: Passage[] = [];
  for (const s of secs)
    for (const p of s.paragraphs)
      for (const line of p.split('\n')) {
        const m = plain(line.replace(/^\s*(?:[-*+]|\d+\.)\s+/, '')).match(LABEL);
        if (m) found.push({ kind: 'label', text: line.trim() });
      }
  for (const re of [STRONG_HEADING, WEAK_HEADING])
    for (const s of secs) if (s.heading && re.test(s.heading) && s.paragraphs.length) found.push({ kind: 'section', text: s.paragraphs.join('\n\n') });
  const body = secs.flatMap((s) => s.paragraphs)[0];
  if (body) found.push({ kind: 'first sentence', text: sentences(body)[0] ?? body });
  return found;
}

type Decision = { winner: string | null; tie?: boolean; evidence: string; why?: string };

function decideSentence(sentence: string, find: (s: string) => Mention[], ordinals: Map<string, string>): Decision | null {
  const text = plain(sentence);
  const labelled = text.match(LABEL);
  const subject = labelled ? labelled[2] : text;
  if (TIE.test(subject)) return { winner: null, tie: true, evidence: sentence, why: 'the evaluation calls it a tie' };
  const mentions = find(subject);
  for (const m of subject.matchAll(/\b(skill|option|candidate|response)\s+(\d|[A-D])\b/gi)) {
    const id = ordinals.get(`${m[1].toLowerCase()} ${m[2].toLowerCase()}`);
    const at = norm(subject.slice(0, m.index)).length - 1;
    if (id && !mentions.some((x) => x.id === id)) mentions.push({ id, at, end: at + norm(m[0]).length - 1 });
  }
  mentions.sort((a, b) => a.at - b.at);
  const ids = [...new Set(mentions.map((m) => m.id))];
  if (!ids.length) return null;
  if (ids.length === 1) {
    if (!labelled && NEGATIVE.test(subject))
      return { winner: null, evidence: sentence, why: 'the deciding sentence names one skill but in a negative way' };
    return { winner: ids[0], evidence: sentence };
  }
  // Several skills named: "X is better than Y", "X over Y", "pick X rather than Y".
  const n = norm(subject);
  const pick = n.match(new RegExp(` (${PICK_WORDS}) `));
  if (pick && pick.index !== undefined) {
    const after = mentions.find((m) => m.at >= pick.index!);
    if (after) return { winner: after.id, evidence: sentence };
  }
  // "X is the stronger skill, though Y ..." / "the better skill is X, while Y ..."
  if (!NEGATIVE.test(subject)) {
    const praisedAfter = new RegExp(`^ (is|was) (the |a |clearly |much |by far )*(${PRAISE}) `);
    const praisedBefore = new RegExp(` (the )?(${PRAISE}) (skill|one|choice|option|pick) (is|was) $`);
    const praised = new Set(mentions.filter((m) => praisedAfter.test(n.slice(m.end)) || praisedBefore.test(n.slice(0, m.at + 1))).map((m) => m.id));
    if (praised.size === 1) return { winner: [...praised][0], evidence: sentence };
  }
  const cmp = subject.match(COMPARE);
  if (cmp && cmp.index !== undefined && !NEGATIVE.test(subject)) {
    const cut = norm(subject.slice(0, cmp.index)).length;
    const before = [...new Set(mentions.filter((m) => m.at < cut).map((m) => m.id))];
    const after = [...new Set(mentions.filter((m) => m.at >= cut).map((m) => m.id))];
    if (before.length === 1 && after.length >= 1 && !after.includes(before[0])) return { winner: before[0], evidence: sentence };
  }
  return { winner: null, evidence: sentence, why: 'the deciding sentence names several skills without a clear winner' };
}

function decidePassage(p: Passage, find: (s: string) => Mention[], ordinals: Map<string, string>): Decision | null {
  const list = p.kind === 'label' ? sentences(p.text).slice(0, 1) : p.text.split(/\n\n+/).flatMap(sentences);
  for (const s of list) {
    const d = decideSentence(s, find, ordinals);
    if (d) return d;
  }
  return null;
}

/** Reads an evaluation's verdict. `named` lists the participants whose skills were judged. */
export function readVerdict(markdown: string, named: Named[]): ReadVerdict {
  const find = nameFinder(named);
  const ordinals = ordinalMap(markdown, find);
  const all = passages(markdown);
  // The strongest places first: labels, then Verdict/Decision sections, then conclusions; the first
  // sentence only when nothing else speaks.
  const decisive = all.filter((p) => p.kind !== 'first sentence');
  const decisions = decisive.map((p) => decidePassage(p, find, ordinals)).filter((d): d is Decision => d !== null);
  if (!decisions.length) {
    const first = all.find((p) => p.kind === 'first sentence');
    const d = first && decidePassage(first, find, ordinals);
    if (d) decisions.push(d);
  }
  if (!decisions.length) return { winner: null, evidence: '', reason: 'no sentence of the evaluation names a winner' };
  const [lead] = decisions;
  if (lead.winner === null) return { winner: null, evidence: lead.evidence, reason: lead.why ?? 'undecided' };
  const conflict = decisions.find((d) => d.winner !== null && d.winner !== lead.winner);
  if (conflict)
    return {
      winner: null,
      evidence: lead.evidence,
      reason: `the evaluation names different winners in different places ("${plain(lead.evidence).slice(0, 80)}" and "${plain(conflict.evidence).slice(0, 80)}")`,
    };
  return { winner: lead.winner, evidence: lead.evidence, reason: 'read from the evaluation' };
}
