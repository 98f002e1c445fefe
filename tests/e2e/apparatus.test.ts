/**
 * The editorial apparatus agrees everywhere, for every document the built
 * library holds (read from dist/data/catalog.json, so any document added
 * later is checked too): each correction, repair and editor's note marked on
 * the page is listed in the provenance report and carried by the open data
 * (.json at its clause, .txt and .md as markers with a list) — same number,
 * same clause, same text and original — and nothing is in one place only.
 * Lost images, supplied labels, truncation and old anchors likewise.
 */
import { readFileSync } from 'node:fs';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { catalogSchema, openDocumentSchema, type Apparatus, type OpenClause } from '../../src/schemas/open-data.ts';
import { openSite, type Site } from './harness.ts';

const read = (p: string) => readFileSync(`dist/${p}`, 'utf8');
const slugs = catalogSchema.parse(JSON.parse(read('data/catalog.json'))).documents.map((d) => d.slug);
const KIND = {
  correction: ['correction-mark', 'corr', '校'],
  repair: ['repair-mark', 'repair', '修'],
  note: ['note-mark', 'note', '注'],
} as const;
type Kind = keyof typeof KIND;
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The anchor of the clause an element of the text is in ('' for the title block). */
function clauseOf(el: HTMLElement): string {
  for (let e: HTMLElement | null = el; e; e = e.parentNode as HTMLElement | null) {
    if (!e.tagName) break;
    if ((e.tagName === 'P' || /^H[2-6]$/.test(e.tagName)) && e.id) return e.id;
    if (e.tagName === 'SECTION' && e.classList.contains('provision')) return e.getAttribute('data-id') ?? '';
  }
  return '';
}

function flat(list: OpenClause[]): OpenClause[] {
  return list.flatMap((c) => [c, ...flat(c.children)]);
}

interface Entry {
  key: string;
  text: string;
  original: string;
}

function fromPage(html: string, kind: Kind): Entry[] {
  const root = parse(html);
  const body = root.querySelector('.policy-text')!;
  return body.querySelectorAll(`a.${KIND[kind][0]}`).map((a) => {
    const n = a.getAttribute('href')!.replace(`#${KIND[kind][1]}-`, '');
    const wrap = a.parentNode as HTMLElement;
    const text = decode((wrap.querySelector('ins') ?? wrap.querySelector('.noted'))!.text);
    const original = decode(wrap.querySelector('.original, .note-text')!.text);
    return { key: `${kind}:${n}@${clauseOf(a)}`, text, original };
  });
}

function fromProvenance(html: string, kind: Kind): string[] {
  const prov = parse(html).querySelector('#provenance')!;
  return prov.querySelectorAll(`[id^="${KIND[kind][1]}-"]`).map((row) => {
    const n = row.id.slice(KIND[kind][1].length + 1);
    const link = row.querySelector('a[href^="#"]')!.getAttribute('href')!.slice(1);
    return `${kind}:${n}@${link}`;
  });
}

function fromJson(clauses: OpenClause[], kind: Kind): (Entry & { a: Apparatus; c: OpenClause })[] {
  return flat(clauses).flatMap((c) =>
    c.apparatus
      .filter((a) => a.type === kind)
      .map((a) => {
        const x = a as Extract<Apparatus, { n: number }>;
        return {
          key: `${kind}:${x.n}@${c.id}`,
          text: x.text,
          original: x.type === 'note' ? x.note : x.type === 'correction' ? x.context.original : x.original,
          a,
          c,
        };
      }),
  );
}

