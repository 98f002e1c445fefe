import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import * as pagefind from 'pagefind';
import { searchDocument, CITES_META } from './search-document.ts';
import { AGENCIES_ANCHOR, AGENCIES_META } from './agency-meta.ts';
import { fragmentUrls } from './fragment-ids.ts';
import type { SearchRecord, DocInfo } from '../lib/clauses/search-records.ts';

/**
 * The fixture's document goes through the real Pagefind; the fragment it
 * writes is the clause splitter's fixture (src/scripts/search/clauses.test.ts).
 * UPDATE=1 rewrites the fragment after a Pagefind upgrade; review its diff.
 */
const FIXTURE = 'src/scripts/search/fixtures/document.json';
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
  doc: DocInfo;
  records: SearchRecord[];
  fragment: unknown;
};

describe('searchDocument', () => {
  const html = searchDocument(fixture.doc, fixture.records);
  const root = parse(html);

  test('every clause starts at an element with its anchor, in order; provisions as headings', () => {
    const ids = root.querySelectorAll('main [id]').map((e) => [e.tagName.toLowerCase(), e.id]);
    expect(ids).toEqual(fixture.records.map((r) => [r.kind === 'provision' ? 'h2' : 'span', r.anchor]));
  });

  test('raw text is escaped: what the parser reads back is the text as given', () => {
    const text = root.querySelector('main')!.textContent;
    for (const r of fixture.records) expect(text).toContain(r.kind === 'paragraph' ? r.content : r.title);
    expect(html).not.toContain('<x>');
    const meta = Object.fromEntries(
      root.querySelectorAll('[data-pagefind-meta]').map((e) => [e.getAttribute('data-pagefind-meta'), e.textContent]),
    );
    expect(meta.title).toBe(fixture.doc.title);
    expect(JSON.parse(meta[CITES_META]!)).toEqual(
      Object.fromEntries(fixture.records.filter((r) => r.cite).map((r) => [r.anchor, r.cite])),
    );
    const filters = root
      .querySelectorAll('[data-pagefind-filter]')
      .map((e) => [e.getAttribute('data-pagefind-filter'), e.textContent]);
    expect(filters).toEqual([
      ['文件', fixture.doc.short],
      ['地区', fixture.doc.region],
      ['年份', fixture.doc.year],
      ['文种', fixture.doc.kind],
    ]);
  });
});

describe('titles, agencies and dates', () => {
  test("a title record is a heading with its anchor (the document's own an h1); agencies travel as meta and as a block after the clauses", () => {
    const records = [
      { anchor: 'doc-title', kind: 'heading' as const, title: '某市实施方案', cite: '标题', content: '某市实施方案' },
      ...fixture.records,
    ];
    const agencies: [string, string, ...string[]][] = [['x-weijian', '某市卫生健康委员会', fixture.records[0].anchor]];
    const root = parse(searchDocument(fixture.doc, records, agencies));
    expect(root.querySelector('main h1#doc-title')?.textContent.trim()).toBe('某市实施方案');
    const meta = Object.fromEntries(
      root.querySelectorAll('[data-pagefind-meta]').map((e) => [e.getAttribute('data-pagefind-meta'), e.textContent]),
    );
    expect(JSON.parse(meta[AGENCIES_META]!)).toEqual(agencies);
    const last = root.querySelectorAll('main > *').at(-1)!;
    expect(last.querySelector(`#${AGENCIES_ANCHOR}`)).not.toBeNull();
    expect(last.textContent.trim()).toBe('某市卫生健康委员会');
  });
  test('a document dated only by its year carries the year as its date', () => {
    const root = parse(searchDocument({ ...fixture.doc, date: '', year: '2022' }, fixture.records));
    expect(root.querySelector('[data-pagefind-meta="date"]')?.textContent).toBe('2022');
  });
});

describe('through Pagefind', () => {
  const out = mkdtempSync(join(tmpdir(), 'search-document-'));
  afterAll(async () => {
    await pagefind.close();
    rmSync(out, { recursive: true, force: true });
  });

  test('Pagefind writes the fragment the clause splitter is tested on', async () => {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    expect(errors).toEqual([]);
    expect(
      (
        await index!.addHTMLFile({
          url: `/policies/${fixture.doc.slug}/`,
          content: searchDocument(fixture.doc, fixture.records),
        })
      ).errors,
    ).toEqual([]);
    expect((await index!.writeFiles({ outputPath: out })).errors).toEqual([]);
    const [[id]] = [...fragmentUrls(out)];
    const fragment = JSON.parse(
      gunzipSync(readFileSync(join(out, 'fragment', `${id}.pf_fragment`)))
        .subarray('pagefind_dcd'.length)
        .toString('utf8'),
    );
    if (process.env.UPDATE) writeFileSync(FIXTURE, `${JSON.stringify({ ...fixture, fragment }, null, 1)}\n`);
    else expect(fragment).toEqual(fixture.fragment);
  }, 30_000);
});
