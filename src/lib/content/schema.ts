// The content model: one zod schema for an experiment's manifest (experiment.yaml).
// The importer writes it, the runner reads and writes it, the site's content collection loads it.
import { z } from 'zod';
import { stripCredentials } from './secrets.ts';
import { isSafeRelativePath } from './contain.ts';

export const PARTICIPANT_ID = /^[a-z0-9][a-z0-9._-]*$/;
const participantId = z
  .string()
  .regex(PARTICIPANT_ID, 'an id of lowercase letters, digits, dots, dashes or underscores');

/** A file of the experiment folder: relative, inside it (contain.ts refuses links as it reads). */
const folderPath = z
  .string()
  .refine(isSafeRelativePath, 'a path inside the experiment folder, without ".." or a leading /');

export const PROVIDERS = ['openai', 'anthropic', 'openai-compatible'] as const;

export const ParamsSchema = z
  .object({
    maxOutputTokens: z.number().int().positive().optional(),
    temperature: z.number().min(0).max(2).optional(),
    reasoningEffort: z.enum(['minimal', 'low', 'medium', 'high']).optional(),
  })
  .strict();

export const ParticipantSchema = z
  .object({
    id: participantId,
    /** The model: the API's model id for a run, or the name a person gave it. */
    model: z.string().min(1),
    /** How the model is shown on the site; defaults to `model`. */
    label: z.string().min(1).optional(),
    provider: z.enum(PROVIDERS).optional(),
    /** For openai-compatible servers (Ollama, vLLM, ...). */
    baseURL: z.url({ protocol: /^https?$/, error: 'an http:// or https:// address' }).optional(),
    params: ParamsSchema.optional(),
    /** Seconds one API call may take, the SDK's retries included (default 300). */
    timeout: z.number().positive().max(86_400).optional(),
    /** The skill's folder name where it came from, when imported. */
    skillFolder: z.string().optional(),
  })
  .strict();

/** One judgment run by the runner: a judge seeing the skills in one order. */
export const JudgmentRunSchema = z
  .object({
    order: z.array(participantId).min(2),
    /** Blind label shown to the judge -> participant id, e.g. { "Skill A": "opus" }. */
    labels: z.record(z.string(), participantId).optional(),
    winner: participantId.nullable(),
    tie: z.boolean().default(false),
    reason: z.string().default(''),
    evaluation: z.string().optional(),
    call: z.string().optional(),
  })
  .strict();

export const VerdictSchema = z
  .object({
    judge: participantId,
    /** The participant whose skill the judge picked; null when it cannot be determined or is a tie. */
    winner: participantId.nullable(),
    /** The sentence of the evaluation the verdict was read from. */
    evidence: z.string().default(''),
    /** Why the winner is null (tie, ambiguous, ...), or how it was decided. */
    reason: z.string().optional(),
    /** Set by a person: the importer keeps this verdict as it is on re-import. */
    pinned: z.boolean().optional(),
    /** The judge's whole ranking, best first, when it ranked the participants (the winner is first). */
    ranking: z.array(participantId).min(2).optional(),
    /** Read by a model (--read-with provider:model) where the prose reader left it open; `call` is its stored call. */
    readBy: z.string().optional(),
    call: z.string().optional(),
    /** Runner only: every run in every order, and whether the judge agreed with itself. */
    runs: z.array(JudgmentRunSchema).optional(),
    consistent: z.boolean().optional(),
  })
  .strict();

