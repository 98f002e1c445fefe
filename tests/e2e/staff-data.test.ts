/** Staff tools and open data: agency pages, targets, data files, catalog, feed. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSite, type Site, DOCS } from './harness.ts';
import { CATALOG_PAGE, catalogSchema, openDocumentSchema, type OpenClause } from '../../src/schemas/open-data.ts';
import { FEED_SIZE } from '../../src/lib/paginate.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});
const read = (p: string) => readFileSync(`dist/${p}`, 'utf8');
const clauses = (slug: string) =>
  JSON.parse(readFileSync(`src/content/clauses/${slug}.json`, 'utf8')) as {
    id: string;
    text: string;
    kind: string;
    agencies?: { lead: string[]; partners: string[] };
  }[];

describe('open data', () => {
  test.each(DOCS)('%s: JSON validates against the published schema and carries the whole provision tree', (slug) => {
    const doc = openDocumentSchema.parse(JSON.parse(read(`data/${slug}.json`)));
    expect(doc.document.slug).toBe(slug);
    const flat: OpenClause[] = [];
    const walk = (list: OpenClause[]) =>
      list.forEach((c) => {
        flat.push(c);
        walk(c.children);
      });
    walk(doc.clauses);
    expect(flat.map((c) => c.id).sort()).toEqual(
      clauses(slug)
        .map((c) => c.id)
        .sort(),
    );
    for (const c of flat) expect(c.url.endsWith(`/policies/${slug}/#${c.id}`)).toBe(true);
  });
  test('the JSON names agencies canonically, with topics and glossary terms per clause', () => {
    const doc = openDocumentSchema.parse(JSON.parse(read('data/datong-gaozhiliang.json')));
    const find = (id: string, list = doc.clauses): OpenClause | undefined =>
      list.map((c) => (c.id === id ? c : find(id, c.children))).find(Boolean);
    const c = find('s3-4-15')!;
    expect(c.agencies!.lead).toEqual([
      { id: 'datong-renshe', name: '大同市人力资源和社会保障局', asWritten: '市人社局', match: 'pattern' },
    ]);
    expect(c.topics).toContain('xinchou-zhidu');
    expect(c.glossary).toContain('liangge-yunxu');
  });
  test.each(DOCS)('%s: the .txt is the clean text, the .md keeps the anchors', (slug) => {
    // Without the editorial markers (〔校1〕 〔修2〕 〔注1〕, see apparatus.test.ts) every paragraph reads as in the clause data; a lost image is a notice.
    const txt = read(`data/${slug}.txt`).replace(/〔[校修注]\d+(·存疑)?〕/gu, '');
    for (const c of clauses(slug).filter((x) => x.kind === 'para'))
      expect(txt).toContain(/^表\d+\.jpg$/u.test(c.text) ? `原文此处为图片“${c.text}”` : c.text);
    const md = read(`data/${slug}.md`);
    for (const c of clauses(slug).filter((x) => x.kind === 'provision')) expect(md).toContain(`{#${c.id}}`);
  });
  test('catalog.json lists every document with the URLs of its files; the feed lists the newest (lists.test.ts: at most FEED_SIZE)', () => {
    const cat = catalogSchema.parse(JSON.parse(read('data/catalog.json')));
    // The first file holds CATALOG_PAGE documents (the rest follow `next`, see lists.test.ts).
    expect(cat.documents.map((d) => d.slug).sort()).toEqual(
      DOCS.length <= CATALOG_PAGE ? [...DOCS].sort() : expect.any(Array),
    );
    for (const d of cat.documents)
      for (const f of Object.values(d.files))
        expect(existsSync(`dist${new URL(f, 'http://h/').pathname}`), f).toBe(true);
    const feed = read('feed.xml');
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">');
    expect(feed.match(/<entry>/g)!.length).toBe(Math.min(DOCS.length, FEED_SIZE));
  });
});

describe('responsible agencies', () => {
  test('every agency named by a provision has a page listing exactly its provisions, with lead and partner counts', () => {
    // Agency folders: not the index's further pages (/agencies/2/ …, a number).
    const pages = readdirSync('dist/agencies').filter((d) => !d.includes('.') && !/^\d+$/.test(d));
    // One page per canonical agency the open data names (names not read have none), and no other.
    const ids = new Set<string>();
    const walk = (list: OpenClause[]) =>
      list.forEach((c) => {
        for (const a of [...(c.agencies?.lead ?? []), ...(c.agencies?.partners ?? [])]) if (a.id) ids.add(a.id);
        walk(c.children);
      });
    for (const slug of DOCS) walk(openDocumentSchema.parse(JSON.parse(read(`data/${slug}.json`))).clauses);
    expect(new Set(pages)).toEqual(ids);
    // 大同's 市卫健委 leads most of its provisions.
    const wj = read('agencies/datong-weijian/index.html');
    expect(wj).toContain('<h1>大同市卫生健康委员会</h1>');
    const leads = clauses('datong-gaozhiliang').filter((c) => c.agencies?.lead.includes('市卫健委')).length;
    const partners = clauses('datong-gaozhiliang').filter((c) => c.agencies?.partners.includes('市卫健委')).length;
    expect(wj).toContain(`牵头 <strong>${leads}</strong> 项，参与 <strong>${partners}</strong> 项`);
    expect((wj.match(/href="\/policies\/datong-gaozhiliang\/#s[0-9-]+"/g) ?? []).length).toBe(leads + partners);
    // 区卫生健康委 (昌平) and 省卫生健康委 (广东) are agencies of their own regions.
    expect(read('agencies/changping-weijian/index.html')).toContain('<h1>昌平区卫生健康委员会</h1>');
    expect(read('agencies/guangdong-weijian/index.html')).toContain('<h1>广东省卫生健康委员会</h1>');
    expect(read('agencies/index.html')).toContain('href="/agencies/datong-dangwei-zuzhibu/">中共大同市委组织部</a>');
  });
});

describe('targets', () => {
  test('every target value occurs in the text of the clause it cites', () => {
    const targets = JSON.parse(readFileSync('src/content/targets.json', 'utf8')) as {
      id: string;
      doc: string;
      clause: string;
      value: string;
    }[];
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) {
      const c = clauses(t.doc).find((x) => x.id === t.clause);
      expect(c, t.id).toBeDefined();
      expect(c!.text, t.id).toContain(t.value);
    }
  });
  test('the targets page lines up 县域就诊率 across Guangdong, Lhasa and Shaoxing, and filters by region', async () => {
    const page = await site.page();
    await page.goto(site.url('targets/'));
    const rows = page.locator('[data-targets] tbody tr', { hasText: '就诊率' });
    const regions = await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.region));
    for (const r of ['广东省', '西藏自治区拉萨市', '浙江省绍兴市']) expect(regions).toContain(r);
    await expect(page.locator('[data-targets] a', { hasText: '88.02%' }).first().getAttribute('href')).resolves.toBe(
      '/policies/shaoxing-2019/#s1-0-1',
    );
    await page.getByLabel('地区').selectOption('广东省');
    const visible = await page
      .locator('[data-targets] tbody tr:visible')
      .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.region));
    expect(new Set(visible)).toEqual(new Set(['广东省']));
    await page.getByRole('button', { name: '期限' }).click();
    await expect(page.locator('th[data-sort="year"]').getAttribute('aria-sort')).resolves.toBe('ascending');
    await page.context().close();
  });
  test('a document page lists its targets in the metadata block', () => {
    expect(read('policies/lasa-tixi-2025/index.html')).toMatch(/<dt>量化目标<\/dt>[\s\S]*?78%/);
  });
});
