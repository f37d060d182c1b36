import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  planImport,
  mergeManifest,
  parseImportMap,
  webUrl,
  type PlannedExperiment,
} from '../src/lib/importer/index.ts';
import { readTextFiles } from '../src/lib/content/files.ts';
import { replaceFolder } from '../src/lib/content/swap.ts';
import { UserError, pathOf, readExperiment } from '../src/lib/content/experiment.ts';
import { analyze } from '../src/lib/analysis/analysis.ts';
import { layoutFigure } from '../src/lib/site/figure.ts';
import { toPublicJson } from '../src/lib/site/public-json.ts';
import { Anchors } from '../src/lib/site/anchors.ts';
import { FIXTURE, describeFixture, tempDir, writeTree } from './support/helpers.ts';
import { HAND_RUN, skill } from './support/hand-run.ts';

const origin = { origin: 'test', name: 'test-experiment' };

/** Where each planned file goes in the experiment folder. */
const filePaths = (exp: PlannedExperiment) =>
  exp.files.map((f) => pathOf(f.at, { source: exp.manifest.source ?? null }));

async function plan(files: Record<string, string>, map = {}) {
  const dir = await tempDir();
  await writeTree(dir, files);
  return planImport(await readTextFiles(dir), origin, map);
}

describeFixture('importing the fixture', () => {
  it('infers participants, source, judges and both verdicts', async () => {
    const result = planImport(await readTextFiles(FIXTURE), {
      origin: 'fixture',
      name: 'andrej-karpathy-llm-guidance',
    });
    expect(result.experiments).toHaveLength(1);
    const [exp] = result.experiments;
    expect(exp.slug).toBe('andrej-karpathy-llm-guidance');
    expect(exp.manifest.participants.map((p) => [p.id, p.model, p.provider])).toEqual([
      ['codex-5-3', 'Codex 5.3', 'openai'],
      ['opus-4-6', 'Opus 4.6', 'anthropic'],
    ]);
    expect(exp.manifest.source).toBe('karpathy-tweet.md');
    expect(exp.manifest.sourceAuthor).toBe('Andrej Karpathy');
    expect(exp.manifest.verdicts!.map((v) => [v.judge, v.winner])).toEqual([
      ['codex-5-3', 'opus-4-6'],
      ['opus-4-6', 'codex-5-3'],
    ]);
    const paths = filePaths(exp).sort();
    expect(paths).toEqual([
      'evaluations/codex-5-3.md',
      'evaluations/opus-4-6.md',
      'karpathy-tweet.md',
      'skills/codex-5-3/SKILL.md',
      'skills/codex-5-3/agents/openai.yaml',
      'skills/opus-4-6/SKILL.md',
      'skills/opus-4-6/references/philosophy.md',
    ]);
    expect(result.notes.join('\n')).toMatch(/judge codex-5-3.*winner opus-4-6/);
  });
});

