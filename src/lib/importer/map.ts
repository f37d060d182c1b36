// The optional mapping file (crossjudge.yaml) a person writes to pin what the importer cannot infer.
import { z } from 'zod';
import { parseYaml } from '../content/yaml.ts';
import { PROVIDERS, ParticipantSchema, describeIssues } from '../content/schema.ts';
import { UserError } from '../content/experiment.ts';

export const MAP_FILE = 'crossjudge.yaml';

const patterns = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
/**
 * Where the files are, by path pattern: `*` (within a folder), `**` (across folders),
 * `{participant}` or `{artifact}` (an artifact's name), `{model}` (the model that made it), `{judge}`.
 */
const LayoutShape = {
  /** Each match is one participant's artifact: a folder (a skill, or any files) or a single file. */
  artifacts: patterns.optional(),
  /** Each match is one evaluation (a file, or a folder of files); `{judge}` names who wrote it. */
  evaluations: patterns.optional(),
};

/** The optional mapping file a person writes to pin what the importer cannot infer. */
export const ImportMapSchema = z
  .object({
    title: z.string().optional(),
    summary: z.string().optional(),
    /** The source material's path, or null (also "none") when there is none. */
    source: z.string().nullable().optional(),
    sourceAuthor: z.string().optional(),
    /** What the page calls one artifact, e.g. essay (see the manifest's artifactName). */
    artifactName: z.string().optional(),
    prompts: z
      .object({ generation: z.string().optional(), evaluation: z.string().optional() })
      .strict()
      .optional(),
    /** participant id -> its skill folder (under skills/) and model. */
    participants: z
      .record(
        ParticipantSchema.shape.id,
        z
          .object({
            skill: z.string().optional(),
            model: z.string().optional(),
            /** Who makes the model, free text ("Google"); never inferred from a name. */
            maker: z.string().min(1).optional(),
            /** How crossjudge would call the model in a run; never inferred from a name. */
            provider: z.enum(PROVIDERS).optional(),
            /** An artifact of another model: that model's id (a model may make several artifacts). */
            by: ParticipantSchema.shape.id.optional(),
            /** The model whose review the artifact was revised after. */
            revisedWith: ParticipantSchema.shape.id.optional(),
          })
          .strict(),
      )
      .optional(),
    /** evaluation file or folder path -> judge's participant id. */
    judges: z.record(z.string(), ParticipantSchema.shape.id).optional(),
    /** evaluation file or folder path -> the participant whose artifact it reviews (a review of one, not a comparison). */
    reviews: z.record(z.string(), ParticipantSchema.shape.id).optional(),
    /** evaluation file or folder path -> the winner's participant id, or null for a tie / no decision. */
    verdicts: z.record(z.string(), ParticipantSchema.shape.id.nullable()).optional(),
    /** Blind label -> participant id for every evaluation, or evaluation path -> { label: id }. */
    labels: z
      .record(
        z.string(),
        z.union([ParticipantSchema.shape.id, z.record(z.string(), ParticipantSchema.shape.id)]),
      )
      .optional(),
    ...LayoutShape,
    /** Several experiments in one folder: name -> where its artifacts and evaluations are. */
    experiments: z
      .record(
        z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a name of lowercase letters, digits and dashes'),
        z
          .object({
            ...LayoutShape,
            title: z.string().optional(),
            source: z.string().nullable().optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();
export type ImportMap = z.infer<typeof ImportMapSchema>;

export function parseImportMap(text: string, file: string): ImportMap {
  const parsed = ImportMapSchema.safeParse(parseYaml(text, file) ?? {});
  if (!parsed.success)
    throw new UserError(describeIssues(file, parsed.error, 'import mapping file'));
  return parsed.data;
}

/** How an error tells the user to pin what could not be inferred. */
export const pinHint = (what: string) =>
  `pin it in ${MAP_FILE} at the folder's root (or a file passed with --map), ${what}`;
