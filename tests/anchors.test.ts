import { describe, expect, it } from 'vitest';
import { Anchors } from '../src/lib/site/anchors.ts';

describe('anchors of one page', () => {
  it('keeps the readable ids of plain names', () => {
    const ids = new Anchors();
    expect(ids.id('file', 'opus-4-6', 'references/philosophy.md')).toBe(
      'file-opus-4-6-references-philosophy-md',
    );
    expect(ids.id('evaluation', 'codex-5-3')).toBe('evaluation-codex-5-3');
  });

  it('gives different names different ids, and the same name the same id', () => {
    const ids = new Anchors();
    const names = [
      'a_b.md',
      'a-b.md',
      'заметки.md',
      'примеры.md',
      'A.md',
      'a.md',
      '文件.md',
      '.md',
    ];
    const got = names.map((n) => ids.id('file', 'p', n));
    expect(new Set(got).size).toBe(names.length);
    expect(names.map((n) => ids.id('file', 'p', n))).toEqual(got);
    // the parts are kept apart: p's a-b.md is not p-a's b.md
    expect(ids.id('file', 'p-a', 'b.md')).not.toBe(ids.id('file', 'p', 'a-b.md'));
    expect(got[2]).toBe('file-p-заметки-md');
  });
});
