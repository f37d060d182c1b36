// Where things are in one experiment folder. Every path of the folder is built here, and pages,
// findings and posts point at its texts by a typed Location, never by a path parsed back.
//   experiment.yaml            the manifest (schema.ts)
//   <source>.md                the source material (the manifest's `source`)
//   skills/<participant>/...   every file of each skill
//   evaluations/<judge>.md     each judge's evaluation
//   runs/calls/<key>.json      each model call of a run or of an import's --read-with reader
//   post.md                    the article about it (optional)
//   .crossjudge/imported.json  what an import wrote, for the next import to replace (importer only)

export const MANIFEST = 'experiment.yaml';
export const POST = 'post.md';
/** Where a draft goes when there is a post.md already. */
export const POST_DRAFT = 'post.draft.md';
export const CALLS_DIR = 'runs/calls';
export const SKILLS_DIR = 'skills';
export const EVALUATIONS_DIR = 'evaluations';
export const IMPORT_RECORD = '.crossjudge/imported.json';

/** A text of an experiment: its source, a file of a participant's skill, or a judge's evaluation. */
export type Location =
  | { kind: 'source' }
  | { kind: 'skill'; participant: string; file: string }
  | { kind: 'evaluation'; judge: string };

/** The folder of a participant's skill, relative to the experiment folder. */
export const skillDir = (participant: string) => `${SKILLS_DIR}/${participant}`;

/** A stored call, relative to the experiment folder. */
export const callPath = (key: string) => `${CALLS_DIR}/${key}.json`;

/** A location's path relative to the experiment folder; the source's is the manifest's `source`. */
export function pathOf(at: Location, manifest: { source: string | null }): string {
  switch (at.kind) {
    case 'source':
      if (manifest.source === null) throw new Error('this experiment has no source');
      return manifest.source;
    case 'skill':
      return `${skillDir(at.participant)}/${at.file}`;
    case 'evaluation':
      return `${EVALUATIONS_DIR}/${at.judge}.md`;
  }
}
