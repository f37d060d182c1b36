// Reads content/models.yaml, the names that mean the same model (see models.ts). Missing: no aliases.
import { promises as fs } from 'node:fs';
import { ModelAliasesSchema, describeIssues, type ModelAliases } from './schema.ts';
import { UserError } from './errors.ts';
import { parseYaml } from './yaml.ts';

export async function readModelAliases(file: string): Promise<ModelAliases> {
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  if (text === null) return {};
  const raw = parseYaml(text, file) ?? {};
  const parsed = ModelAliasesSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(describeIssues(file, parsed.error, 'model alias map'));
  return parsed.data;
}
