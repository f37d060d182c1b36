// What a blog reader expects of a page, as pure logic: the credit of an imported experiment (its
// repository, its author, its licence) and a post's reading time.
import { describe, expect, it } from 'vitest';
import { creditOf } from '../src/lib/site/credit.ts';
import { readingMinutes } from '../src/lib/site/reading-time.ts';
import { ManifestSchema, type ManifestInput } from '../src/lib/content/schema.ts';

const manifest = (provenance: ManifestInput['provenance']) =>
  ManifestSchema.parse({
    title: 'T',
    date: '2026-01-01',
    provenance,
    participants: [{ id: 'a', model: 'A' }],
  });

describe('the credit of an experiment', () => {
  it('links an import from GitHub to its repository, its owner and its licence at the commit', () => {
    const credit = creditOf(
      manifest({
        kind: 'import',
        origin: 'git@github.com:ada/skills-test.git',
        url: 'https://github.com/ada/skills-test',
        commit: 'abc123',
        license: { file: 'LICENSE.md', name: 'MIT', notice: 'Copyright (c) 2026 Ada' },
      }),
    );
    expect(credit).toEqual({
      href: 'https://github.com/ada/skills-test',
      host: 'GitHub',
      repo: 'ada/skills-test',
      owner: 'ada',
      ownerHref: 'https://github.com/ada',
      license: {
        file: 'LICENSE.md',
        name: 'MIT',
        notice: 'Copyright (c) 2026 Ada',
        href: 'https://github.com/ada/skills-test/blob/abc123/LICENSE.md',
      },
    });
  });

  it("links to the experiment's folder when it is one of the repository's", () => {
    const credit = creditOf(
      manifest({
        kind: 'import',
        url: 'https://gitlab.com/bo/evals',
        commit: 'def',
        path: 'runs/one',
      }),
    );
    expect(credit?.href).toBe('https://gitlab.com/bo/evals/-/tree/def/runs/one');
    expect(credit?.host).toBe('GitLab');
    expect(credit?.license).toBeUndefined();
  });

  it('is none for runs, samples and folders without a web address', () => {
    expect(creditOf(manifest({ kind: 'run' }))).toBeNull();
    expect(creditOf(manifest({ kind: 'sample' }))).toBeNull();
    expect(creditOf(manifest({ kind: 'import', origin: 'my-folder' }))).toBeNull();
  });
});

describe('reading time', () => {
  it("counts a post's words at 230 a minute, its pieces' directive lines aside", () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    expect(readingMinutes(`${words(920)}\n\n::figure\n\n::compare{a="x" b="y"}\n`)).toBe(4);
    expect(readingMinutes('## Short\n\nA line.')).toBe(1);
  });
});
