/**
 * node scripts/provision-pages.ts [dir]   (part of `npm run build`, after astro build)
 * Writes a page per provision into a built site (default dist/); see
 * src/provision-pages/build.ts.
 */
import { buildProvisionPages } from '../src/provision-pages/build.ts';

const dir = process.argv[2] ?? 'dist';
const t0 = Date.now();
try {
  const { documents, pages } = buildProvisionPages({ out: dir });
  console.log(`provision-pages: ${pages} provision pages of ${documents} documents in ${Date.now() - t0} ms`);
} catch (e) {
  console.error(`provision-pages: ${(e as Error).message}`);
  process.exit(1);
}