export const ProvenanceSchema = z
  .object({
    kind: z.enum(['import', 'run', 'sample']),
    /** Where it came from; credentials in a URL are dropped as it is read, so they are never published. */
    origin: z.string().transform(stripCredentials).optional(),
    /** A web link to the origin, when there is one: shown as a link, so http and https only. */
    url: z
      .url({ protocol: /^https?$/, error: 'an http:// or https:// address' })
      .transform(stripCredentials)
      .optional(),
    commit: z.string().optional(),
    path: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();

export const JudgingSchema = z
  .object({
    judges: z.array(participantId).optional(),
    blind: z.boolean().default(true),
    swap: z.boolean().default(true),
    seed: z.number().int().default(1),
  })
  .strict();

export const ManifestSchema = z
  .object({
    title: z.string().min(1),
    date: z.coerce.date(),
    summary: z.string().default(''),
    /** Shown on the site as sample data, not a real experiment. */
    sample: z.boolean().default(false),
    provenance: ProvenanceSchema,
    /** The source material, a markdown file in the experiment folder; null when there is none. */
    source: folderPath.nullable().default('source.md'),
    /** What each participant made: a skill (a folder with SKILL.md) or files of any other kind (an essay, a review). */
    artifacts: z.enum(['skills', 'files']).default('skills'),
    /** What the page calls one artifact ("essay", "statblock"); by default "skill", or "piece" for files. */
    artifactName: z
      .string()
      .regex(/^[a-z][a-z -]*[a-z]$/, 'a lowercase noun, e.g. essay')
      .optional(),
    sourceTitle: z.string().optional(),
    /** Who wrote the source: quotes attributed to this name are checked against it. */
    sourceAuthor: z.string().optional(),
    prompts: z
      .object({ generation: z.string().optional(), evaluation: z.string().optional() })
      .strict()
      .default({}),
    /** How generated skills are named, e.g. "{model}-code-discipline". */
    skillName: z.string().optional(),
    participants: z.array(ParticipantSchema).min(1),
    judging: JudgingSchema.optional(),
    verdicts: z.array(VerdictSchema).default([]),
  })
  .strict()
  .superRefine((m, ctx) => {
    const ids = new Set(m.participants.map((p) => p.id));
    if (ids.size !== m.participants.length)
      ctx.addIssue({
        code: 'custom',
        path: ['participants'],
        message: 'participant ids must be unique',
      });
    m.verdicts.forEach((v, i) => {
      v.ranking?.forEach((id, k) => {
        if (!ids.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['verdicts', i, 'ranking', k],
            message: `"${id}" is not a participant (participants: ${[...ids].join(', ')})`,
          });
      });
      if (v.ranking && v.winner !== null && v.ranking[0] !== v.winner)
        ctx.addIssue({
          code: 'custom',
          path: ['verdicts', i, 'ranking'],
          message: `the ranking's first (${v.ranking[0]}) is not the winner (${v.winner})`,
        });
      for (const key of ['judge', 'winner'] as const) {
        const id = v[key];
        if (id !== null && id !== undefined && !ids.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['verdicts', i, key],
            message: `"${id}" is not a participant (participants: ${[...ids].join(', ')})`,
          });
      }
    });
  });

/** The front matter of an experiment's post.md: the article the experiment page leads with. */
export const PostMetaSchema = z
  .object({
    title: z.string().min(1),
    description: z.string().min(1),
    author: z.string().min(1),
    date: z.coerce.date(),
  })
  .strict();

/** What a model answers when asked to write a skill: its files. */
export const GeneratedSkillSchema = z.object({
  files: z.array(z.object({ path: z.string(), content: z.string() })),
});

/** What a judge answers: its evaluation in markdown and a decision by blind label ("tie" for none). */
export const JudgmentSchema = z.object({
  evaluation: z.string(),
  winner: z.string(),
  reason: z.string(),
});

/** What an import's --read-with reader answers: the winner ("none" for none) and a sentence as evidence. */
export const ReadAnswerSchema = z.object({ winner: z.string(), evidence: z.string() });

