/** /data/<slug>.md: the cleaned text as Markdown, outline as headings with the site's anchors. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPolicies, type Policy } from '../../lib/policies.ts';
import { changedDocuments } from '../../build/changed-documents.ts';
import { markdown } from '../../lib/open-data/build.ts';

// Only the documents whose pages changed, in an incremental build (src/build/changed-documents.ts).
export const getStaticPaths = (async () =>
  changedDocuments(await getPolicies()).map((doc) => ({
    params: { slug: doc.id },
    props: { doc },
  }))) satisfies GetStaticPaths;
export const GET: APIRoute = ({ props, site }) =>
  new Response(markdown((props as { doc: Policy }).doc, site), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
