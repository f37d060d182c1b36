// Where content lives. CROSSJUDGE_CONTENT points the importer, the runner and the site elsewhere
// (the tests build from a temporary folder this way).
import path from 'node:path';

export const contentDir = () => path.resolve(process.env.CROSSJUDGE_CONTENT ?? 'content');
export const experimentsDir = () => path.join(contentDir(), 'experiments');
