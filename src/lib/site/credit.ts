// Pure logic: whose an imported experiment is and where it lives: a link to its repository ("View
// on GitHub"), its author (the repository's owner) and its licence, as the import recorded them.
import type { License, Manifest } from '../content/schema.ts';

export interface Credit {
  /** The repository, or the experiment's folder in it at the imported commit. */
  href: string;
  /** "GitHub", "GitLab", or the host's name. */
  host: string;
  /** owner/name */
  repo: string;
  /** The repository's owner, and their page on the host. */
  owner: string;
  ownerHref: string;
  license?: License & { href: string };
}

const HOSTS: Record<string, string> = {
  'github.com': 'GitHub',
  'gitlab.com': 'GitLab',
  'codeberg.org': 'Codeberg',
};

/** A file or folder of the repository at the commit, on hosts that share GitHub's URL scheme. */
function at(url: string, commit: string | undefined, kind: 'blob' | 'tree', file: string): string {
  const host = new URL(url).hostname;
  if (!HOSTS[host]) return url;
  const dash = host === 'gitlab.com' ? '/-' : '';
  return `${url}${dash}/${kind}/${commit ?? 'HEAD'}/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/** The credit of an imported experiment with a web address; null for runs, samples and local folders. */
export function creditOf(m: Manifest): Credit | null {
  const p = m.provenance;
  if (p.kind !== 'import' || !p.url) return null;
  const url = new URL(p.url);
  const [owner, name] = url.pathname.split('/').filter(Boolean);
  if (!owner || !name) return null;
  const base = p.url.replace(/\/+$/, '');
  return {
    href: p.path ? at(base, p.commit, 'tree', p.path) : base,
    host: HOSTS[url.hostname] ?? url.hostname,
    repo: `${owner}/${name}`,
    owner,
    ownerHref: `${url.origin}/${owner}`,
    ...(p.license
      ? { license: { ...p.license, href: at(base, p.commit, 'blob', p.license.file) } }
      : {}),
  };
}