describe('layouts of the family', () => {
  it('reads evaluation files placed directly in the pair folder, with free names', async () => {
    const r = await plan({
      'note.md': '# A note\n\nWrite small functions.',
      'README.md': '# readme',
      'skills/gpt-4o-small-functions/SKILL.md': skill('gpt-4o-small-functions'),
      'skills/claude-haiku-4-5-small-functions/SKILL.md': skill('claude-haiku-4-5-small-functions'),
      'evaluations/gpt-4o-vs-claude-haiku-4-5/review-by-gpt-4o.md':
        '## Verdict\n\nThe Haiku skill is better.',
      'evaluations/gpt-4o-vs-claude-haiku-4-5/claude-haiku-4-5.md':
        '**Winner:** gpt-4o-small-functions',
    });
    const [exp] = r.experiments;
    expect(exp.manifest.source).toBe('note.md');
    expect(exp.manifest.sourceAuthor).toBeUndefined(); // "note" names no author
    expect(exp.manifest.verdicts!.map((v) => [v.judge, v.winner])).toEqual([
      ['claude-haiku-4-5', 'gpt-4o'],
      ['gpt-4o', 'claude-haiku-4-5'],
    ]);
  });

  it('copies binary files of a skill byte for byte', async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      'source.md': 'text',
      'skills/gpt-5-x/SKILL.md': skill('gpt-5-x'),
      'skills/opus-4-x/SKILL.md': skill('opus-4-x'),
    });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]);
    await fs.writeFile(path.join(dir, 'skills/gpt-5-x/logo.png'), png);
    const r = planImport(await readTextFiles(dir, true), origin);
    const [exp] = r.experiments;
    expect(exp.files[filePaths(exp).indexOf('skills/gpt-5/logo.png')].content).toEqual(png);
  });

  it('makes one experiment per pair folder', async () => {
    const r = await plan({
      'source.md': 'text',
      'skills/a1-topic/SKILL.md': skill('a1-topic'),
      'skills/b2-topic/SKILL.md': skill('b2-topic'),
      'skills/c3-topic/SKILL.md': skill('c3-topic'),
      'evaluations/a1_vs_b2/a1/e.md': '**Winner:** b2-topic',
      'evaluations/b2_vs_c3/c3/e.md': '**Winner:** c3-topic',
    });
    expect(r.experiments.map((e) => e.slug)).toEqual([
      'test-experiment-a1-vs-b2',
      'test-experiment-b2-vs-c3',
    ]);
    expect(r.experiments[1].manifest.participants.map((p) => p.id)).toEqual(['b2', 'c3']);
    expect(filePaths(r.experiments[1]).some((p) => p.startsWith('skills/a1/'))).toBe(false);
  });

  it('stops with the file and the way to pin it when a judge cannot be told', async () => {
    const files = {
      'source.md': 'text',
      'skills/gpt-5-x/SKILL.md': skill('gpt-5-x'),
      'skills/opus-4-x/SKILL.md': skill('opus-4-x'),
      'evaluations/gpt-5_vs_opus-4/mystery/eval.md': '**Winner:** gpt-5-x',
    };
    const err = await plan(files).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toContain('evaluations/gpt-5_vs_opus-4/mystery');
    expect(err.message).toContain('judges:');
    // pinned, it goes through
    const r = await plan(files, { judges: { 'evaluations/gpt-5_vs_opus-4/mystery': 'opus-4' } });
    expect(r.experiments[0].manifest.verdicts).toMatchObject([
      { judge: 'opus-4', winner: 'gpt-5' },
    ]);
  });

  it('stops when several files could be the source', async () => {
    const err = await plan({
      'a.md': 'x',
      'b.md': 'y',
      'skills/gpt-5-t/SKILL.md': skill('gpt-5-t'),
      'skills/opus-4-t/SKILL.md': skill('opus-4-t'),
    }).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(/a\.md, b\.md.*source: <file>/);
  });

  it('stops when the skill folder names do not tell the models apart', async () => {
    const err = await plan({
      's.md': 'x',
      'skills/first/SKILL.md': skill('first'),
      'skills/second/SKILL.md': skill('second'),
    }).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toContain('participants:');
  });

  it('takes pinned participants, models and verdicts from the mapping file', async () => {
    const map = parseImportMap(
      'participants:\n  alpha: { skill: first, model: Alpha One, provider: openai }\n  beta: { skill: second, model: Beta Two }\njudges:\n  evaluations/x.md: alpha\nverdicts:\n  evaluations/x.md: null\n',
      'crossjudge.yaml',
    );
    const r = await plan(
      {
        's.md': 'x',
        'skills/first/SKILL.md': skill('first'),
        'skills/second/SKILL.md': skill('second'),
        'evaluations/x.md': '**Winner:** first',
      },
      map,
    );
    const m = r.experiments[0].manifest;
    expect(m.participants.map((p) => [p.id, p.model])).toEqual([
      ['alpha', 'Alpha One'],
      ['beta', 'Beta Two'],
    ]);
    expect(m.verdicts).toMatchObject([{ judge: 'alpha', winner: null, pinned: true }]);
  });

  it('rejects a mapping file field with a message naming it', () => {
    expect(() => parseImportMap('participants:\n  alpha: { skil: first }\n', 'map.yaml')).toThrow(
      /map\.yaml[\s\S]*participants\.alpha/,
    );
  });
});

