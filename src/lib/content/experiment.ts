// One experiment folder, content/experiments/<slug>/: where its parts are (experiment/location.ts),
// how it is read (experiment/read.ts) and written (experiment/write.ts; an import's writes:
// experiment/imported.ts). The importer, the runner, the post tools and the site all go through
// here; none builds a path of the folder itself.
export { UserError } from './errors.ts';
export * from './experiment/location.ts';
export * from './experiment/read.ts';
export * from './experiment/write.ts';
export * from './experiment/imported.ts';
