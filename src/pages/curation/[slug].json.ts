/** One document's curation suggestions as JSON (format yigai-curation/1, src/lib/curation/report.ts). */
import type { APIRoute } from 'astro';
import { curationReport } from '../../lib/curation/report.ts';

export function getStaticPaths() {
  return curationReport().documents.map((d) => ({ params: { slug: d.slug }, props: { d } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify({ format: 'yigai-curation/1', document: props.d }, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
