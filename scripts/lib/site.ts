/**
 * A built site opened in a browser: serves dist/ on 127.0.0.1 (a free port)
 * and drives Debian Chromium through playwright-core. Shared by the browser
 * tests (through tests/e2e/harness.ts) and `npm run bench`.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { existsSync, readdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { serve } from './serve.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { CONTENT, contentFiles } from '../../src/lib/data/paths.ts';

export interface Site {
  /** Absolute URL of a site path, e.g. url('policies/x/#s1'). */
  url(path?: string): string;
  browser: Browser;
  page(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

export async function openSite(opts: { dir?: string; base?: string } = {}): Promise<Site> {
  const dir = opts.dir ?? 'dist';
  if (!existsSync(`${dir}/index.html`))
    throw new Error(`${dir}/index.html is missing: run \`npm run build\` before the browser tests.`);
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run scripts/ensure-chromium.sh (apt-get install chromium fonts-noto-cjk).`,
    );
  const base = opts.base ?? '/';
  const server: Server = await serve({ dir, base, port: 0 });
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const root = `http://127.0.0.1:${port}${base.startsWith('/') ? base : `/${base}`}`.replace(/\/?$/, '/');
  return {
    url: (path = '') => root + path.replace(/^\//, ''),
    browser,
    async page(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
      return context.newPage();
    },
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * The slugs of the library's documents, read at test time from the MDX files
 * ingest wrote (src/content/policies), which the build turned into dist/.
 * Never a fixed list: tests must hold for whatever documents the library holds.
 */
export function librarySlugs(content: string = CONTENT.content): string[] {
  return readdirSync(contentFiles(content).policies)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.replace(/\.mdx$/, ''))
    .sort();
}
export const DOCS: readonly string[] = librarySlugs();
