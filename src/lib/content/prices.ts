// Cost of a call from the user-editable price table (content/prices.yaml), USD per million tokens.
import { promises as fs } from 'node:fs';
import { parseYaml } from './yaml.ts';
import { PriceTableSchema, describeIssues, type PriceTable } from './schema.ts';
import { UserError, isMissing, readFailure } from './errors.ts';

/** The price table; none (no file) is an empty one. */
export async function readPrices(file: string): Promise<PriceTable> {
  const text = await fs.readFile(file, 'utf8').catch((err) => {
    if (isMissing(err)) return null;
    throw readFailure(file, err);
  });
  if (text === null) return {};
  const parsed = PriceTableSchema.safeParse(parseYaml(text, file) ?? {});
  if (!parsed.success) throw new UserError(describeIssues(file, parsed.error, 'price table'));
  return parsed.data;
}

/** The entry for a model id: exact, else the longest entry the id starts with. */
export function priceOf(table: PriceTable, model: string): PriceTable[string] | null {
  if (table[model]) return table[model];
  const prefix = Object.keys(table)
    .filter((k) => model.startsWith(k))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? table[prefix] : null;
}

/** USD for the tokens, or null when the model has no price. */
export function costOf(
  table: PriceTable,
  model: string,
  usage: { input: number; output: number },
): number | null {
  const price = priceOf(table, model);
  return price ? (usage.input * price.input + usage.output * price.output) / 1e6 : null;
}

/** A rough count of tokens in a text, for --dry-run estimates: about four characters a token. */
export const estimateTokens = (text: string) => Math.ceil(text.length / 4);