describeFixture('re-importing', () => {
  it('keeps the title, model names and pinned verdicts a person edited', async () => {
    const r = planImport(await readTextFiles(FIXTURE), { origin: 'fixture', name: 'fx' });
    const fresh = r.experiments[0].manifest;
    const edited = {
      ...fresh,
      title: 'My title',
      participants: fresh.participants.map((p) => ({
        ...p,
        model: p.id === 'opus-4-6' ? 'Claude Opus 4.6' : p.model,
      })),
      verdicts: [
        { judge: 'codex-5-3', winner: null, evidence: '', pinned: true },
        fresh.verdicts![1],
      ],
    };
    const merged = mergeManifest(fresh, edited);
    expect(merged.title).toBe('My title');
    expect(merged.participants.find((p) => p.id === 'opus-4-6')!.model).toBe('Claude Opus 4.6');
    expect(merged.verdicts).toMatchObject([
      { judge: 'codex-5-3', winner: null, pinned: true },
      { judge: 'opus-4-6', winner: 'codex-5-3' },
    ]);
  });
});

describe('the import command', () => {
  const run = (args: string[], env: Record<string, string>) =>
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      stdio: 'pipe',
    });

  it('clones a git URL, records its commit and date, and keeps edits on re-import', async () => {
    const repo = await tempDir();
    await writeTree(repo, HAND_RUN);
    const git = (...a: string[]) => execFileSync('git', a, { cwd: repo, encoding: 'utf8' }).trim();
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@e', 'add', '.');
    execFileSync(
      'git',
      [
        '-c',
        'user.name=t',
        '-c',
        'user.email=t@e',
        'commit',
        '-qm',
        'x',
        '--date',
        '2026-01-05T10:00:00Z',
      ],
      { cwd: repo, env: { ...process.env, GIT_COMMITTER_DATE: '2026-01-05T10:00:00Z' } },
    );
    const commit = git('rev-parse', 'HEAD');
    const content = await tempDir();
    const out = run([`file://${repo}`, '--slug', 'karpathy'], { CROSSJUDGE_CONTENT: content });
    expect(out).toContain('wrote');
    const dir = path.join(content, 'experiments', 'karpathy');
    let yaml = await fs.readFile(path.join(dir, 'experiment.yaml'), 'utf8');
    expect(yaml).toContain(`commit: ${commit}`);
    expect(yaml).toContain('date: 2026-01-05');
    // a person edits the title; re-importing keeps it
    yaml = yaml.replace(/^title: .*$/m, 'title: Edited by hand');
    await fs.writeFile(path.join(dir, 'experiment.yaml'), yaml);
    await fs.mkdir(path.join(dir, 'runs/calls'), { recursive: true });
    await fs.writeFile(path.join(dir, 'runs/calls/abc.json'), '{}');
    run([`file://${repo}`, '--slug', 'karpathy'], { CROSSJUDGE_CONTENT: content });
    expect(await fs.readFile(path.join(dir, 'experiment.yaml'), 'utf8')).toContain(
      'title: Edited by hand',
    );
    expect(await fs.readFile(path.join(dir, 'runs/calls/abc.json'), 'utf8')).toBe('{}'); // a run's calls stay
  });

  const fails = (args: string[], env: Record<string, string>) => {
    try {
      run(args, env);
    } catch (e) {
      return e as { stdout: string; stderr: string; status: number };
    }
    throw new Error('the command succeeded');
  };

  it('refuses an empty slug and leaves every experiment in place', async () => {
    const repo = await tempDir();
    await writeTree(repo, HAND_RUN);
    const content = await tempDir();
    await writeTree(content, { 'experiments/kept/experiment.yaml': 'title: kept\n' });
    const err = fails([repo, '--slug', ''], { CROSSJUDGE_CONTENT: content });
    expect(err.status).toBe(1);
    expect(err.stderr).toContain('--slug "": use lowercase letters');
    expect(await fs.readdir(path.join(content, 'experiments'))).toEqual(['kept']);
    expect(await fs.readFile(path.join(content, 'experiments/kept/experiment.yaml'), 'utf8')).toBe(
      'title: kept\n',
    );
  });

  it('stops, writing nothing, when the experiment it would update does not parse', async () => {
    const repo = await tempDir();
    await writeTree(repo, HAND_RUN);
    const content = await tempDir();
    run([repo, '--slug', 'x'], { CROSSJUDGE_CONTENT: content });
    const file = path.join(content, 'experiments/x/experiment.yaml');
    const broken = (await fs.readFile(file, 'utf8')).replace(
      /^title: (.*)$/m,
      'title: "$1\n  pinned: [',
    );
    await fs.writeFile(file, broken);
    const err = fails([repo, '--slug', 'x'], { CROSSJUDGE_CONTENT: content });
    expect(err.status).toBe(1);
    expect(err.stderr).toContain(`${file} is not valid YAML`);
    expect(err.stderr).toContain('nothing was written');
    expect(err.stdout).not.toMatch(/wrote|updated/);
    expect(await fs.readFile(file, 'utf8')).toBe(broken);
    // a folder in the way that holds no experiment stops it too
    await writeTree(content, { 'experiments/y/notes.txt': 'mine' });
    expect(fails([repo, '--slug', 'y'], { CROSSJUDGE_CONTENT: content }).stderr).toContain(
      'holds no experiment.yaml',
    );
    expect(await fs.readdir(path.join(content, 'experiments/y'))).toEqual(['notes.txt']);
  });

  it("records a folder's origin remote without its credentials, and prints none", async () => {
    const repo = await tempDir();
    await writeTree(repo, HAND_RUN);
    const git = (...a: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...a], {
        cwd: repo,
        encoding: 'utf8',
      });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'x');
    git('remote', 'add', 'origin', 'https://someone:ghp_s3cretToken@github.com/someone/exp.git');
    const content = await tempDir();
    const out = run([repo, '--slug', 'cred'], { CROSSJUDGE_CONTENT: content });
    const yaml = await fs.readFile(path.join(content, 'experiments/cred/experiment.yaml'), 'utf8');
    expect(yaml).toContain('origin: https://github.com/someone/exp.git');
    expect(yaml).toContain('url: https://github.com/someone/exp');
    expect(yaml + out).not.toContain('s3cret');
  });

  it('reports bad input without a stack trace', async () => {
    const content = await tempDir();
    let err: { stderr: string; status: number } | undefined;
    try {
      run(['/nonexistent/folder'], { CROSSJUDGE_CONTENT: content });
    } catch (e) {
      err = e as { stderr: string; status: number };
    }
    expect(err?.status).toBe(1);
    expect(err?.stderr).toContain('no such folder');
    expect(err?.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('what the importer says', () => {
  it('notes an evaluation file that sits outside every pair folder', async () => {
    const r = await plan({
      ...HAND_RUN,
      'evaluations/stray.md': '**Winner:** gpt-5-small-functions',
    });
    expect(r.notes).toContain(
      'evaluations/stray.md: skipped, it sits outside every pair folder (evaluations/<a>_vs_<b>/)',
    );
  });

  it('says where each skill folder went', async () => {
    const r = await plan(HAND_RUN);
    expect(r.notes.find((n) => n.startsWith('participant gpt-5 '))).toMatch(
      /skills\/gpt-5-small-functions\/ imported as skills\/gpt-5\/$/,
    );
  });

  it('stops at mapping-file keys that match no evaluation or skill folder', async () => {
    const judge = await plan(HAND_RUN, {
      judges: { 'evaluations/gpt-5_vs_opus-4/gpt5': 'gpt-5' },
    }).catch((e) => e);
    expect(judge).toBeInstanceOf(UserError);
    expect(judge.message).toMatch(
      /^crossjudge\.yaml: judges\.evaluations\/gpt-5_vs_opus-4\/gpt5 names no evaluation \(evaluations: .*evaluations\/gpt-5_vs_opus-4\/gpt-5,/,
    );
    const verdict = await plan(HAND_RUN, { verdicts: { 'evaluations/nowhere.md': null } }).catch(
      (e) => e,
    );
    expect(verdict.message).toMatch(
      /^crossjudge\.yaml: verdicts\.evaluations\/nowhere\.md names no evaluation/,
    );
    const folder = await plan(HAND_RUN, {
      participants: { 'gpt-5': { skill: 'gpt5-small-functions' } },
    }).catch((e) => e);
    expect(folder.message).toMatch(
      /^crossjudge\.yaml: participants\.gpt-5\.skill is "gpt5-small-functions", which is no skill folder/,
    );
  });

  it('names the mapping file and the key of a pinned winner that is no skill of the pair', async () => {
    const err = await plan(HAND_RUN, {
      verdicts: { 'evaluations/gpt-5_vs_opus-4/gpt-5': 'opus-5' },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(
      'crossjudge.yaml: verdicts.evaluations/gpt-5_vs_opus-4/gpt-5 is "opus-5", not a skill of evaluations/gpt-5_vs_opus-4 (gpt-5, opus-4; null for a tie or no decision)',
    );
  });

  it('refuses an empty or malformed slug', () => {
    for (const slug of ['', '-x', 'A', '../x'])
      expect(() => planImport([], origin, {}, slug), slug).toThrow(/slug/);
  });
});

describe('replacing a folder', () => {
  it('refuses any target that is not a folder directly inside the given parent', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'experiments/a/experiment.yaml': 'x',
      'experiments/b/experiment.yaml': 'y',
    });
    const parent = path.join(root, 'experiments');
    const fill = async (tmp: string) => writeTree(tmp, { 'new.txt': 'new' });
    for (const target of [
      parent,
      path.join(parent, ''),
      path.join(parent, '.'),
      root,
      path.join(parent, 'a', 'sub'),
    ])
      await expect(replaceFolder(parent, target, fill), target).rejects.toThrow(/refusing/);
    expect((await fs.readdir(parent)).sort()).toEqual(['a', 'b']);
    await replaceFolder(parent, path.join(parent, 'a'), fill);
    expect(await fs.readdir(path.join(parent, 'a'))).toEqual(['new.txt']);
  });
});

describe('web addresses of remotes', () => {
  it('turns ssh and https remotes into links and leaves file URLs alone', () => {
    expect(webUrl('git@github.com:o/r.git')).toBe('https://github.com/o/r');
    expect(webUrl('https://github.com/o/r.git')).toBe('https://github.com/o/r');
    expect(webUrl('file:///tmp/r')).toBeUndefined();
  });
});

describe('names as people write them', () => {
  it('reads a judge named by the family alone inside its pair, and a winner named without its prefix', async () => {
    const r = await plan({
      'source.md': 'text',
      'skills/codex-5-2-tidy-code/SKILL.md': skill('codex-5-2-tidy-code'),
      'skills/codex-5-3-code-discipline/SKILL.md': skill('codex-5-3-code-discipline'),
      'skills/opus-4-6-code-guidelines/SKILL.md': skill('opus-4-6-code-guidelines'),
      'evaluations/codex5-3_vs_opus4-6/codex-eval.md':
        'The coding-guidelines skill is the better one overall.\n',
      'evaluations/codex5-3_vs_opus4-6/opus.md': '**Winner:** `Code Disciplined`\n',
    });
    const [exp] = r.experiments;
    expect(exp.manifest.participants.map((p) => p.id)).toEqual(['codex-5-3', 'opus-4-6']);
    expect(exp.manifest.verdicts!.map((v) => [v.judge, v.winner])).toEqual([
      ['codex-5-3', 'opus-4-6'],
      ['opus-4-6', 'codex-5-3'],
    ]);
  });

  it('still stops when the family alone fits two of the pair', async () => {
    const err = await plan({
      'source.md': 'text',
      'skills/codex-5-2-tidy/SKILL.md': skill('codex-5-2-tidy'),
      'skills/codex-5-3-tidy/SKILL.md': skill('codex-5-3-tidy'),
      'evaluations/codex5-2_vs_codex5-3/codex.md': '**Winner:** codex-5-2-tidy',
    }).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(/it could be codex-5-2 or codex-5-3/);
  });
});

describe('layouts declared in crossjudge.yaml (the README examples)', () => {
  const run = (args: string[], env: Record<string, string>) =>
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      stdio: 'pipe',
    });
  const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);

  it('imports single-file essays ranked by blind labels as one experiment', async () => {
    const content = await tempDir();
    run([fixture('essay-contest')], { CROSSJUDGE_CONTENT: content });
    const e = await readExperiment(path.join(content, 'experiments', 'essay-contest'));
    expect(e.manifest.artifacts).toBe('files');
    expect(e.manifest.source).toBe('brief.md');
    expect(e.skills.map((s) => [s.participant, s.files.map((f) => f.path)])).toEqual([
      ['claude-opus-4-6', ['claude-opus-4-6.md']],
      ['gemini-2-5-pro', ['gemini-2-5-pro.md']],
      ['gpt-5', ['gpt-5.md']],
    ]);
    const byJudge = Object.fromEntries(e.manifest.verdicts.map((v) => [v.judge, v.ranking]));
    expect(byJudge).toEqual({
      'gpt-5': ['claude-opus-4-6', 'gpt-5', 'gemini-2-5-pro'],
      'claude-opus-4-6': ['gpt-5', 'claude-opus-4-6', 'gemini-2-5-pro'],
      'gemini-2-5-pro': ['claude-opus-4-6', 'gemini-2-5-pro', 'gpt-5'],
    });
    const json = toPublicJson(e, analyze(e), 'x', new Anchors());
    expect(json.artifactName).toBe('essay');
    expect(json.verdicts.find((v) => v.judge === 'gpt-5')).toMatchObject({
      winner: 'claude-opus-4-6',
      ranking: ['claude-opus-4-6', 'gpt-5', 'gemini-2-5-pro'],
    });
    expect(analyze(e).skills.every((s) => !s.problem)).toBe(true); // essays are not skills: no SKILL.md expected
    // the page calls them what the map says they are
    expect(e.manifest.artifactName).toBe('essay');
    expect(analyze(e).noun).toEqual({ one: 'essay', many: 'essays' });
    const a = analyze(e);
    const names = Object.fromEntries(e.manifest.participants.map((p) => [p.id, p.model]));
    const figure = layoutFigure({
      names,
      skills: e.skills.map((s) => s.participant),
      verdicts: a.verdicts,
      noun: a.noun.one,
    });
    expect(figure.picked).toBe('Essay it picked');
    expect(figure.desc).toContain(`${names['gpt-5']} picked: ${names['claude-opus-4-6']}’s essay.`);
  });

  it('imports rounds without a source, with pinned participants and judges named by their folder', async () => {
    const content = await tempDir();
    run([fixture('monster-workshop')], { CROSSJUDGE_CONTENT: content });
    const one = await readExperiment(path.join(content, 'experiments', 'monster-workshop-round-1'));
    const two = await readExperiment(path.join(content, 'experiments', 'monster-workshop-round-2'));
    expect(one.manifest.source).toBeNull();
    expect(one.manifest.title).toBe('Monster workshop, round 1');
    expect(
      one.skills
        .find((s) => s.participant === 'opus-4-6')!
        .files.map((f) => f.path)
        .sort(),
    ).toEqual(['notes.md', 'statblock.md']);
    expect(one.manifest.verdicts.map((v) => [v.judge, v.winner])).toEqual([
      ['gpt-5', 'gpt-5'],
      ['opus-4-6', 'opus-4-6'],
    ]);
    expect(two.manifest.verdicts.map((v) => [v.judge, v.winner])).toEqual([
      ['gpt-5', 'opus-4-6'],
      ['opus-4-6', null],
    ]);
  });
});

describe('prompts of an imported experiment', () => {
  it('come from crossjudge.yaml, as text or as a file of the folder', async () => {
    const files = {
      'source.md': 'text',
      'skills/gpt-5-x/SKILL.md': skill('gpt-5-x'),
      'skills/opus-4-x/SKILL.md': skill('opus-4-x'),
      'notes/judge.txt': 'Judge {skills}.\n',
    };
    const result = await plan(
      files,
      parseImportMap(
        'prompts:\n  generation: "Write a skill from {source}."\n  evaluation: notes/judge.txt\n',
        'crossjudge.yaml',
      ),
    );
    expect(result.experiments[0].manifest.prompts).toEqual({
      generation: 'Write a skill from {source}.',
      evaluation: 'Judge {skills}.',
    });
  });
});
