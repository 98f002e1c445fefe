/**
 * Runs Lighthouse (npm `lighthouse`, Debian Chromium) on the built site's key
 * pages and returns the scores. Used by `npm run bench` (all categories,
 * mobile and desktop) and by the tests (accessibility, best practices, SEO);
 * the command is scripts/lighthouse.ts.
 */
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { serve } from './serve.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

/**
 * The key page types of a built site, chosen from what it holds rather than
 * from today's documents: the home page, the longest document page, the
 * glossary index, the term page listing most uses, the largest topic page,
 * and a search for the term of that entry (pages a type lacks are left out).
 */
export function lighthousePages(dir = 'dist'): string[] {
  const largest = (section: string): string | undefined => {
    const root = join(dir, section);
    if (!existsSync(root)) return undefined;
    const sized = readdirSync(root)
      .map((id) => join(root, id, 'index.html'))
      .filter((f) => existsSync(f))
      .map((f) => ({ f, size: statSync(f).size }));
    sized.sort((a, b) => b.size - a.size || (a.f < b.f ? -1 : 1));
    return (
      sized[0] &&
      `${relative(dir, sized[0].f)
        .replace(/\\/g, '/')
        .replace(/index\.html$/, '')}`
    );
  };
  const term = largest('glossary');
  const termName = term && /<h1[^>]*>([^<]+)</.exec(readFileSync(join(dir, term, 'index.html'), 'utf8'))?.[1]?.trim();
  return [
    '',
    largest('policies'),
    'glossary/',
    term,
    largest('topics'),
    termName ? `search/?q=${termName}` : undefined,
  ].filter((p): p is string => p !== undefined);
}

export interface LighthouseScores {
  page: string;
  preset: 'mobile' | 'desktop';
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcp: number;
  tbt: number;
  cls: number;
  failing: string[];
}

export async function runLighthouse(
  opts: { dir?: string; pages?: string[]; presets?: ('mobile' | 'desktop')[]; categories?: string[] } = {},
): Promise<LighthouseScores[]> {
  const server: Server = await serve({ dir: opts.dir ?? 'dist', port: 0 });
  const port = (server.address() as AddressInfo).port;
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_ARGS.filter((f) => f !== '--headless').concat('--headless=new'),
  });
  const out: LighthouseScores[] = [];
  try {
    for (const preset of opts.presets ?? ['mobile']) {
      for (const page of opts.pages ?? lighthousePages(opts.dir ?? 'dist')) {
        const url = `http://127.0.0.1:${port}/${encodeURI(page)}`;
        const result = await lighthouse(
          url,
          {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: opts.categories ?? ['performance', 'accessibility', 'best-practices', 'seo'],
          },
          preset === 'desktop' ? desktopConfig : undefined,
        );
        const lhr = result!.lhr;
        const score = (c: string) => Math.round((lhr.categories[c]?.score ?? NaN) * 100);
        const failing = Object.values(lhr.categories).flatMap((c) =>
          c.id === 'performance'
            ? []
            : c.auditRefs
                .filter((r) => r.weight > 0 && (lhr.audits[r.id].score ?? 1) < 1)
                .map((r) => `${c.id}/${r.id}: ${lhr.audits[r.id].title}`),
        );
        out.push({
          page: `/${page}`,
          preset,
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          seo: score('seo'),
          lcp: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
          tbt: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
          cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)),
          failing,
        });
      }
    }
  } finally {
    chrome.kill();
    server.close();
  }
  return out;
}
