// The anchor ids of one page. One Anchors per page: the same parts always give the same id, and
// different parts never share one (github-slugger keeps letters of any script and numbers colliding
// ids: x, x-1, x-2), so every in-page link reaches the element it names.
import GithubSlugger from 'github-slugger';

export class Anchors {
  private readonly slugger = new GithubSlugger();
  private readonly ids = new Map<string, string>();

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
