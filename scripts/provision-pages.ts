/**
 * node scripts/provision-pages.ts [dir] [--only <file>]   (part of `npm run build`, after astro build)
 * Writes a page per provision into a built site (default dist/), of every
 * document or only of those listed in the JSON file (an array of slugs); see src/provision-pages/build.ts.
 */
import { readFileSync } from 'node:fs';
import { buildProvisionPages } from '../src/provision-pages/build.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--only');
const only = at >= 0 ? new Set(JSON.parse(readFileSync(args.splice(at, 2)[1], 'utf8')) as string[]) : undefined;
const dir = args[0] ?? 'dist';
const t0 = Date.now();
try {
  const { documents, pages } = buildProvisionPages({ out: dir, ...(only ? { only } : {}) });
  console.log(`provision-pages: ${pages} provision pages of ${documents} documents in ${Date.now() - t0} ms`);
} catch (e) {
  console.error(`provision-pages: ${(e as Error).message}`);
  process.exit(1);
}
