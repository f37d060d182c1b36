// /models.json: what all the experiments say about each model (format: /format/).
import type { APIRoute } from 'astro';
import { allModels } from '../lib/site/entries.ts';
import { toModelsJson } from '../lib/site/public-json.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(
    JSON.stringify(
      toModelsJson(await allModels(), (m) => new URL(`models/${m.slug}/`, site).href),
      null,
      2,
    ),
    {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    },
  );
