// Replacing a folder at once, so that a crash at any point leaves the old folder or the new one in
// place, and the next command finishes or rolls back what was left half done. The new folder is
// filled beside the old one under a hidden name that says how far it got:
//   .<name>.fill-<id>    being filled: unfinished, removed by the next command that writes <name>
//   .<name>.ready-<id>   filled: moved in place of <name> by the next step, or by recovery
//   .<name>.old-<id>     the old folder, moved aside: removed once the new one is in place,
//                        moved back by recovery when the new one never got there
// Each step is one rename (or the removal of a folder no longer needed).
import fss, { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { isMissing } from './errors.ts';
import { isSafeRelativePath } from './contain.ts';

type Stage = 'fill' | 'ready' | 'old';

interface Leftover {
  name: string;
  stage: Stage;
  path: string;
}

const HIDDEN = /^\.(.+)\.(fill|ready|old)-([0-9a-f]{12})$/;
/** What earlier versions left: <name>.new-<id> (unfinished, as far as can be told) and <name>.old-<id>. */
const LEGACY = /^(.+)\.(new|old)-([0-9a-f]{12})$/;

/** A folder a swap left behind (any stage, this version's or an earlier one's), by its name. */
export const isLeftover = (name: string) => HIDDEN.test(name) || LEGACY.test(name);

const exists = (p: string) =>
  fs.lstat(p).then(
    () => true,
    (err) => (isMissing(err) ? false : Promise.reject(err)),
  );

const remove = (p: string) => fs.rm(p, { recursive: true, force: true });

/**
 * The leftovers of swaps in `parent`, of any folder; none when `parent` is missing or a link.
 * Synchronous: every read of an experiment looks, and there is almost never any.
 */
async function leftoversIn(parent: string): Promise<Leftover[]> {
  if (!isFolder(parent)) return [];
  const out: Leftover[] = [];
  for (const entry of fss.readdirSync(parent)) {
    const hidden = entry.match(HIDDEN);
    const legacy = hidden ? null : entry.match(LEGACY);
    const m = hidden ?? legacy;
    if (!m) continue;
    const stage = (m[2] === 'new' ? 'fill' : m[2]) as Stage;
    out.push({ name: m[1], stage, path: path.join(parent, entry) });
  }
  return out;
}

function isFolder(p: string): boolean {
  try {
    return fss.lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The most recently changed of some leftovers. */
async function newest(list: Leftover[]): Promise<Leftover> {
  const times = await Promise.all(list.map((l) => fs.lstat(l.path).then((s) => s.mtimeMs)));
  return list[times.indexOf(Math.max(...times))];
}

/**
 * Finishes or rolls back a swap of `parent/name` that a crash left half done: with no folder in
 * place, the old one goes back (or, for a first write, the filled one goes in); then the leftovers
 * go. Unfinished fills are removed only when `removeUnfinished` (a command about to write `name`).
 */
export async function recoverFolder(
  parent: string,
  name: string,
  removeUnfinished: boolean,
): Promise<void> {
  const mine = (await leftoversIn(parent)).filter((l) => l.name === name);
  const of = (stage: Stage) => mine.filter((l) => l.stage === stage);
  let rest = mine;
  const dir = path.join(parent, name);
  if (!(await exists(dir))) {
    const from = of('old').length ? of('old') : of('ready');
    const restore = from.length ? await newest(from) : null;
    if (restore) await fs.rename(restore.path, dir);
    rest = mine.filter((l) => l !== restore);
  }
  for (const l of rest) if (l.stage !== 'fill' || removeUnfinished) await remove(l.path);
}

/** Recovers every half-done swap in `parent` (recoverFolder), leaving unfinished fills alone. */
export async function recoverSwaps(parent: string): Promise<void> {
  const names = new Set((await leftoversIn(parent)).map((l) => l.name));
  for (const name of names) await recoverFolder(parent, name, false);
}

export interface Step {
  name: string;
  run: () => Promise<void>;
}

/** The steps that put the filled `.name.fill-<id>` in place of `parent/name`, each one rename or removal. */
export function swapSteps(parent: string, name: string, id: string): Step[] {
  const dir = path.join(parent, name);
  const at = (stage: Stage) => path.join(parent, `.${name}.${stage}-${id}`);
  return [
    { name: 'filled', run: () => fs.rename(at('fill'), at('ready')) },
    {
      name: 'old aside',
      run: () =>
        fs
          .rename(dir, at('old'))
          .catch((err) => (isMissing(err) ? undefined : Promise.reject(err))),
    },
    { name: 'new in place', run: () => fs.rename(at('ready'), dir) },
    { name: 'old removed', run: () => remove(at('old')) },
  ];
}

/** Where `fill` writes the new folder for `swapSteps(parent, name, id)`. */
export const fillingFolder = (parent: string, name: string, id: string) =>
  path.join(parent, `.${name}.fill-${id}`);

/**
 * Replaces the folder `dir`, which must be a folder directly inside `parent`, with one written by
 * `fill` into a fresh hidden sibling. If `fill` throws, `dir` is untouched; a crash at any point
 * leaves `dir` old or new, and the next replaceFolder (or recoverFolder) of it finishes the job.
 */
export async function replaceFolder(
  parent: string,
  dir: string,
  fill: (tmpDir: string) => Promise<void>,
): Promise<void> {
  const name = path.basename(dir);
  const inside = path.resolve(path.dirname(dir)) === path.resolve(parent);
  if (!inside || !isSafeRelativePath(name) || path.resolve(dir) === path.resolve(parent))
    throw new Error(`refusing to replace ${dir}: not a folder directly inside ${parent}`);
  await recoverFolder(parent, name, true);
  const id = randomBytes(6).toString('hex');
  const filling = fillingFolder(parent, name, id);
  await fs.mkdir(filling, { recursive: true });
  try {
    await fill(filling);
  } catch (err) {
    await remove(filling);
    throw err;
  }
  for (const step of swapSteps(parent, name, id)) await step.run();
}
