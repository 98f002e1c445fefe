/** axe-core on every page type, light and dark, desktop and phone: zero violations. */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openSite, type Site, DOCS } from './harness.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
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
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      // @ts-expect-error axe is injected above
      const res = await window.axe.run(document, { resultTypes: ['violations'] });
      return res.violations.map(
        (v: { id: string; help: string; nodes: { target: string[] }[] }) =>
          `${v.id}: ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      );
    });
    expect(violations).toEqual([]);
    await page.context().close();
  });
}
