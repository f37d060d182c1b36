// Pure logic: how long a post takes to read, as blogs show it ("4 min read").
/** Words a minute of an adult reading prose on a screen. */
const PACE = 230;

/** Minutes to read markdown: its words (markup and directive names aside), at PACE, at least 1. */
export function readingMinutes(markdown: string): number {
  const prose = markdown
    .replace(/^:{2,3}[a-z]+(\{[^}]*\})?.*$/gim, ' ') // a live piece's line, not its quoted text
    .replace(/\]\([^)]*\)/g, ']') // link targets
    .replace(/[#*_`>[\]|-]+/g, ' ');
  const words = prose.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return Math.max(1, Math.round(words / PACE));
}
