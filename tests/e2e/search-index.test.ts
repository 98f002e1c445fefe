/**
 * The search index in dist/pagefind: one record per document, which the
 * client cuts back into exactly the clauses the build extracted (same
 * anchors, titles and texts), and the page list the client uses.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { clauseRecords } from '../../src/search-index/clause-records.ts';
import { fragmentUrls } from '../../src/search-index/fragment-ids.ts';
import { splitClauses } from '../../src/scripts/search/clauses.ts';

const urls = fragmentUrls('dist/pagefind');
const fragment = (id: string) =>
  JSON.parse(
    gunzipSync(readFileSync(join('dist/pagefind/fragment', `${id}.pf_fragment`)))
      .subarray('pagefind_dcd'.length)
      .toString('utf8'),
  );
const slugs = readdirSync('dist/policies');

describe('search index', () => {
  test('one record per document page; every other record is listed in search/pages.json', () => {
    const docs = [...urls.values()].filter((u) => u.startsWith('/policies/'));
    expect(docs.sort()).toEqual(slugs.map((s) => `/policies/${s}/`).sort());
    const pages = JSON.parse(readFileSync('dist/search/pages.json', 'utf8')) as string[];
    expect(new Set(pages)).toEqual(new Set([...urls].filter(([, u]) => !u.startsWith('/policies/')).map(([id]) => id)));
  });

  test.each(slugs)('%s: the client gets back every clause exactly, with its citation', (slug) => {
    const [id] = [...urls].find(([, u]) => u === `/policies/${slug}/`)!;
    const f = fragment(id);
    // As result.data() gives it (Pagefind's loadFragment).
    const data = {
      ...f,
      raw_content: f.content.replace(/</g, '&lt;').replace(/>/g, '&gt;'),
      content: f.content.replace(/\u200B/g, ''),
    };
    const records = clauseRecords(readFileSync(join('dist/policies', slug, 'index.html'), 'utf8'));
    expect(splitClauses(data).map((c) => [c.anchor, c.title, c.text])).toEqual(
      records.map((r) => [r.anchor, r.title, r.content]),
    );
    expect(JSON.parse(f.meta.cites)).toEqual(
      Object.fromEntries(records.filter((r) => r.cite).map((r) => [r.anchor, r.cite])),
    );
    expect(f.meta).toMatchObject({ kind: 'document', slug });
  });
});
