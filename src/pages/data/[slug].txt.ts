/** /data/<slug>.txt: the cleaned text. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPolicies, type Policy } from '../../lib/policies.ts';
import { changedDocuments } from '../../build/changed-documents.ts';
import { plainText } from '../../lib/open-data/build.ts';

// Only the documents whose pages changed, in an incremental build (src/build/changed-documents.ts).
export const getStaticPaths = (async () =>
  changedDocuments(await getPolicies()).map((doc) => ({
    params: { slug: doc.id },
    props: { doc },
  }))) satisfies GetStaticPaths;
export const GET: APIRoute = ({ props }) =>
  new Response(plainText((props as { doc: Policy }).doc), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
