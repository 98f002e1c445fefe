/** /data/catalog-2.json …: the catalog's further files, for a library of more than CATALOG_PAGE documents. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { catalogBody, catalogPages } from '../../lib/open-data/catalog.ts';

export const getStaticPaths = (async () =>
  (await catalogPages()).slice(1).map((p) => ({ params: { n: String(p.page) } }))) satisfies GetStaticPaths;
export const GET: APIRoute = async ({ params, site }) =>
  new Response(await catalogBody(Number(params.n), site), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
