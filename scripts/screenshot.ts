/**
 * Screenshots of built pages in Debian Chromium, for looking at what we build:
 *   node scripts/screenshot.ts /policies/datong-gaozhiliang/#s3-4-15 [out-prefix] [--full] [--dir dist]
 * Writes <prefix>-{phone,desktop}-{light,dark}.png into screenshots/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serve } from './lib/serve.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './lib/chromium.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { full: { type: 'boolean', default: false }, dir: { type: 'string', default: 'dist' } },
});
const path = positionals[0] ?? '/';
const prefix = positionals[1] ?? (path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home');
// A free port: several screenshot runs (or a running `npm start`) may share the machine.
const server = await serve({ dir: values.dir, port: 0 });
const { port } = server.address() as AddressInfo;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
mkdirSync('screenshots', { recursive: true });
try {
  for (const [name, viewport] of [
    ['phone', { width: 375, height: 800 }],
    ['desktop', { width: 1280, height: 900 }],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
      // Network idle: pages that fetch (search results) are shown finished.
      await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'networkidle' });
      await page.waitForTimeout(300);
      const file = `screenshots/${prefix}-${name}-${scheme}.png`;
      await page.screenshot({ path: file, fullPage: values.full });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
