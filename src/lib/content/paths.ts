// Where content lives. CROSSJUDGE_CONTENT points the importer, the runner and the site elsewhere
// (the tests build from a temporary folder this way).
import path from 'node:path';
import { UserError } from './errors.ts';
import { isSlug } from '../text/names.ts';

export const contentDir = () => path.resolve(process.env.CROSSJUDGE_CONTENT ?? 'content');
export const experimentsDir = () => path.join(contentDir(), 'experiments');
export const modelsFile = () => path.join(contentDir(), 'models.yaml');

/** The folder of one experiment, directly inside the experiments folder. */
export function experimentDir(slug: string): string {
  if (!isSlug(slug))
    throw new UserError(
      `the slug "${slug}" is not one: use lowercase letters, digits and dashes, starting with a letter or digit`,
    );
  return path.join(experimentsDir(), slug);
}
