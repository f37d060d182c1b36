// YAML from outside is capped in size before it is parsed, and parsed in time linear in its length:
// the yaml package's own check that keys are unique took 5.5 s for 40,000 keys, and a file of 1.5
// million keys never finished.
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/lib/content/yaml.ts';
import { parseImportMap } from '../../src/lib/importer/index.ts';
import { parseFrontMatter } from '../../src/lib/content/frontmatter.ts';

const keys = (n: number) => Array.from({ length: n }, (_, i) => `  k${i}: v`).join('\n');

describe('large YAML', () => {
  it('reads 80,000 keys of a map under the size limit', () => {
    const data = parseYaml(`judges:\n${keys(80_000)}\n`, 'crossjudge.yaml') as {
      judges: Record<string, string>;
    };
    expect(Object.keys(data.judges)).toHaveLength(80_000);
    expect(data.judges.k79999).toBe('v');
  });

  it('refuses a map file over the size limit before parsing it, naming the file and its size', () => {
    const text = `judges:\n${keys(1_500_000)}\n`;
    expect(() => parseImportMap(text, 'their/crossjudge.yaml')).toThrow(
      /^their\/crossjudge\.yaml is [\d,]+ bytes; a file like it is at most 1,000,000 bytes/,
    );
  });

  it('still refuses a key given twice, with its line', () => {
    expect(() => parseYaml('a: 1\nb:\n  c: 2\n  c: 3\n', 'x.yaml')).toThrow(
      'x.yaml is not valid YAML: Map keys must be unique: "c" appears twice (line 4, column 3)',
    );
    expect(parseYaml('a: { c: 1 }\nb: { c: 2 }\n', 'x.yaml')).toEqual({ a: { c: 1 }, b: { c: 2 } });
  });

  it('does not read front matter of more than 64 KB', () => {
    const fm = parseFrontMatter(`---\nname: x\n${keys(10_000)}\n---\nbody\n`);
    expect(fm.error).toBe('it is over 64 KB');
    expect(fm.body).toBe('body\n');
  });
});
