/** sitemap.xml: every page, with absolute URLs (set SITE when deploying). */
import type { APIRoute } from 'astro';
import { getPolicies } from '../lib/policies.ts';
import { absolute } from '../lib/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const docs = await getPolicies();
  const paths = ['', 'about/', ...docs.map((d) => `policies/${d.id}/`)];
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${paths
    .map((p) => `  <url><loc>${absolute(p, site)}</loc></url>`)
    .join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