const callFields = {
  key: z.string(),
  participant: participantId,
  /** Evaluations: the order the skills were shown in, and the blind labels. */
  order: z.array(participantId).optional(),
  labels: z.record(z.string(), participantId).optional(),
  provider: z.enum(PROVIDERS),
  /** The model id asked for, and the one the API reported. */
  requested: z.string(),
  model: z.string().optional(),
  params: ParamsSchema.default({}),
  prompt: z.string(),
  status: z.enum(['ok', 'failed']),
  error: z.string().optional(),
  attempts: z.number().int().positive(),
  usage: z
    .object({ input: z.number().int().nonnegative(), output: z.number().int().nonnegative() })
    .optional(),
  /** USD, from the price table; null when the model has no price there. */
  cost: z.number().nonnegative().nullable().default(null),
  startedAt: z.string(),
  ms: z.number().nonnegative(),
};

/**
 * One model call, stored as runs/calls/<key>.json as soon as it returns: a skill written
 * (generate), a judgment (evaluate) or a verdict read by an import's reader (read), each with the
 * structured answer of its kind as `output` (none when the call failed).
 */
export const CallRecordSchema = z.discriminatedUnion('kind', [
  z
    .object({ ...callFields, kind: z.literal('generate'), output: GeneratedSkillSchema.optional() })
    .strict(),
  z
    .object({ ...callFields, kind: z.literal('evaluate'), output: JudgmentSchema.optional() })
    .strict(),
  z
    .object({ ...callFields, kind: z.literal('read'), output: ReadAnswerSchema.optional() })
    .strict(),
]);

/**
 * What an import wrote into an experiment folder (.crossjudge/imported.json): importing again
 * replaces these files and keeps every other one (a post, notes, images, the calls of runs).
 */
export const ImportRecordSchema = z
  .object({
    /** Where it was imported from (importer/origin.ts): a re-import from elsewhere is asked to confirm. */
    origin: z.string().min(1),
    /** Every file the import wrote, relative to the experiment folder, experiment.yaml included. */
    files: z.array(folderPath),
  })
  .strict();

/** USD per million tokens, by model id (an entry also covers ids that start with it). */
export const PriceTableSchema = z.record(
  z.string(),
  z.object({ input: z.number().nonnegative(), output: z.number().nonnegative() }).strict(),
);

/** content/models.yaml: a model's name -> other names (model ids, labels, participant ids) of the same model. */
export const ModelAliasesSchema = z.record(z.string().min(1), z.array(z.string().min(1)));

export type ModelAliases = z.infer<typeof ModelAliasesSchema>;
export type CallRecord = z.infer<typeof CallRecordSchema>;
export type CallKind = CallRecord['kind'];
export type ImportRecord = z.infer<typeof ImportRecordSchema>;
export type GeneratedSkill = z.infer<typeof GeneratedSkillSchema>;
export type Judgment = z.infer<typeof JudgmentSchema>;
export type ReadAnswer = z.infer<typeof ReadAnswerSchema>;
export type PriceTable = z.infer<typeof PriceTableSchema>;
export type Params = z.infer<typeof ParamsSchema>;
export type Participant = z.infer<typeof ParticipantSchema>;
export type Verdict = z.infer<typeof VerdictSchema>;
export type JudgmentRun = z.infer<typeof JudgmentRunSchema>;
export type Manifest = z.infer<typeof ManifestSchema>;
export type PostMeta = z.infer<typeof PostMetaSchema>;
export type ManifestInput = z.input<typeof ManifestSchema>;

/** Turns a zod error into lines that name the file and each field. */
export function describeIssues(
  file: string,
  error: z.ZodError,
  what = 'experiment manifest',
): string {
  const lines = error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : '(top level)';
    return `  ${field}: ${issue.message}`;
  });
  return `${file} is not a valid ${what}:\n${lines.join('\n')}`;
}

export const displayName = (p: Participant) => p.label ?? p.model;

/** A participant's display name by id (the id itself for one that is not a participant). */
export const nameById = (participants: Participant[]) => (id: string) => {
  const p = participants.find((x) => x.id === id);
  return p ? displayName(p) : id;
};
