// YAML files a person writes (manifest, mapping file, price table): a syntax error names the file.
import YAML from 'yaml';
import { UserError } from './errors.ts';

export function parseYaml(text: string, file: string): unknown {
  try {
    return YAML.parse(text);
  } catch (err) {
    throw new UserError(`${file} is not valid YAML: ${(err as Error).message}`);
  }
}
