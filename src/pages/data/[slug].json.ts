/** /data/<slug>.json: metadata and the provision tree (text, editorial apparatus, agencies, topics, glossary terms). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPolicies, type Policy } from '../../lib/policies.ts';
import { changedDocuments } from '../../build/changed-documents.ts';
import { clauseTree, documentApparatus, meta } from '../../lib/open-data/build.ts';

// Only the documents whose pages changed, in an incremental build (src/build/changed-documents.ts).
export const getStaticPaths = (async () =>
  changedDocuments(await getPolicies()).map((doc) => ({
    params: { slug: doc.id },
    props: { doc },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const doc = (props as { doc: Policy }).doc;
  const d = doc.data;
  const body = {
    format: 'yigai-policy/1',
    document: {
      ...meta(doc, site),
      source: d.source,
      editorialNotes: d.editorialNotes,
      ...(d.truncated ? { truncated: d.truncated } : {}),
      apparatus: documentApparatus(doc),
    },
    clauses: await clauseTree(doc, site),
  };
  return new Response(JSON.stringify(body, null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
