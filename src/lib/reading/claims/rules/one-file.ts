import { anyOf } from '../../../text/patterns.ts';
import type { ClaimRule } from '../sentence.ts';
import { FILE_KINDS } from '../vocabulary.ts';

/** Before a file's name: "one long SKILL.md", "a single SKILL.md". */
const ONE_BEFORE = /\b(?:one|a single|single|only one)\s+(?:[a-z]+\s+)?$/i;
/** Before a file's name: "all in SKILL.md", "everything is in its SKILL.md". */
const ALL_IN = /\b(?:all|everything)\s+(?:is\s+)?in\s+(?:its\s+|the\s+|one\s+)?$/i;
/** "a single 90-line file", "one long file" (not "one reference file": a kind of file). */
const SINGLE_FILE = new RegExp(
  '(?<![\\w-])(?:a single|single|one|only one)\\s+' +
    `(?:\\d+-(?:line|word)|(?!${anyOf(FILE_KINDS)})[a-z]+)\\s+file\\b`,
  'gi',
);

/** "one long SKILL.md", "a single SKILL.md", "all in SKILL.md": the skill named is one file. */
export const oneNamedFile: ClaimRule = {
  name: 'one-named-file',
  find(s) {
    return s.names
      .filter((f) => f.file)
      .flatMap((f) => {
        const lead = s.plain.slice(0, f.at);
        const one = lead.match(ONE_BEFORE) ?? lead.match(ALL_IN);
        if (!one) return [];
        const phrase = `${one[0]}${f.file}`.trim();
        return s.claims(one.index!, phrase, 'files', 1, 'exact', { fileOwner: f.id });
      });
  },
};

/** "a single 90-line file", "one long file": the skill is one file. */
export const singleFile: ClaimRule = {
  name: 'single-file',
  find(s) {
    return [...s.plain.matchAll(SINGLE_FILE)].flatMap((m) =>
      s.notAboutSkill(m.index) ? [] : s.claims(m.index, m[0], 'files', 1, 'exact'),
    );
  },
};
