import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  search,
  parseQuery,
  pagefindQueries,
  compareHits,
  pickShown,
  groupByDocument,
  suggest,
  type Hit,
  type PagefindData,
  type PagefindLike,
  type SearchPart,
} from './engine.ts';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/document.json', import.meta.url), 'utf8')) as {
  doc: { slug: string; short: string; date: string };
  records: { anchor: string; cite: string }[];
  fragment: { content: string; anchors: PagefindData['anchors']; meta: Record<string, string> };
};

/** A document's data as `result.data()` gives it, under another slug if asked. */
const docData = (slug = fixture.doc.slug): PagefindData => ({
  url: `/sub/policies/${slug}/`,
  content: fixture.fragment.content.replace(/\u200B/g, ''),
  raw_content: fixture.fragment.content.replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  anchors: fixture.fragment.anchors,
  meta: { ...fixture.fragment.meta, slug },
});
const pageData: PagefindData = {
  url: '/sub/glossary/drg/',
  content: 'DRG 按疾病诊断相关分组付费',
  meta: { title: 'DRG' },
};

/** Every query finds every record; counts the fragments fetched. */
function fakePagefind(records: { id: string; score: number; data: PagefindData }[]) {
  const fetched: string[] = [];
  const pagefind: PagefindLike = {
    search: async () => ({
      results: records.map((r) => ({
        id: r.id,
        score: r.score,
        data: async () => {
          fetched.push(r.id);
          return r.data;
        },
      })),
    }),
  };
  return { pagefind, fetched };
}

describe('parseQuery and pagefindQueries', () => {
  test("whitespace separates required parts; a glossary form brings the entry's other forms", () => {
    const parts = parseQuery('drg  床位', [
      { id: 'drg', term: '按疾病诊断相关分组付费', forms: ['按疾病诊断相关分组付费', 'DRG'] },
    ]);
    expect(parts.map((p) => p.text)).toEqual(['drg', '床位']);
    expect(parts[0].alternatives).toEqual(['drg', '按疾病诊断相关分组付费', 'DRG']);
    expect(pagefindQueries('县域就诊率')).toEqual(['"县域就诊率"', '县域就诊率']);
    expect(pagefindQueries('DRG')).toEqual(['DRG']);
  });
});

describe('search over document records', () => {
  test('results are the clauses that contain the query, with their anchor URL, citation and document', async () => {
    const { pagefind } = fakePagefind([{ id: 'd1', score: 1, data: docData() }]);
    const res = await search(pagefind, 'DRG');
    expect(res.hits.map((h) => h.url)).toEqual([
      '/sub/policies/shili-fangan/#s1-1',
      '/sub/policies/shili-fangan/#fj1-s1',
    ]);
    const [first] = res.hits;
    expect(first).toMatchObject({
      kind: 'clause',
      slug: 'shili-fangan',
      anchor: 's1-1',
      cite: '第一部分第（一）项',
      title: '（一）全面推行DRG',
      doc: fixture.doc.short,
      date: fixture.doc.date,
      titleMatch: true,
      count: 2,
    });
    expect(first.excerpt.match).toBe('DRG');
  });

  test('every part must be in the same clause: a document with them in different clauses gives nothing', async () => {
    const { pagefind } = fakePagefind([{ id: 'd1', score: 1, data: docData() }]);
    const res = await search(pagefind, 'DRG 县域就诊率');
    expect(res.hits).toEqual([]);
    expect(res.dropped).toBe(1);
    expect((await search(pagefind, '药占比 <30%')).hits.map((h) => h.anchor)).toEqual(['s2']);
    expect((await search(pagefind, '&lt;不转义')).hits.map((h) => h.anchor)).toEqual(['s2']);
  });

  test('ranking: clause whose title has the phrase, then occurrences, then pages', async () => {
    const { pagefind } = fakePagefind([
      { id: 'p', score: 9, data: pageData },
      { id: 'd1', score: 1, data: docData() },
    ]);
    const res = await search(pagefind, 'DRG', [], { pages: new Set(['p']) });
    expect(res.hits.map((h) => h.anchor ?? h.url)).toEqual(['s1-1', 'fj1-s1', '/sub/glossary/drg/']);
  });

  test('maxCandidates counts documents, maxPages pages; nothing is fetched to be left out', async () => {
    const records = [
      { id: 'p', score: 9, data: pageData },
      ...['a', 'b', 'c'].map((s, i) => ({ id: s, score: 3 - i, data: docData(`doc-${s}`) })),
    ];
    const { pagefind, fetched } = fakePagefind(records);
    const res = await search(pagefind, 'DRG', [], { pages: new Set(['p']), maxCandidates: 2, maxPages: 0 });
    expect(fetched.sort()).toEqual(['a', 'b']);
    expect(new Set(res.hits.map((h) => h.slug))).toEqual(new Set(['doc-a', 'doc-b']));
    expect(res.moreDocuments).toBe(1);
  });
});

