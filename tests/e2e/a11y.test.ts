/** axe-core on every page type, light and dark, desktop and phone: zero violations. */
import { readdirSync } from 'node:fs';
import { axeViolations } from './axe.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openSite, type Site, DOCS } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const PAGES = [
  '',
  'about/',
  '404.html',
  'search/?q=医共体',
  'topics/',
  'topics/xinchou-zhidu/',
  'cited/',
  'agencies/',
  'agencies/datong-weijian/',
  'targets/',
  'glossary/',
  'glossary/liangge-yunxu/',
  ...['regions', 'years'].map((k) => `${k}/${readdirSync(`dist/${k}`)[0]}/`),
  ...DOCS.map((s) => `policies/${s}/`),
];
const MODES = [
  { name: 'desktop light', viewport: { width: 1280, height: 900 }, colorScheme: 'light' as const },
  { name: 'phone dark', viewport: { width: 375, height: 800 }, colorScheme: 'dark' as const },
];

for (const mode of MODES) {
  test.each(PAGES)(`axe: /%s (${mode.name})`, async (path) => {
    // bypassCSP: axe is injected as an inline script, which the pages' Content-Security-Policy refuses.
    const page = await site.page({ viewport: mode.viewport, colorScheme: mode.colorScheme, bypassCSP: true });
    await page.goto(site.url(path));
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    await page.context().close();
  });
}
