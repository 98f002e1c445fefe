/**
 * Link checker over the built site (dist/): every internal link, asset and
 * #fragment must resolve (scripts/lib/check-links.ts). Failures name the page
 * and link.
 *
 *   node scripts/check-links.ts [--dir dist] [--base /sub/path/] [--skip <file>]
 * Exit code 1 when anything is broken.
 *
 * --skip names a JSON array of folders (relative to --dir, e.g.
 * "policies/x/") whose pages are not read as sources: an incremental build
 * (scripts/build.ts) passes the documents it kept from the previous site,
 * which that site's check already passed and whose links cannot have broken
 * since (what they link to is part of their pages digest:
 * src/loaders/policies.ts). Links into them are still checked.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkLinksOnCores } from './lib/check-links.ts';

const { values } = parseArgs({
  options: { dir: { type: 'string', default: 'dist' }, base: { type: 'string' }, skip: { type: 'string' } },
});
const dir = values.dir;
const base = values.base ?? process.env.BASE ?? '/';
const skip = values.skip
  ? (JSON.parse(readFileSync(values.skip, 'utf8')) as string[]).map((f) => f.replace(/\/$/, ''))
  : [];
const { pages, links, broken, threads } = await checkLinksOnCores(dir, base, skip);
for (const b of broken) console.error(`${b.page}: broken link ${b.link} — ${b.problem}`);
console.log(
  `check-links: ${pages} pages${skip.length ? ` (${skip.length} kept documents' pages not read)` : ''}, ${links} internal links, ${broken.length} broken${threads > 1 ? ` (${threads} threads)` : ''}`,
);
process.exit(broken.length ? 1 : 0);
