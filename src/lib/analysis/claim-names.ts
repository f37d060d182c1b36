// Pure logic: the names an evaluation calls the skills and their files by, for the claim finder:
// each skill's names (and the words only it has: "the curator"), its files' paths and names, and the
// numbered or lettered labels the evaluation maps itself ("Skill 2", "Response B").
import type { ClaimContext, Mention } from '../reading/claims/index.ts';
import { labelMentions } from '../reading/claims/labels.ts';
import type { Named } from '../reading/verdict/index.ts';
import { labelTable } from '../reading/verdict/rules/label-table.ts';
import type { Block } from '../text/markdown.ts';
import { NameIndex, tokens } from '../text/names.ts';
import { isFunctionWord } from '../text/words.ts';
import { GENERIC_SKILL_WORDS } from '../text/words/name-words.ts';
import { isFile, type SkillText } from './measure.ts';

const GENERIC = new Set<string>(GENERIC_SKILL_WORDS);
const isGeneric = (word: string) => GENERIC.has(word) || isFunctionWord(word);

/**
 * A word only one skill's names have, as readers shorten them: "the curator", "the discipline
 * skill".
 */
function ownWords(n: Named, named: Named[]): string[] {
  const others = new Set(
    named.filter((x) => x.id !== n.id).flatMap((x) => x.aliases.flatMap(tokens)),
  );
  const own = [...new Set(n.aliases.flatMap(tokens))].filter(
    (t) => t.length >= 4 && !/\d/.test(t) && !isGeneric(t) && !others.has(t),
  );
  return own.flatMap((t) => [`the ${t}`, `${t} skill`]);
}

/**
 * Finds skills by name and files by path or file name ("philosophy.md", "SKILL.md"), with offsets
 * in the text.
 */
export function mentionFinder(named: Named[], skills: SkillText[]): (text: string) => Mention[] {
  const index = new NameIndex(
    named.map((n) => ({ ...n, aliases: [...n.aliases, ...ownWords(n, named)] })),
  );
  const files = skills.flatMap((s) => s.files.map((f) => ({ id: s.participant, path: f.path })));
  const fileNames = [...new Set(files.flatMap((f) => [f.path, f.path.split('/').pop()!]))].sort(
    (a, b) => b.length - a.length,
  );
  return (text: string) => {
    const skillsNamed: Mention[] = index
      .mentions(text)
      .map((m) => ({ id: m.id, at: m.start, end: m.end }));
    const filesNamed: Mention[] = [];
    const lower = text.toLowerCase();
    const taken = new Set<number>();
    for (const name of fileNames) {
      const escaped = name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      for (const m of lower.matchAll(new RegExp(`(?<![\\w/.-])${escaped}(?![\\w/-])`, 'g'))) {
        if (taken.has(m.index!)) continue;
        taken.add(m.index! + m[0].length - name.split('/').pop()!.length);
        const owners = [...new Set(files.filter((f) => isFile(f.path, name)).map((f) => f.id))];
        filesNamed.push({
          id: owners.length === 1 ? owners[0] : null,
          file: name,
          at: m.index!,
          end: m.index! + m[0].length,
        });
      }
    }
    return [...skillsNamed, ...filesNamed].sort((a, b) => a.at - b.at);
  };
}

/**
 * The context of one evaluation: its numbered and lettered references ("Skill 2", "the second
 * skill") found too, each of the participant the evaluation's own mapping gives, or of no one.
 */
export function withLabels(ctx: ClaimContext, bs: Block[], names: NameIndex): ClaimContext {
  const labels = labelTable(bs, names, {});
  return {
    ...ctx,
    mentions: (text) => {
      const found = ctx.mentions(text);
      const free = (m: Mention) => !found.some((x) => m.at < x.end && x.at < m.end);
      return [...found, ...labelMentions(text, labels).filter(free)].sort((a, b) => a.at - b.at);
    },
  };
}
