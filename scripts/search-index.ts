/**
 * node scripts/search-index.ts [dir]   (part of `npm run build`)
 * Writes the Pagefind index of a built site (default dist/) after
 * `astro build`; see src/search-index/build.ts.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildSearchIndex } from '../src/search-index/build.ts';

const dir = parseArgs({ allowPositionals: true }).positionals[0] ?? 'dist';
if (!existsSync(`${dir}/index.html`)) {
  console.error(
    `search-index: ${dir}/index.html does not exist.\n  hint: run \`astro build\` first (npm run build does both).`,
  );
  process.exit(1);
}
await buildSearchIndex(dir, (m) => console.log(`search-index: ${m}`));
