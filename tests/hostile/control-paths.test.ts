// Files that tools act on are never written from outside: a model's skill or an imported folder
// holding .git/… (in any case or disguise), a git repository's own files, or node_modules/… is
// refused. A nested repository's config runs its programs when anyone runs git status there.
import { pathOf } from '../../src/lib/content/experiment.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { tempDir, writeTree } from '../support/helpers.ts';
import { skillProblem } from '../../src/lib/runner/prompts.ts';
import {
  SKILL_MD,
  closeDoubles,
  definitionWithDouble,
  generateSkills,
  skillWith,
} from '../support/hostile.ts';
import { listFiles, readTextFiles } from '../../src/lib/content/files.ts';
import { planImport } from '../../src/lib/importer/index.ts';

describe('control paths in a generated skill', () => {
  it.each([
    '.git/config',
    '.GIT/config',
    'docs/.Git/hooks/pre-commit',
    '.git',
    '.git./config',
    '.git /config',
    '.g\u200cit/config',
    '.git::$INDEX_ALLOCATION/config',
    'git~1/config',
    'node_modules/left-pad/index.js',
    'Node_Modules/x.js',
    '.hg/hgrc',
  ])('refuses %j', (p) => {
    expect(skillProblem(skillWith(p))).toMatch(/which tools act on/);
  });

  it('refuses files that make a git repository of a folder, whatever its name', () => {
    expect(
      skillProblem(skillWith('repo/HEAD', 'repo/config', 'repo/objects/x', 'repo/refs/heads/m')),
    ).toMatch(/"repo" \(HEAD, objects\/, refs\/\) would make a git repository/);
    expect(skillProblem(skillWith('HEAD', 'objects/info/x', 'refs/tags/t'))).toMatch(/"\."/);
  });

  it('takes names that only look alike', () => {
    const ok = skillWith(
      '.github/workflows/ci.yml',
      '.gitignore',
      'git.md',
      'notes/.gitkeep',
      'objects/x.md',
      'HEAD',
    );
    expect(skillProblem(ok)).toBeNull();
  });
});

afterEach(closeDoubles);

describe('a model that plants a nested git repository', () => {
  it('gets a failed cell, and nothing of it is written', async () => {
    // a repository git would open in skills/local-test/: its config names a program to run
    const planted = [
      SKILL_MD,
      { path: '.git/config', content: '[core]\n\tfsmonitor = touch /tmp/fsmonitor-ran\n' },
      { path: '.git/HEAD', content: 'ref: refs/heads/main\n' },
      { path: '.git/objects/info/packs', content: '\n' },
      { path: '.git/refs/heads/.keep', content: '' },
    ];
    const { api, dir } = await definitionWithDouble({ skills: { 'local-test': planted } });
    const result = await generateSkills(api, dir);
    expect(result.failures.map((f) => [f.participant, f.error])).toEqual([
      [
        'local-test',
        expect.stringMatching(/^malformed answer: ".git\/config" would be read as .git/),
      ],
    ]);
    expect(await listFiles(path.join(dir, 'skills/local-test'))).toEqual([]);
    expect(existsSync(path.join(dir, 'skills/local-test/.git'))).toBe(false);
  });
});

describe('importing a folder with control paths', () => {
  const evaluation = '# Review\n\nWinner: opus-4-6\n';
  async function importFolder(extra: Record<string, string>) {
    const dir = await tempDir();
    await writeTree(dir, {
      'source.md': '# Note\n\nKeep it small.\n',
      'skills/gpt-5/SKILL.md': '---\nname: gpt-5-small\ndescription: d\n---\n\nA.\n',
      'skills/opus-4-6/SKILL.md': '---\nname: opus-4-6-small\ndescription: d\n---\n\nB.\n',
      'evaluations/gpt-5_vs_opus-4-6/gpt-5.md': evaluation,
      ...extra,
    });
    return planImport(await readTextFiles(dir), { origin: 'their-folder', name: 'their-folder' });
  }

  it.each([
    'skills/gpt-5/.GIT/config',
    'skills/gpt-5/Node_Modules/x.js',
    'skills/opus-4-6/.git./config',
  ])('refuses %j, naming it', async (p) => {
    await expect(importFolder({ [p]: '[core]\n\tfsmonitor = touch /tmp/x\n' })).rejects.toThrow(
      /^their-folder: cannot import it as it is: ".*" would be read as/,
    );
  });

  it('leaves out a folder git itself keeps (.git, node_modules) as before', async () => {
    const plan = await importFolder({
      'skills/gpt-5/.git/config': '[core]\n',
      'skills/gpt-5/node_modules/x/index.js': '',
    });
    const [exp] = plan.experiments;
    const paths = exp.files.map((f) => pathOf(f.at, { source: exp.manifest.source ?? null }));
    expect(paths.filter((p) => p.startsWith('skills/gpt-5/'))).toEqual(['skills/gpt-5/SKILL.md']);
  });
});