describe.each(slugs)('%s: page, provenance and open data agree on the apparatus', (slug) => {
  const html = read(`policies/${slug}/index.html`);
  const doc = openDocumentSchema.parse(JSON.parse(read(`data/${slug}.json`)));
  const txt = read(`data/${slug}.txt`);
  const md = read(`data/${slug}.md`);

  test.each(Object.keys(KIND) as Kind[])('%s: same numbers, clauses, text and originals everywhere', (kind) => {
    const page = fromPage(html, kind);
    const json = fromJson(doc.clauses, kind);
    const keys = (l: { key: string }[]) => l.map((x) => x.key).sort();
    expect(keys(page)).toEqual(keys(json));
    expect(fromProvenance(html, kind).sort()).toEqual(keys(json));
    for (const j of json) {
      const p = page.find((x) => x.key === j.key)!;
      // The text reads the same on the page and in the data; the page shows the original (or the note).
      expect(p.text, j.key).toBe(j.text);
      expect(p.original, j.key).toContain(j.original);
      // The data's offsets point at that text in the clause.
      const at = j.a as Extract<Apparatus, { at: number; length: number }>;
      expect([...j.c.text].slice(at.at, at.at + at.length).join(''), j.key).toBe(j.text);
      // .txt and .md: the marker in the text and the entry in the list, which names the clause.
      const n = (j.a as { n: number }).n;
      const marker = `〔${KIND[kind][2]}${n}(?:〕|·存疑〕)`;
      expect(txt.match(new RegExp(marker, 'gu'))?.length, `${j.key} in .txt`).toBe(2);
      expect(txt).toMatch(new RegExp(`^${marker}[^\\n]*#${j.c.id}）`, 'mu'));
      expect(md, `${j.key} in .md`).toContain(`[^${KIND[kind][2]}${n}]: `);
      expect(md.split(`[^${KIND[kind][2]}${n}]`).length - 1, `${j.key} in .md`).toBe(2);
    }
    // No marker in the files that the data does not have.
    const numbers = new Set(json.map((j) => String((j.a as { n: number }).n)));
    for (const m of txt.matchAll(new RegExp(`〔${KIND[kind][2]}(\\d+)`, 'gu')))
      expect(numbers.has(m[1]), `${m[0]} in .txt`).toBe(true);
  });

  test('repairs: the data carries the byte check; the report row says it; 存疑 agrees', () => {
    const report = JSON.parse(readFileSync(`src/content/reports/${slug}.json`, 'utf8')) as {
      repairs: { n: number; uncertain: boolean; check: { status: string } }[];
    };
    for (const j of fromJson(doc.clauses, 'repair')) {
      const a = j.a as Extract<Apparatus, { type: 'repair' }>;
      const r = report.repairs.find((x) => x.n === a.n)!;
      expect(r.check.status).toBe(a.check.status);
      expect(r.uncertain).toBe(a.uncertain);
      const mark = parse(html).querySelector(`.policy-text a.repair-mark[href="#repair-${a.n}"]`)!;
      expect(mark.text.includes('存疑')).toBe(a.uncertain);
    }
  });

  test('lost images, supplied labels and truncation are data at their clause and marked, never a bare file name', () => {
    const root = parse(html);
    const all = flat(doc.clauses);
    const images = all.filter((c) => c.apparatus.some((a) => a.type === 'missing-image'));
    expect(images.map((c) => c.id).sort()).toEqual(
      root
        .querySelectorAll('.policy-text .figure-missing')
        .map((p) => p.id)
        .sort(),
    );
    for (const c of images) {
      const file = (c.apparatus.find((a) => a.type === 'missing-image') as { file: string }).file;
      expect(c.text).toBe('');
      for (const [name, content] of [
        ['txt', txt],
        ['md', md],
      ]) {
        const lines = content.split('\n').filter((l) => l.includes(file));
        expect(lines.length, `${file} in .${name}`).toBeGreaterThan(0);
        for (const l of lines) expect(l, `.${name}`).toMatch(/〔编者注：原文此处为图片/u);
      }
    }
    for (const line of [...txt.split('\n'), ...md.split('\n')])
      expect(line.trim()).not.toMatch(/^[\p{Script=Han}\w-]*\d*\.(jpe?g|png|gif|bmp)$/iu);
    const supplied = all.filter((c) => c.apparatus.some((a) => a.type === 'supplied-title'));
    expect(supplied.map((c) => c.id).sort()).toEqual(
      root
        .querySelectorAll('.policy-text h2.part-title')
        .filter((h) => h.querySelector('.supplied'))
        .map((h) => h.id)
        .sort(),
    );
    for (const c of supplied) expect(txt).toContain(`〔编者注：“${c.cite}”为编者所加标签。`);
    const truncated = all.filter((c) => c.apparatus.some((a) => a.type === 'truncated'));
    expect(truncated.length).toBe(doc.document.truncated ? 1 : 0);
    expect(root.querySelector('#truncated') !== null).toBe(Boolean(doc.document.truncated));
    if (doc.document.truncated) expect(txt).toContain(`〔编者注：${doc.document.truncated}〕`);
    expect(doc.document.apparatus.some((a) => a.type === 'supplied-title')).toBe(doc.document.titleSupplied);
  });

  test('every old anchor in the data is a target on the page, inside the clause it now leads to', () => {
    const root = parse(html);
    for (const c of flat(doc.clauses)) {
      for (const alias of c.aliases ?? []) {
        const el = root.querySelector(`#${alias}`);
        expect(el, `${slug}#${alias}`).not.toBeNull();
        expect(clauseOf(el!.parentNode as HTMLElement), alias).toBe(c.id);
      }
    }
  });
});