describe('which Pagefind queries run', () => {
  const glossary = [{ id: 'yigongti', term: '县域医共体', forms: ['县域医共体', '医共体', '县级医疗集团'] }];
  /** Answers exact-phrase queries with `exactDocs` documents, loose ones with one; records every query. */
  function counting(exactDocs: number) {
    const asked: string[] = [];
    const fetched: string[] = [];
    const pagefind: PagefindLike = {
      search: async (q) => {
        asked.push(q);
        const n = q.startsWith('"') ? exactDocs : 1;
        return {
          results: Array.from({ length: n }, (_, i) => ({
            id: `d${i}`,
            score: 1,
            data: async () => {
              fetched.push(`d${i}`);
              return docData(`d${i}`);
            },
          })),
        };
      },
    };
    return { pagefind, asked, fetched };
  }

  test("exact matches enough to fill the documents to check: no loose queries, documents in Pagefind's order", async () => {
    const { pagefind, asked, fetched } = counting(5);
    await search(pagefind, '医共体', glossary, { maxCandidates: 3 });
    expect(asked.sort()).toEqual(['"县域医共体"', '"县级医疗集团"', '"医共体"'].sort());
    expect(fetched.sort()).toEqual(['d0', 'd1', 'd2']);
  });

  test('too few exact matches: the loose query of every form runs too (recall)', async () => {
    const { pagefind, asked } = counting(1);
    await search(pagefind, '医共体', glossary, { maxCandidates: 3 });
    expect(asked.sort()).toEqual(
      ['"县域医共体"', '"县级医疗集团"', '"医共体"', '医共体', '县域医共体', '县级医疗集团'].sort(),
    );
  });
});

describe('query parts from English names and folded input', () => {
  const glossary = [
    {
      id: 'fenji',
      term: '分级诊疗',
      forms: ['分级诊疗'],
      english: ['Tiered diagnosis and treatment', 'hierarchical medical system'],
    },
    {
      id: 'drg',
      term: 'DRG付费',
      forms: ['DRG付费', 'DRG', '按疾病诊断相关分组付费'],
      english: ['Diagnosis-Related Groups'],
    },
  ];
  test("a multi-word English name is one part wherever it stands, in any case; it brings the entry's forms", () => {
    const parts = parseQuery('基层 tiered Diagnosis and treatment', glossary);
    expect(parts.map((p) => p.text)).toEqual(['基层', 'tiered Diagnosis and treatment']);
    expect(parts[1].glossary?.id).toBe('fenji');
    expect(parts[1].alternatives).toContain('分级诊疗');
  });
  test('full-width input and bracketed years are folded before the parts are found', () => {
    expect(parseQuery('ＤＲＧ 晋政办发[2022]31号', glossary).map((p) => p.text)).toEqual([
      'DRG',
      '晋政办发〔2022〕31号',
    ]);
  });
  test("Traditional characters: the converter's result is searched and reported", async () => {
    const { pagefind } = fakePagefind([{ id: 'd1', score: 1, data: docData() }]);
    const res = await search(pagefind, 'ＤＲＧ', [], { simplify: async (q) => (q === 'ＤＲＧ' ? null : q) });
    expect(res.simplified).toBeUndefined();
    const conv = await search(pagefind, '全面推行ＤＲＧ', [], { simplify: async () => 'DRG' });
    expect(conv.simplified).toBe('DRG');
    expect(conv.clauses).toBe(conv.hits.filter((h) => h.kind === 'clause').length);
  });
});

