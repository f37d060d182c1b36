// Small hand-made experiments in memory, for the tests of what the site derives from them.
import type { Experiment } from '../../src/lib/content/experiment.ts';
import { ManifestSchema, type ManifestInput } from '../../src/lib/content/schema.ts';

type Spec = Partial<ManifestInput> &
  Pick<ManifestInput, 'participants'> & {
    slug?: string;
    /** participant -> { path: text } */
    skills?: Record<string, Record<string, string>>;
    /** judge -> evaluation text */
    evaluations?: Record<string, string>;
    source?: string;
  };

const skill = (name: string) =>
  `---\nname: ${name}\ndescription: A skill.\n---\n\n# ${name}\n\nDo the thing.\n`;

export function makeExperiment(spec: Spec): Experiment {
  const {
    slug = 'exp',
    skills,
    evaluations = {},
    source = 'The source note.\n',
    ...manifest
  } = spec;
  const parsed = ManifestSchema.parse({
    title: slug,
    date: '2026-11-01',
    provenance: { kind: 'run' },
    ...manifest,
  });
  const files =
    skills ??
    Object.fromEntries(
      parsed.participants.map((p) => [p.id, { 'SKILL.md': skill(`${p.id}-skill`) }]),
    );
  return {
    slug,
    manifest: parsed,
    source,
    skills: Object.entries(files).map(([participant, fs]) => ({
      participant,
      files: Object.entries(fs).map(([path, content]) => ({
        path,
        content,
        bytes: Buffer.byteLength(content),
      })),
    })),
    evaluations: Object.entries(evaluations).map(([judge, content]) => ({
      judge,
      path: `evaluations/${judge}.md`,
      content,
    })),
    calls: [],
    post: null,
  };
}

/** A judge's run in one order: the skills as shown, and its pick. */
export const run = (order: string[], winner: string | null) => ({
  order,
  winner,
  tie: false,
  reason: '',
});
