// Pure logic: blind labels mapped in a markdown file at the folder's root (mapping.md, labels.md):
// lines such as "- Response A = grok-4 (skills/grok-4)" or "Skill 2: gemini-3-pro", or a table
// row "| Response B | gemini-3-pro |", each label to the one participant its value names.
import type { Participant } from '../content/schema.ts';
import type { TextFile } from '../content/files.ts';
import { resolveName } from '../text/names.ts';

const FILE = /^(?:mapping|labels?|label[-_ ]?map(?:ping)?)\.(?:md|markdown|txt)$/i;
const LABEL = String.raw`(?:response|skill|entry|candidate|option|submission|answer|essay|model|output|artifact)\s+[A-Z0-9]{1,2}`;
const LINE = new RegExp(
  String.raw`^\s*(?:[-*+]\s+|\d+[.)]\s+)?\**(${LABEL})\**\s*(?:=|:|->|→|—|–|\bis\b)\s*(.+?)\s*$`,
  'i',
);
const ROW = new RegExp(String.raw`^\s*\|\s*\**(${LABEL})\**\s*\|\s*([^|]+?)\s*\|`, 'i');

/** The labels a mapping file lists; none when a value names no participant or several. */
export function labelList(files: TextFile[], participants: Participant[]): Record<string, string> {
  const file = files.find((f) => FILE.test(f.path) && f.content !== null);
  if (!file) return {};
  const candidates = participants.map((p) => ({
    id: p.id,
    aliases: [p.id, p.model, p.skillFolder ?? p.id],
  }));
  const out: Record<string, string> = {};
  for (const line of file.content!.split('\n')) {
    const m = LINE.exec(line) ?? ROW.exec(line);
    if (!m) continue;
    const value = m[2].replace(/\(.*?\)|`|\*/g, '').trim();
    const r = resolveName(value.replace(/^.*\//, ''), candidates);
    if (r.id === null) return {};
    out[m[1].replace(/\s+/g, ' ')] = r.id;
  }
  return Object.keys(out).length >= 2 ? out : {};
}
