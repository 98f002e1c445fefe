/**
 * node scripts/sitemap.ts [dir]   (part of `npm run build`, after astro build)
 * Writes the sitemaps of a built site (default dist/) when SITE is set;
 * see src/sitemap/build.ts. BASE as for the build.
 */
import { existsSync } from 'node:fs';
import { writeSitemaps } from '../src/sitemap/build.ts';

const dir = process.argv[2] ?? 'dist';
if (!existsSync(`${dir}/index.html`)) {
  console.error(
    `sitemap: ${dir}/index.html does not exist.\n  hint: run \`astro build\` first (npm run build does both).`,
  );
  process.exit(1);
}
const site = process.env.SITE;
if (!site) {
  console.warn(
    'sitemap: SITE is not set, so no sitemap is written (a sitemap needs absolute URLs).\n  hint: SITE=https://your.host npm run build',
  );
} else {
  const { urls, files } = writeSitemaps(dir, site, process.env.BASE || '/');
  console.log(
    `sitemap: ${urls} pages in ${files} ${files === 1 ? 'sitemap' : 'sitemaps'} (sitemap.xml is their index)`,
  );
}