describe('in the browser', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  test('hovering a repair shows the damaged original; focusing an editor’s note mark shows the note; its link leads to the report row', async () => {
    const page = await site.page();
    await page.goto(site.url('policies/guangdong-yigongti/#fj2-s2-3'));
    const repair = page
      .locator('#fj2-s2-3')
      .locator('xpath=ancestor::section[1]')
      .locator('span.repair', { hasText: '退补' });
    await expect(repair.locator('.original').isVisible()).resolves.toBe(false);
    await repair.locator('ins').hover();
    await expect(repair.locator('.original').isVisible()).resolves.toBe(true);
    await expect(repair.locator('.original').textContent()).resolves.toBe('乱码原作“?fù)搜a”');
    const note = page.locator('span.ed-note', { hasText: '县域外诊较多' });
    await note.locator('a.note-mark').focus();
    await expect(note.locator('.note-text').isVisible()).resolves.toBe(true);
    await expect(note.locator('.note-text').textContent()).resolves.toMatch(/^编者注：“县域外诊”不成词/u);
    const href = await repair.locator('a.repair-mark').getAttribute('href');
    await repair.locator('a.repair-mark').click();
    expect(new URL(page.url()).hash).toBe(href);
    await expect(page.locator(`tr${href}`).isVisible()).resolves.toBe(true);
    await expect(page.locator(`tr${href}`).textContent()).resolves.toContain('字节吻合');
    await page.context().close();
  });

  test('an old anchor still lands on its text (#s4-p2 → the attachment list of the 实施方案)', async () => {
    const page = await site.page();
    await page.goto(site.url('policies/guangdong-yigongti/#s4-p2'));
    const target = page.locator('p#fjsm-1');
    await expect(target.textContent()).resolves.toMatch(/^附件：1\.广东省三级甲等公立医院/u);
    const box = await target.boundingBox();
    expect(box && box.y >= 0 && box.y < 900).toBe(true);
    await page.context().close();
  });
});

describe('the faults the audit of the five texts found (issue 16)', () => {
  const clause = (slug: string, id: string) =>
    flat(openDocumentSchema.parse(JSON.parse(read(`data/${slug}.json`))).clauses).find((c) => c.id === id)!;
  const types = (slug: string, id: string) =>
    clause(slug, id).apparatus.map((a) => `${a.type}:${'text' in a ? a.text : ''}`);

  test('slips are corrected, uncertain readings get a note, the Guangdong repair reads 退补', () => {
    expect(types('datong-gaozhiliang', 's3-2-9')).toContain('correction:通');
    expect(types('lasa-tixi-2025', 's2-2-15')).toContain('correction:焦');
    expect(types('changping-gaozhiliang', 's2-5-22')).toContain('correction:作');
    expect(types('datong-gaozhiliang', 's2-p2')).toEqual(['note:精神学类']);
    expect(types('guangdong-yigongti', 'fj1-s3-2-1')).toContain('note:县域外诊较多');
    expect(types('lasa-tixi-2025', 's2-2-12')).toEqual(['note:中（藏）或中（藏）西医结合科']);
    expect(types('datong-gaozhiliang', 's1-p1')).toContain('note:党的二十届历次全会精神');
    const repair = clause('guangdong-yigongti', 'fj2-s2-3').apparatus.find(
      (a) => a.type === 'repair' && a.original === '?fù)搜a',
    );
    expect(repair).toMatchObject({ text: '退补', uncertain: false, check: { status: 'verified', confirmed: '退补' } });
    expect(read('policies/datong-gaozhiliang/index.html')).toMatch(/转载文本可能经过改动/u);
    expect(read('policies/lasa-tixi-2025/index.html')).toContain('印发通知的标题和文号原网页均未载');
  });

  test('part labels stay apart from titles in the outline, the Markdown and the data', () => {
    const toc = parse(read('policies/guangdong-yigongti/index.html')).querySelector('nav[aria-label="本文目录"]')!;
    expect(toc.querySelector('a[href="#fj1"]')!.text).toBe(
      '附件1　广东省三级甲等公立医院与县级公立医院开展医疗卫生“组团式”紧密型帮扶行动方案',
    );
    expect(toc.querySelector('a[href="#fj1b"]')!.text).toBe(
      '附表　广东省三级甲等公立医院与县级公立医院开展医疗卫生“组团式”紧密型帮扶表',
    );
    expect(read('data/guangdong-yigongti.md')).toContain(
      '## 附件2 广东省基层卫生人才队伍增量提质实施方案（2019-2022年） {#fj2}',
    );
    expect(clause('guangdong-yigongti', 'fj1')).toMatchObject({
      num: '附件1',
      title: '广东省三级甲等公立医院与县级公立医院开展医疗卫生“组团式”紧密型帮扶行动方案',
    });
    expect(clause('guangdong-yigongti', 'fj1b')).toMatchObject({ num: '附表' });
  });

  test('the attachment list belongs to the 实施方案, cited as 附件说明, with the old anchors as aliases', () => {
    const zw = clause('guangdong-yigongti', 'zw');
    expect(zw.children.slice(-4).map((c) => [c.id, c.cite, c.aliases])).toEqual([
      ['fjsm-1', '附件说明第1项', ['s4-p2']],
      ['fjsm-2', '附件说明第2项', ['s4-p3']],
      ['fjsm-3', '附件说明第3项', ['s4-p4']],
      ['fjsm-4', '附件说明第4项', ['s4-p5']],
    ]);
    expect(clause('guangdong-yigongti', 's4').children.map((c) => c.id)).toEqual(['s4-p1']);
  });
});
