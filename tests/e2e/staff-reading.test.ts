/**
 * Staff at work: from a provision's agency label to the agency's page, its
 * targets and deadlines beside its tasks, and the targets page filtered by
 * agency, undated rows last, no internal notes, readable cards on a phone.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSite, type Site } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

interface T {
  id: string;
  doc: string;
  clause: string;
  value: string;
  indicator: string;
  deadline: string;
  note?: string;
}
const targets = JSON.parse(readFileSync('src/content/targets.json', 'utf8')) as T[];

describe('agencies', () => {
  test('an agency label on a provision leads to the agency’s page', async () => {
    const page = await site.page();
    await page.goto(site.url('policies/datong-gaozhiliang/#s3-4-15'));
    await page.locator('section.provision[data-id="s3-4-15"] .agencies a', { hasText: '市人社局' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/agencies/datong-renshe/');
    await expect(page.locator('h1').textContent()).resolves.toBe('大同市人力资源和社会保障局');
    await page.context().close();
  });

  test('an agency page lists the targets and deadlines of its tasks beside them', async () => {
    const page = await site.page();
    await page.goto(site.url('agencies/guangdong-weijian/'));
    // Each listed target sits under the task (a clause link) that states it, with its deadline.
    const rows = await page.locator('.agency-tasks > li:has(.task-targets)').evaluateAll((lis) =>
      lis.map((li) => ({
        task: (li.querySelector(':scope > a') as HTMLAnchorElement).hash.slice(1),
        targets: [...li.querySelectorAll('.task-targets li')].map((t) => t.textContent ?? ''),
      })),
    );
    expect(rows.length).toBeGreaterThan(0);
    const gd = targets.filter((t) => t.doc === 'guangdong-yigongti');
    for (const r of rows) {
      for (const text of r.targets) {
        const t = gd.find((x) => text.includes(`${x.indicator}：${x.value}`));
        expect(t, text).toBeDefined();
        expect(t!.clause === r.task || t!.clause.startsWith(`${r.task}-`), `${t!.id} under ${r.task}`).toBe(true);
        expect(text).toContain(t!.deadline === '未注明' ? '原文未注明期限' : t!.deadline);
      }
    }
    await page.context().close();
  });
});

describe('the targets page', () => {
  test('filters by responsible agency', async () => {
    const page = await site.page();
    await page.goto(site.url('targets/'));
    await page.getByLabel('责任单位').selectOption('guangdong-weijian');
    const shown = await page
      .locator('[data-targets] tbody tr:visible')
      .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.agencies ?? ''));
    expect(shown.length).toBeGreaterThan(0);
    for (const a of shown) expect(a.split(' ')).toContain('guangdong-weijian');
    await expect(
      page
        .locator('[data-targets] tbody tr:visible')
        .first()
        .locator('.target-agencies a', { hasText: '广东省卫生健康委员会' })
        .count(),
    ).resolves.toBe(1);
    await page.context().close();
  });

  test('sorted by deadline, rows without one come last in both directions', async () => {
    const page = await site.page();
    await page.goto(site.url('targets/'));
    const dated = () =>
      page.locator('[data-targets] tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.dated));
    const lastFirst = (list: (string | undefined)[]) =>
      list.indexOf('0') === -1 || list.slice(list.indexOf('0')).every((d) => d === '0');
    await page.getByRole('button', { name: '期限' }).click();
    expect(lastFirst(await dated())).toBe(true);
    await page.getByRole('button', { name: '期限' }).click();
    await expect(page.locator('th[data-sort="year"]').getAttribute('aria-sort')).resolves.toBe('descending');
    expect(lastFirst(await dated())).toBe(true);
    await page.context().close();
  });

  test('shows no editors’ notes on how a figure was read', () => {
    const page = readFileSync('dist/targets/index.html', 'utf8');
    const internal = targets
      .flatMap((t) => (t.note ?? '').split('；'))
      .filter((s) => /number|取[上下]限|按\d{4}年计/u.test(s));
    expect(internal.length).toBeGreaterThan(0);
    for (const s of internal) expect(page).not.toContain(s);
    expect(page).not.toMatch(/number取/u);
  });

  test.each(['light', 'dark'] as const)('on a phone each target is a readable card (%s)', async (colorScheme) => {
    const page = await site.page({ viewport: { width: 390, height: 844 }, colorScheme });
    await page.goto(site.url('targets/'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
    const row = page.locator('[data-targets] tbody tr').first();
    const box = await row.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    // Each line carries its label; the value is on screen, not cut off at the side.
    await expect(row.locator('td.num').evaluate((td) => getComputedStyle(td, '::before').content)).resolves.toBe(
      '"数值"',
    );
    const value = await row.locator('td.num a').boundingBox();
    expect(value!.x + value!.width).toBeLessThanOrEqual(390);
    await page.context().close();
  });
});
