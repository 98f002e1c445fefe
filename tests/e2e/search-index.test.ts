/**
 * The search index in dist/pagefind: one record per document, which the
 * client cuts back into exactly the records the index step derived from the
 * clause data (same anchors, titles and texts); those records are what the
 * built page shows (read back from its HTML); and the page list the client uses.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { readDocument } from '../../scripts/lib/page-records.ts';
import { docInfo, searchRecords } from '../../src/lib/clauses/search-records.ts';
import { readClauseData } from '../../src/lib/data/clauses.ts';
import { readPolicyFrontmatter } from '../../src/lib/data/frontmatter.ts';
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
/** The records the index step makes of a document (src/lib/clauses/search-records.ts). */
const derived = (slug: string) =>
  searchRecords(
    docInfo(slug, readPolicyFrontmatter(`src/content/policies/${slug}.mdx`)),
    readClauseData(`src/content/clauses/${slug}.json`),
  );

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
    const records = derived(slug);
    expect(splitClauses(data).map((c) => [c.anchor, c.title, c.text])).toEqual(
      records.map((r) => [r.anchor, r.title, r.content]),
    );
    expect(JSON.parse(f.meta.cites)).toEqual(
      Object.fromEntries(records.filter((r) => r.cite).map((r) => [r.anchor, r.cite])),
    );
    expect(f.meta).toMatchObject({ kind: 'document', slug });
  });

  test.each(slugs)(
    '%s: the records derived from the clause data are what the page shows, and its search info',
    (slug) => {
      const page = readDocument(readFileSync(join('dist/policies', slug, 'index.html'), 'utf8'))!;
      expect(derived(slug)).toEqual(page.records);
      expect(docInfo(slug, readPolicyFrontmatter(`src/content/policies/${slug}.mdx`))).toEqual(page.doc);
    },
  );
});
