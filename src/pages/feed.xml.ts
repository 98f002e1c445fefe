/** /feed.xml: an Atom feed of the library's documents, newest first. */
import type { APIRoute } from 'astro';
import { getPolicies } from '../lib/policies.ts';
import { absolute } from '../lib/url.ts';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export const GET: APIRoute = async ({ site }) => {
  const docs = await getPolicies();
  const updated = (d: (typeof docs)[number]) => `${d.data.date ?? `${d.data.year}-01-01`}T00:00:00Z`;
  const entries = docs.map((d) => `  <entry>
    <title>${esc(d.data.title)}</title>
    <id>${esc(absolute(`policies/${d.id}/`, site))}</id>
    <link rel="alternate" type="text/html" href="${esc(absolute(`policies/${d.id}/`, site))}"/>
    <link rel="alternate" type="application/json" href="${esc(absolute(`data/${d.id}.json`, site))}"/>
    <updated>${updated(d)}</updated>
    <summary>${esc(d.data.summary ?? d.data.title)}</summary>
    ${d.data.issuer ? `<author><name>${esc(d.data.issuer)}</name></author>` : '<author><name>医改政策注释库</name></author>'}
  </entry>`);
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <title>医改政策注释库</title>
  <id>${esc(absolute('', site))}</id>
  <link rel="self" href="${esc(absolute('feed.xml', site))}"/>
  <link rel="alternate" href="${esc(absolute('', site))}"/>
  <updated>${docs.map(updated).sort().at(-1) ?? '2000-01-01T00:00:00Z'}</updated>
${entries.join('\n')}
</feed>
`;
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
