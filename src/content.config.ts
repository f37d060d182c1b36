// The experiments collection: its loader is lib/site/collection.ts.
import { defineCollection } from 'astro:content';
import { experimentsCollectionLoader } from './lib/site/collection.ts';

const experiments = defineCollection({ loader: experimentsCollectionLoader() });

export const collections = { experiments };
