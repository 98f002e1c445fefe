/**
 * Screenshots of built pages in Debian Chromium, for looking at what we build:
 *   node scripts/screenshot.ts /policies/datong-gaozhiliang/#s3-4-15 [out-prefix]
 * Writes <prefix>-{phone,desktop}-{light,dark}.png into screenshots/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from './serve.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/browser.ts';

const path = process.argv[2] ?? '/';
const prefix = process.argv[3] ?? (path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home');
const server = await serve({ port: 4399 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
mkdirSync('screenshots', { recursive: true });
try {
  for (const [name, viewport] of [['phone', { width: 375, height: 800 }], ['desktop', { width: 1280, height: 900 }]] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
      // Network idle: pages that fetch (search results) are shown finished.
      await page.goto(`http://127.0.0.1:4399${path}`, { waitUntil: 'networkidle' });
      await page.waitForTimeout(300);
      const file = `screenshots/${prefix}-${name}-${scheme}.png`;
      await page.screenshot({ path: file, fullPage: process.argv.includes('--full') });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