describe('ranking, grouping, suggestions', () => {
  const hit = (slug: string, rank: number, typed = 1): Hit => ({
    url: `/p/${slug}/#a${rank}`,
    title: '',
    kind: 'clause',
    slug,
    doc: slug,
    titleMatch: false,
    typed,
    count: 10 - rank,
    marks: [],
    excerpt: { before: '', match: '', after: '' },
  });
  test('clauses with the typed form come before clauses found through another form only', () => {
    const list = [hit('a', 1, 0), hit('b', 5, 1)].sort(compareHits);
    expect(list.map((h) => h.slug)).toEqual(['b', 'a']);
  });
  test('the header gives every document a place before one document takes more than three', () => {
    const hits = [...[1, 2, 3, 4, 5, 6, 7].map((r) => hit('a', r)), hit('b', 8), hit('c', 9)];
    const shown = pickShown(hits, 8);
    expect(shown.map((h) => h.slug).filter((s) => s !== 'a')).toEqual(['b', 'c']);
    expect(shown).toHaveLength(8);
  });
  test('groups are by document slug, not short title', () => {
    const a = { ...hit('a', 1), doc: '同名' };
    const b = { ...hit('b', 2), doc: '同名' };
    expect(groupByDocument([a, b])).toHaveLength(2);
  });
  test('near misses: glossary forms one character away from a part that finds nothing; short parts get none', () => {
    const glossary = [
      { id: 's', term: '双带头人', forms: ['双带头人'] },
      { id: 'y', term: '医养结合', forms: ['医养结合'] },
    ];
    expect(suggest(parseQuery('双带头任', glossary), glossary)).toEqual(['双带头人']);
    expect(suggest(parseQuery('双带', glossary), glossary)).toEqual([]);
  });
});

describe('agencies', () => {
  test('a clause satisfies a part that is the full name of one of its agencies; the agency is offered', async () => {
    const d = docData();
    const anchor = d.anchors![1].id;
    const data = { ...d, meta: { ...d.meta, agencies: JSON.stringify([['x-weijian', '某市卫生健康委员会', anchor]]) } };
    const { pagefind } = fakePagefind([{ id: 'd1', score: 1, data }]);
    const res = await search(pagefind, '某市卫生健康委员会');
    expect(res.hits.map((h) => h.anchor)).toEqual([anchor]);
    expect(res.agency).toEqual({ id: 'x-weijian', name: '某市卫生健康委员会' });
  });
});

