// Pure logic: what a post still holds of its draft's placeholders, for the build to warn about: the
// author left as the placeholder (no git identity when it was drafted), and each ::todo[...] line.
import type { PostMeta } from '../content/schema.ts';

/** The author a draft writes when the user's git identity is not known. */
export const PLACEHOLDER_AUTHOR = 'Your name';

/** A warning for each placeholder field of a post's front matter, naming the file. */
export function placeholderFields(meta: PostMeta, file: string): string[] {
  return meta.author.trim() === PLACEHOLDER_AUTHOR
    ? [
        `${file}: author is the placeholder "${PLACEHOLDER_AUTHOR}"; set it (git config user.name is used by npm run draft)`,
      ]
    : [];
}
