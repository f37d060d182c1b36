// A run on the shipped sample (or a copy of it, as the README's walkthrough makes) turns it into a
// run of its own: no longer sample data, not titled "Sample", and without the sample's post, whose
// pull-quotes quote the sample's evaluations that the run replaces (kept as post.draft.md).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { editManifest } from '../content/experiment.ts';
import { POST, POST_DRAFT } from '../content/experiment/location.ts';
import { isMissing } from '../content/errors.ts';
import type { Manifest } from '../content/schema.ts';

export const isSample = (m: Manifest) => m.sample || m.provenance.kind === 'sample';

/** "Sample: commit-message skills" -> "Commit-message skills". */
export const unsampledTitle = (title: string) => {
  const rest = title.replace(/^\s*sample\s*[:·—–-]\s*/i, '');
  return rest ? rest[0].toUpperCase() + rest.slice(1) : title;
};

/** Moves post.md to post.draft.md (post.sample.md when there is a draft); what it did, or null. */
async function setPostAside(dir: string): Promise<string | null> {
  const free = await fs.lstat(path.join(dir, POST_DRAFT)).then(
    () => false,
    () => true,
  );
  const to = free ? POST_DRAFT : 'post.sample.md';
  return fs.rename(path.join(dir, POST), path.join(dir, to)).then(
    () =>
      `${POST} moved to ${to}: its pull-quotes quote the sample's evaluations, which this run replaces`,
    (err) => (isMissing(err) ? null : Promise.reject(err)),
  );
}

/**
 * Makes a sample experiment about to be run a run of its own: marks it as run, drops the sample's
 * title prefix and summary and sets its post aside. Says what it did (nothing when not a sample).
 */
export async function leaveSample(dir: string, m: Manifest): Promise<string[]> {
  if (!isSample(m)) return [];
  await editManifest(dir, (doc) => {
    doc.delete('sample');
    doc.delete('summary'); // it describes the sample's data
    doc.set('title', unsampledTitle(m.title));
    doc.set('provenance', doc.createNode({ kind: 'run' }));
    // the sample's opening comment says no model produced these files
    doc.commentBefore = null;
    const first = YAML.isMap(doc.contents) ? doc.contents.items[0]?.key : null;
    if (YAML.isNode(first)) first.commentBefore = undefined;
  });
  const post = await setPostAside(dir);
  return [
    `a copy of the sample: now a run of its own, titled "${unsampledTitle(m.title)}"`,
    ...(post ? [post] : []),
  ];
}