describe('a library indexed in parts, newest first', () => {
  /** A document under another slug, its DRG written as `instead` (same length: the word locations stay). */
  const without = (slug: string, instead = 'ABC'): PagefindData => {
    const d = docData(slug);
    return {
      ...d,
      content: d.content.replaceAll('DRG', instead),
      raw_content: d.raw_content!.replaceAll('DRG', instead),
    };
  };
  /** A part answering each query with the documents whose text has it (quotes ignored); records which parts were opened and searched. */
  function part(name: string, docs: PagefindData[], log: string[], extra: Partial<SearchPart> = {}): SearchPart {
    const pagefind: PagefindLike = {
      search: async (q) => {
        log.push(`${name}:${q}`);
        const words = q.replace(/"/g, '').split(/\s+/).filter(Boolean);
        return {
          results: docs
            .filter((d) => words.every((w) => d.content.includes(w)))
            .map((d, i) => ({ id: `f${i}`, score: 1, data: async () => d })),
        };
      },
    };
    return {
      dir: `${name}/`,
      docs: docs.length,
      pagefind: async () => {
        log.push(`open ${name}`);
        return pagefind;
      },
      ...extra,
    };
  }
  const docs = (prefix: string, n: number, has: boolean) =>
    Array.from({ length: n }, (_, i) => (has ? docData(`${prefix}-${i}`) : without(`${prefix}-${i}`)));

  test('a query found only in the oldest part is found: parts are searched on while the results do not fill', async () => {
    const log: string[] = [];
    const parts = [
      part('p1', docs('new', 2, false), log),
      part('p2', docs('mid', 2, false), log),
      part('p3', docs('old', 1, true), log),
    ];
    const res = await search(parts, 'DRG');
    expect(new Set(res.hits.map((h) => h.slug))).toEqual(new Set(['old-0']));
    expect(res).toMatchObject({ olderParts: 0, searchedDocuments: 5, olderDocuments: 0 });
  });

  test('when the newest part fills the documents to check, older parts are not opened; asking for more opens them', async () => {
    const log: string[] = [];
    const parts = [part('p1', docs('new', 3, true), log), part('p2', docs('old', 2, true), log)];
    const first = await search(parts, 'DRG', [], { maxCandidates: 3 });
    expect(log.filter((l) => l.startsWith('open'))).toEqual(['open p1']);
    expect(new Set(first.hits.map((h) => h.slug))).toEqual(new Set(['new-0', 'new-1', 'new-2']));
    expect(first).toMatchObject({
      moreDocuments: 0,
      moreSure: 0,
      olderParts: 1,
      searchedDocuments: 3,
      olderDocuments: 2,
    });
    // Exact matches left unchecked in the parts searched are counted apart from loose ones.
    expect(await search(parts, 'DRG', [], { maxCandidates: 2 })).toMatchObject({
      moreDocuments: 1,
      moreSure: 1,
      olderParts: 1,
    });
    const more = await search(parts, 'DRG', [], { maxCandidates: 6 });
    expect(new Set(more.hits.map((h) => h.slug))).toEqual(new Set(['new-0', 'new-1', 'new-2', 'old-0', 'old-1']));
    expect(more.olderParts).toBe(0);
  });

  test('one query searches at most maxDocuments documents before it stops to ask; a larger bound goes on', async () => {
    const log: string[] = [];
    const parts = [
      part('p1', docs('a', 4, false), log),
      part('p2', docs('b', 4, false), log),
      part('p3', docs('c', 4, false), log),
      part('p4', docs('d', 1, true), log),
    ];
    const step = await search(parts, 'DRG', [], { maxDocuments: 8 });
    expect(step.hits).toEqual([]);
    expect(step).toMatchObject({ olderParts: 2, searchedDocuments: 8, olderDocuments: 5 });
    expect(log.filter((l) => l.startsWith('open'))).toEqual(['open p1', 'open p2']);
    const on = await search(parts, 'DRG', [], { maxDocuments: 16 });
    expect(on.hits.map((h) => h.slug)).toContain('d-0');
  });

  test('past the first part, the parts a step can reach are opened at once, and their results taken in order', async () => {
    const log: string[] = [];
    const parts = [
      part('p1', docs('a', 2, false), log),
      part('p2', docs('b', 2, false), log),
      part('p3', docs('c', 2, true), log),
      part('p4', docs('d', 2, true), log),
      part('p5', docs('e', 2, true), log),
    ];
    const res = await search(parts, 'DRG', [], { maxDocuments: 8, maxCandidates: 3 });
    const at = (entry: string) => log.findIndex((l) => l.startsWith(entry));
    // p2, p3 and p4 were opened before p2 was searched; p5 is beyond the step (8 documents).
    expect(at('open p3')).toBeLessThan(at('p2:'));
    expect(at('open p4')).toBeLessThan(at('p2:'));
    expect(at('open p5')).toBe(-1);
    // Taken in order: p3's documents, then p4's, as when the parts are searched one after another.
    expect(res.hits.map((h) => h.slug).filter((s, i, a) => a.indexOf(s) === i)).toEqual(['c-0', 'c-1', 'd-0']);
    expect(res).toMatchObject({ searchedDocuments: 8, olderParts: 1 });
  });

  test('a newest part without documents does not start the parts at once: the next part alone answers a common query', async () => {
    const log: string[] = [];
    const parts = [part('p0', [], log), part('p1', docs('a', 3, true), log), part('p2', docs('b', 3, true), log)];
    const res = await search(parts, 'DRG', [], { maxCandidates: 3 });
    expect(log.filter((l) => l.startsWith('open'))).toEqual(['open p0', 'open p1']);
    expect(new Set(res.hits.map((h) => h.slug))).toEqual(new Set(['a-0', 'a-1', 'a-2']));
  });

  test('a part likely to fill the results is searched alone: an older part is not opened for nothing', async () => {
    const log: string[] = [];
    const parts = [
      part('p1', docs('a', 1, true), log),
      part('p2', docs('b', 2, true), log),
      part('p3', docs('c', 2, true), log),
    ];
    const res = await search(parts, 'DRG', [], { maxCandidates: 3 });
    expect(log.filter((l) => l.startsWith('open'))).toEqual(['open p1', 'open p2']);
    expect(new Set(res.hits.map((h) => h.slug))).toEqual(new Set(['a-0', 'b-0', 'b-1']));
  });

  test('a part whose documents cannot match the filters is passed over without being opened', async () => {
    const log: string[] = [];
    const parts = [
      part('p1', docs('new', 2, true), log, { filters: { 年份: ['2024'] } }),
      part('p2', docs('old', 2, true), log, { filters: { 年份: ['2019', '2020'] } }),
    ];
    const res = await search(parts, 'DRG', [], { filters: { 年份: ['2019'] } });
    expect(log.filter((l) => l.startsWith('open'))).toEqual(['open p2']);
    expect(new Set(res.hits.map((h) => h.slug))).toEqual(new Set(['old-0', 'old-1']));
    expect(res.olderParts).toBe(0);
    // A filter the parts do not list (文件) passes over nothing.
    const byDoc = await search(parts, 'DRG', [], { filters: { 文件: ['x'] } });
    expect(byDoc.olderParts).toBe(0);
    expect(log.filter((l) => l === 'open p1')).toHaveLength(1);
  });

  test('the same fragment id in two parts is two documents', async () => {
    const log: string[] = [];
    const parts = [part('p1', [docData('one')], log), part('p2', [docData('two')], log)];
    const res = await search(parts, 'DRG');
    expect(new Set(res.hits.map((h) => h.slug))).toEqual(new Set(['one', 'two']));
  });
});
