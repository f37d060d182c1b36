// Rule: a review's sentence with its names made plain for the other rules: the reviewer's own
// artifact ("my own analysis", "ours", its model's name) written "mine", the reviewed one's name
// written "it"; a sentence that names a third artifact is about that one, not the reviewed.
import type { NameIndex } from '../../../text/names.ts';
import { wordPattern } from '../../../text/patterns.ts';
import { OWN_WORDS } from '../vocabulary.ts';

const OWN = new RegExp(wordPattern(OWN_WORDS), 'gi');
/** What may follow a name and belong to it: "GPT's skill", "Gemini's version". */
const AFTER_NAME =
  /^(?:['’]s)?(?:\s+(?:own\s+)?(?:skill|version|report|analysis|draft|submission|entry|answer|proposal|write-?up|solution|doc|document|essay|plan|artifact|one|work))?/i;

export interface Plain {
  text: string;
  /** It names an artifact that is neither the reviewed one nor the reviewer's own. */
  third: boolean;
}

/** The sentence with "mine" and "it" for the two sides' names. */
export function plainNames(text: string, index: NameIndex, reviewed: string, own: string): Plain {
  const ms = index.mentions(text);
  let out = '';
  let at = 0;
  let third = false;
  for (const m of ms) {
    if (m.start < at) continue;
    const tail = AFTER_NAME.exec(text.slice(m.end))![0];
    const word = m.id === own ? 'mine' : m.id === reviewed ? 'it' : null;
    if (word === null) third = true;
    out += text.slice(at, m.start) + (word ?? text.slice(m.start, m.end + tail.length));
    at = m.end + tail.length;
  }
  out += text.slice(at);
  return { text: out.replace(OWN, 'mine'), third };
}
