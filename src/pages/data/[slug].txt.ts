/** /data/<slug>.txt: the cleaned text. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPolicies, type Policy } from '../../lib/policies.ts';
import { plainText } from '../../lib/open-data/build.ts';

export const getStaticPaths = (async () => (await getPolicies()).map((doc) => ({ params: { slug: doc.id }, props: { doc } }))) satisfies GetStaticPaths;
export const GET: APIRoute = ({ props }) => new Response(plainText((props as { doc: Policy }).doc), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
