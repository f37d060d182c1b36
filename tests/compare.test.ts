import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { compareMarkdown, isRevision, splitSections } from '../src/lib/analysis/compare.ts';
import { layoutFigure } from '../src/lib/site/figure.ts';
import { SAMPLE } from './support/helpers.ts';

const A = `---
name: a
---
# Commit messages

## Subject line

Write the subject as an instruction to the codebase, under fifty characters.

## Body

Say why the change was made, and which alternative you did not take.

## Tools

Use git commit -v to see the diff while writing.
`;

const B = `# Writing commits

## Explain the reason

The body says why the change was made and which alternative was not taken.

## The subject

Write the subject as an instruction to the codebase, under about fifty characters.
`;

describe('comparing two independently written skills', () => {
  it('aligns sections by heading and content even when the order differs', () => {
    const rows = compareMarkdown(A, B);
    const pairs = rows.filter((r) => r.aligned).map((r) => [r.rows[0].a!.text, r.rows[0].b!.text]);
    expect(pairs).toContainEqual(['## Subject line', '## The subject']);
    expect(pairs).toContainEqual(['## Body', '## Explain the reason']);
    // the section only A has stands alone
    const tools = rows.find((r) => r.rows.some((x) => x.a?.text === '## Tools'))!;
    expect(tools.aligned).toBe(false);
    expect(tools.rows.every((x) => x.b === null)).toBe(true);
  });

  it('marks words only inside aligned passages', () => {
    const rows = compareMarkdown(A, B).flatMap((r) => r.rows);
    const subject = rows.find((r) => r.a?.text.startsWith('Write the subject'))!;
    expect(subject.aligned).toBe(true);
    expect(subject.b!.marks.map(([x, y]) => subject.b!.text.slice(x, y))).toEqual(['about ']);
    for (const r of rows.filter((x) => !x.aligned))
      expect([...(r.a?.marks ?? []), ...(r.b?.marks ?? [])]).toEqual([]);
  });

  it('splits at headings but not inside code blocks, and drops the front matter', () => {
    expect(
      splitSections('---\nname: x\n---\nintro\n```sh\n# not a heading\n```\n## Real\ntext\n').map(
        (s) => s.heading,
      ),
    ).toEqual(['', 'Real']);
  });

  it('tells a revision from an independent text', () => {
    const revised = A.replace('under fifty characters', 'under about fifty characters');
    expect(isRevision(A, revised)).toBe(true);
    expect(isRevision(A, B)).toBe(false);
  });
});

describe('the verdict figure', () => {
  const names = { x: 'Model X', y: 'Model Y' };
  it('draws an arrow per order, marks self-votes and says it all in its description', () => {
    const f = layoutFigure({
      names,
      skills: ['x', 'y'],
      verdicts: [
        { judge: 'x', winner: null, runs: [{ winner: 'x' }, { winner: 'y' }] },
        { judge: 'y', winner: 'x' },
      ],
    });
    expect(f.arrows.map((a) => [a.judge, a.winner, a.order ?? null, a.self])).toEqual([
      ['x', 'x', 1, true],
      ['x', 'y', 2, false],
      ['y', 'x', null, false],
    ]);
    expect(f.desc).toBe(
      'Model X picked in 2 orders: order 1, its own skill; order 2, Model Y’s skill (a self-vote). Model Y picked: Model X’s skill.',
    );
  });

  it('notes a judge that picked nothing', () => {
    const f = layoutFigure({ names, skills: ['x', 'y'], verdicts: [{ judge: 'x', winner: null }] });
    expect(f.arrows).toEqual([]);
    expect(f.open.map((o) => o.judge)).toEqual(['x']);
  });
});

describe('passages that line up', () => {
  it('are a heading with a heading, never a heading with a paragraph', async () => {
    // the sample's two skills: GPT-5's "Wrap the body … examples" once lined up with Sonnet's "## Example"
    const read = (id: string) => fs.readFile(path.join(SAMPLE, 'skills', id, 'SKILL.md'), 'utf8');
    const rows = compareMarkdown(await read('gpt-5'), await read('claude-sonnet-4-5')).flatMap(
      (r) => r.rows,
    );
    const aligned = rows.filter((x) => x.aligned);
    expect(aligned.length).toBeGreaterThan(2);
    for (const r of aligned)
      expect(r.a!.text.startsWith('#'), `${r.a!.text} | ${r.b!.text}`).toBe(
        r.b!.text.startsWith('#'),
      );
  });
});
