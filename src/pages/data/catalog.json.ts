/** /data/catalog.json: every document with its metadata and the URLs of its files. */
import type { APIRoute } from 'astro';
import { getPolicies } from '../../lib/policies.ts';
import { meta } from '../../lib/open-data/build.ts';
import { absolute } from '../../lib/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const docs = await getPolicies();
  const body = { format: 'yigai-catalog/1', site: absolute('', site), documents: docs.map((d) => meta(d, site)) };
  return new Response(JSON.stringify(body, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
