// Reads content/models.yaml, the names that mean the same model (see models.ts). Missing: no aliases.
import { promises as fs } from 'node:fs';
import YAML from 'yaml';
import { ModelAliasesSchema, describeIssues, type ModelAliases } from './schema.ts';
import { UserError } from './errors.ts';

export async function readModelAliases(file: string): Promise<ModelAliases> {
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  if (text === null) return {};
  let raw: unknown;
  try {
    raw = YAML.parse(text) ?? {};
  } catch (err) {
    throw new UserError(`${file} is not valid YAML: ${(err as Error).message}`);
  }
  const parsed = ModelAliasesSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(describeIssues(file, parsed.error, 'model alias map'));
  return parsed.data;
}
