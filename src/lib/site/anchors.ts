// The anchor ids of one page. One Anchors per page: the same parts always give the same id, and
// different parts never share one (github-slugger keeps letters of any script and numbers colliding
// ids: x, x-1, x-2), so every in-page link reaches the element it names.
import GithubSlugger from 'github-slugger';

export class Anchors {
  private readonly slugger = new GithubSlugger();
  private readonly ids = new Map<string, string>();

  /** Anchors that have given out these parts' ids, in this order: the same ids as the ones that did. */
  static from(keys: string[][]): Anchors {
    const ids = new Anchors();
    for (const parts of keys) ids.id(...parts);
    return ids;
  }

  /** The parts of every id given out, in order. */
  keys(): string[][] {
    return [...this.ids.keys()].map((k) => JSON.parse(k) as string[]);
  }

  /** id('file', 'opus', 'references/philosophy.md') -> "file-opus-references-philosophy-md". */
  id(...parts: string[]): string {
    const key = JSON.stringify(parts);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.slugger.slug(
        parts
          .join('-')
          .replace(/[\s/.]+/g, '-')
          .replace(/^-+|-+$/g, ''),
      );
      this.ids.set(key, id);
    }
    return id;
  }
}
