/**
 * /feed.xml: an Atom feed of the FEED_SIZE newest documents (a feed is read
 * for what is new, and must not grow with the library; every document is in
 * /data/catalog.json and its pages).
 * With SITE set, ids and links are absolute URLs. Without it the links are
 * paths from the root (Atom resolves them against the feed's own address),
 * and each id is a name-based urn:uuid of the page's path, so no made-up
 * host appears and ids stay the same from build to build.
 */
import type { APIRoute } from 'astro';
import { createHash } from 'node:crypto';
import { getPolicies } from '../lib/policies.ts';
import { FEED_SIZE } from '../lib/paginate.ts';
import { absolute, href } from '../lib/url.ts';
import { xmlText as esc } from '../lib/xml.ts';

/** RFC 4122 version-5-style UUID of a name (SHA-1), as an Atom id. */
function urnOf(name: string): string {
  const h = createHash('sha1').update(`yigai-policy:${name}`).digest('hex');
  const v = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${v}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const GET: APIRoute = async ({ site }) => {
  const docs = (await getPolicies()).slice(0, FEED_SIZE);
  const id = (path: string) => (site ? absolute(path, site) : urnOf(href(path)));
  const updated = (d: (typeof docs)[number]) => `${d.data.date ?? `${d.data.year}-01-01`}T00:00:00Z`;
  const entries = docs.map(
    (d) => `  <entry>
    <title>${esc(d.data.title)}</title>
    <id>${esc(id(`policies/${d.id}/`))}</id>
    <link rel="alternate" type="text/html" href="${esc(absolute(`policies/${d.id}/`, site))}"/>
    <link rel="alternate" type="application/json" href="${esc(absolute(`data/${d.id}.json`, site))}"/>
    <updated>${esc(updated(d))}</updated>
    ${d.data.summary ? `<summary>${esc(d.data.summary)}</summary>` : ''}
    ${d.data.issuer ? `<author><name>${esc(d.data.issuer)}</name></author>` : '<author><name>医改政策注释库</name></author>'}
  </entry>`,
  );
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <title>医改政策注释库</title>
  <id>${esc(id(''))}</id>
  <link rel="self" href="${esc(absolute('feed.xml', site))}"/>
  <link rel="alternate" href="${esc(absolute('', site))}"/>
  <updated>${docs.map(updated).sort().at(-1) ?? '2000-01-01T00:00:00Z'}</updated>
${entries.join('\n')}
</feed>
`;
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
