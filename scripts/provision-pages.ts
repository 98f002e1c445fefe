/**
 * node scripts/provision-pages.ts [dir] [--only <file>]   (part of `npm run build`, after astro build)
 * Writes a page per provision into a built site (default dist/), of every
 * document or only of those listed in the JSON file (an array of slugs), on
 * BUILD_THREADS threads (default: every core); see src/provision-pages/build.ts.
 */
import { readFileSync } from 'node:fs';
import { cliArgs } from './lib/args.ts';
import { buildProvisionPages } from '../src/provision-pages/build.ts';

const parsed = cliArgs(
  'provision-pages',
  'node scripts/provision-pages.ts [dir] [--only <file with a JSON array of slugs>]',
  { options: { only: { type: 'string' } }, allowPositionals: true },
  ({ positionals }) => (positionals.length > 1 ? `one built site at a time, not ${positionals.join(' ')}` : undefined),
);
const dir = parsed.positionals[0] ?? 'dist';
const t0 = Date.now();
try {
  const only = parsed.values.only
    ? new Set(JSON.parse(readFileSync(parsed.values.only, 'utf8')) as string[])
    : undefined;
  const { documents, pages, threads } = await buildProvisionPages({ out: dir, ...(only ? { only } : {}) });
  console.log(
    `provision-pages: ${pages} provision pages of ${documents} documents in ${Date.now() - t0} ms${threads > 1 ? ` (${threads} threads)` : ''}`,
  );
} catch (e) {
  console.error(`provision-pages: ${(e as Error).message}`);
  process.exit(1);
}
