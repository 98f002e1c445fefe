/** Related provisions, topic pages and cited documents. */
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSite, type Site } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});
const html = (p: string) => readFileSync(`dist/${p}`, 'utf8');
const relations = JSON.parse(readFileSync('src/content/relations.json', 'utf8')) as { id: string; clauses: string[] }[];
const topics = readdirSync('src/content/topics').map((f) => f.replace(/\.json$/, ''));

describe('built pages', () => {
  test('every relation is shown under each of its provisions, linking straight to the other clauses', () => {
    for (const r of relations) {
      for (const member of r.clauses) {
        const [slug, id] = member.split('#');
        const page = html(`policies/${slug}/index.html`);
        // The provision's own section (before any nested provision) holds the related block.
        const start = page.indexOf(`data-id="${id}"`);
        if (start === -1) continue; // a paragraph: its topics are listed on the topic page
        const own = page.slice(start, page.indexOf('<div class="related"', start) + 4000);
        for (const other of r.clauses.filter((c) => !c.startsWith(`${slug}#`))) {
          const [s, i] = other.split('#');
          expect(own, `${member} → ${other} (${r.id})`).toContain(`href="/policies/${s}/#${i}"`);
        }
      }
    }
  });
  test('a topic page for every topic, with clause links for at least two documents', () => {
    for (const t of topics) {
      const page = html(`topics/${t}/index.html`);
      const docs = new Set([...page.matchAll(/href="\/policies\/([^/]+)\/#[a-z0-9-]+"/g)].map((m) => m[1]));
      expect(docs.size, t).toBeGreaterThanOrEqual(2);
    }
    expect(html('topics/index.html').match(/href="\/topics\/[a-z0-9-]+\/"/g)!.length).toBe(topics.length);
  });
  test('cited documents: references become links, to the library or to the cited-documents page', () => {
    const datong = html('policies/datong-gaozhiliang/index.html');
    const m =
      /<a href="\/cited\/#(c-[a-z0-9]+)"[^>]*>《山西省人民政府办公厅关于印发山西省推动公立医院高质量发展实施方案的通知》（晋政办发〔2022〕31号）<\/a>/.exec(
        datong,
      );
    expect(m).not.toBeNull();
    const cited = html('cited/index.html');
    expect(cited).toContain(`<li id="${m![1]}">`);
    expect(cited).toMatch(/晋政办发〔2022〕31号[\s\S]*?href="\/policies\/datong-gaozhiliang\/#p1"/);
    expect(html('policies/changping-gaozhiliang/index.html')).toContain('（国办发〔2021〕18号）</a>');
    // A library document cited by another page of the library links to its page.
    expect(cited).toMatch(/href="\/policies\/lasa-tixi-2025\/">《拉萨市进一步完善医疗卫生服务体系工作举措》/);
  });
});

describe('in the browser', () => {
  test('a related link lands on the matching clause of the other document', async () => {
    const page = await site.page();
    await page.goto(site.url('policies/datong-gaozhiliang/#s3-4-15'));
    const related = page.locator(
      'section.provision[data-id="s3-4-15"] > div.related a[href="/policies/changping-gaozhiliang/#s2-3-14"]',
    );
    await expect(related.textContent()).resolves.toContain('昌平高质量发展方案');
    await related.click();
    await page.waitForURL(/changping-gaozhiliang\/#s2-3-14$/);
    expect((await page.locator('#s2-3-14').boundingBox())!.y).toBeLessThan(200);
    await page.context().close();
  });
  test('a topic page lines documents up side by side on a desktop and stacks them on a phone', async () => {
    const desk = await site.page({ viewport: { width: 1280, height: 900 } });
    await desk.goto(site.url('topics/xinchou-zhidu/'));
    const xs = await desk
      .locator('.topic-column')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().x)));
    expect(new Set(xs.slice(0, 3)).size).toBe(3);
    await desk.context().close();
    const phone = await site.page({ viewport: { width: 360, height: 800 } });
    await phone.goto(site.url('topics/xinchou-zhidu/'));
    const px = await phone
      .locator('.topic-column')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().x)));
    expect(new Set(px).size).toBe(1);
    expect(
      await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBe(0);
    await phone.locator('.topic-clause a').first().click();
    await phone.waitForURL(/\/policies\/[^/]+\/#[a-z0-9-]+$/);
    await phone.context().close();
  });
});
