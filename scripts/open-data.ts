/**
 * node scripts/open-data.ts [dir] [--only <file>]   (part of `npm run build`, after astro build)
 * Writes each document's open-data files (data/<slug>.json, .md, .txt) into a
 * built site (default dist/), of every document or only of those listed in
 * the JSON file (an array of slugs), on BUILD_THREADS threads (default: every
 * core); see src/open-data/build.ts.
 */
import { readFileSync } from 'node:fs';
import { cliArgs } from './lib/args.ts';
import { buildOpenData } from '../src/open-data/build.ts';

const parsed = cliArgs(
  'open-data',
  'node scripts/open-data.ts [dir] [--only <file with a JSON array of slugs>]',
  { options: { only: { type: 'string' } }, allowPositionals: true },
  ({ positionals }) => (positionals.length > 1 ? `one built site at a time, not ${positionals.join(' ')}` : undefined),
);
const dir = parsed.positionals[0] ?? 'dist';
const t0 = Date.now();
try {
  const only = parsed.values.only
    ? new Set(JSON.parse(readFileSync(parsed.values.only, 'utf8')) as string[])
    : undefined;
  const { documents, threads } = await buildOpenData({ out: dir, ...(only ? { only } : {}) });
  console.log(
    `open-data: the files of ${documents} documents in ${Date.now() - t0} ms${threads > 1 ? ` (${threads} threads)` : ''}`,
  );
} catch (e) {
  console.error(`open-data: ${(e as Error).message}`);
  process.exit(1);
}
