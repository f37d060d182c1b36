// Files and answers that are not what they seem get the real reason, naming the file: a UTF-16
// evaluation was read as an empty file ("no sentence names a winner"), invalid UTF-8 was silently
// replaced, a binary source got "several markdown files could be the source", a legal 253-character
// name failed with ENAMETOOLONG, an HTML answer read "Cannot read properties of undefined (reading
// 'map')", "__proto__" keys of a map vanished without the usual error, and files of unknown type
// rendered with style="color:undefined".
import { afterEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { closeDoubles, definitionWithDouble, generateSkills } from '../support/hostile.ts';
import { tempDir, writeTree } from '../support/helpers.ts';
import { readTextFiles, writeFileAtomic } from '../../src/lib/content/files.ts';
import { parseImportMap, planImport } from '../../src/lib/importer/index.ts';
import { sourceHtml } from '../../src/lib/site/render/source.ts';

const origin = { origin: 'their-folder', name: 'their-folder' };
const SKILLS = {
  'skills/gpt-5/SKILL.md': '---\nname: gpt-5-small\ndescription: d\n---\n\nA.\n',
  'skills/opus-4-6/SKILL.md': '---\nname: opus-4-6-small\ndescription: d\n---\n\nB.\n',
};
const EVALUATION = 'evaluations/gpt-5_vs_opus-4-6/gpt-5.md';

/** A folder with the two skills, a source and an evaluation, some of them given as bytes. */
async function plan(bytes: Record<string, Buffer>, text: Record<string, string> = {}) {
  const dir = await tempDir();
  await writeTree(dir, {
    ...SKILLS,
    ...(bytes['source.md'] ? {} : { 'source.md': '# Note\n\nKeep it small.\n' }),
    ...(bytes[EVALUATION] ? {} : { [EVALUATION]: '# Review\n\nWinner: opus-4-6\n' }),
    ...text,
  });
  for (const [p, b] of Object.entries(bytes)) {
    await fs.mkdir(path.dirname(path.join(dir, p)), { recursive: true });
    await fs.writeFile(path.join(dir, p), b);
  }
  return planImport(await readTextFiles(dir, true), origin);
}

const utf16 = (text: string, bom: Buffer) => Buffer.concat([bom, Buffer.from(text, 'utf16le')]);
const swap = (b: Buffer) => Buffer.from(b).swap16();

describe('files that are not plain UTF-8', () => {
  it('reads a UTF-16 evaluation, either byte order, and a UTF-8 one with a byte order mark', async () => {
    const text = '# Review\r\n\r\nWinner: opus-4-6 — clearly.\r\n';
    for (const bytes of [
      utf16(text, Buffer.from([0xff, 0xfe])),
      swap(utf16(text, Buffer.from([0xfe, 0xff]).swap16())),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    ]) {
      const [exp] = (await plan({ [EVALUATION]: bytes })).experiments;
      expect(exp.manifest.verdicts![0]).toMatchObject({ judge: 'gpt-5', winner: 'opus-4-6' });
      expect(
        exp.files.find((f) => f.at.kind === 'evaluation' && f.at.judge === 'gpt-5')!.content,
      ).toBe('# Review\n\nWinner: opus-4-6 — clearly.\n');
    }
  });

  it('says which evaluation is not UTF-8, and where', async () => {
    const latin1 = Buffer.from('# Review\n\nWinner: opus-4-6, très bien.\n', 'latin1');
    await expect(plan({ [EVALUATION]: latin1 })).rejects.toThrow(
      `${EVALUATION}: an evaluation that cannot be read: it is not UTF-8 text (byte 0xE8 at offset 30); save it as UTF-8`,
    );
  });

  it('imports a skill file that is not UTF-8 as bytes, and says so', async () => {
    const latin1 = Buffer.from('Notes, très courtes.\n', 'latin1');
    const result = await plan({ 'skills/gpt-5/notes.md': latin1 });
    expect(result.notes).toContain(
      'skills/gpt-5/notes.md: imported as a binary file, not as text: it is not UTF-8 text (byte 0xE8 at offset 9); save it as UTF-8',
    );
    const file = result.experiments[0].files.find(
      (f) => f.at.kind === 'skill' && f.at.participant === 'gpt-5' && f.at.file === 'notes.md',
    )!;
    expect(file.content).toEqual(latin1);
  });

  it('says why a binary source cannot be the source', async () => {
    await expect(
      plan({ 'source.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]) }),
    ).rejects.toThrow(
      'The source material cannot be read: source.md: it holds NUL bytes: a binary file, or UTF-16 text without a byte order mark',
    );
  });
});

describe('names and maps', () => {
  it('writes a file with a legal name of 253 characters', async () => {
    const file = path.join(await tempDir(), `${'n'.repeat(250)}.md`);
    await writeFileAtomic(file, 'text\n');
    expect(await fs.readFile(file, 'utf8')).toBe('text\n');
    expect(await fs.readdir(path.dirname(file))).toEqual([path.basename(file)]);
  });

  it('refuses a "__proto__" key, naming the file and line, where it vanished before', () => {
    for (const field of ['judges', 'labels'])
      expect(() =>
        parseImportMap(`${field}:\n  __proto__: gpt-5\n`, 'their/crossjudge.yaml'),
      ).toThrow(
        'their/crossjudge.yaml is not valid YAML: the key "__proto__" is not allowed (line 2, column 3)',
      );
  });

  it('renders a file of unknown type without an undefined colour', async () => {
    const html = await sourceHtml('some text\n', 'text', 'file-x');
    expect(html).toContain('some text');
    expect(html).not.toContain('undefined');
  });
});

afterEach(closeDoubles);

describe('a server that answers something else', () => {
  async function generate(raw: { status: number; contentType: string; body: string }) {
    const models = ['gpt-test', 'claude-test', 'local-test'];
    const { api, dir } = await definitionWithDouble({
      faults: models.map((model) => ({ model, raw, times: 9 })),
    });
    const result = await generateSkills(api, dir);
    const errors = Object.fromEntries(result.failures.map((f) => [f.participant, f.error]));
    return { api, errors };
  }

  it('says that an HTML page came back, and does not ask again', async () => {
    const page = '<!DOCTYPE html>\n<html><body>Welcome to nginx!</body></html>';
    const { api, errors } = await generate({ status: 200, contentType: 'text/html', body: page });
    for (const model of ['gpt-test', 'claude-test', 'local-test'])
      expect(errors[model]).toBe(
        'the server answered 200 with text/html, not the API\'s JSON (is the address right?); it begins: "<!DOCTYPE html> <html><body>Welcome to nginx!</body></html>"',
      );
    expect(api.received).toHaveLength(3);
  });

  it('says which API the JSON does not answer as', async () => {
    const { errors } = await generate({
      status: 200,
      contentType: 'application/json',
      body: '{"ok":true}',
    });
    expect(errors).toEqual({
      'gpt-test': expect.stringMatching(
        /^malformed answer: the server's JSON is not an answer of the Responses API \(/,
      ),
      'claude-test': expect.stringMatching(
        /^malformed answer: the server's JSON is not an answer of the Messages API \(/,
      ),
      'local-test': expect.stringMatching(
        /^malformed answer: the server's JSON is not an answer of the Chat Completions API \(/,
      ),
    });
  });
});
