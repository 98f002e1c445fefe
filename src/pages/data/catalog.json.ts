/** /data/catalog.json: the catalog's first file (src/lib/open-data/catalog.ts), linking to the next when the library is large. */
import type { APIRoute } from 'astro';
import { catalogBody } from '../../lib/open-data/catalog.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(await catalogBody(1, site), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
