/**
 * Link checker over the built site (dist/): every internal link, asset and
 * #fragment must resolve (scripts/lib/check-links.ts). Failures name the page
 * and link.
 *
 *   node scripts/check-links.ts [--dir dist] [--base /sub/path/]
 * Exit code 1 when anything is broken.
 */
import { parseArgs } from 'node:util';
import { checkLinks } from './lib/check-links.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, base: { type: 'string' } } });
const dir = values.dir;
const base = values.base ?? process.env.BASE ?? '/';
const { pages, links, broken } = checkLinks(dir, base);
for (const b of broken) console.error(`${b.page}: broken link ${b.link} — ${b.problem}`);
console.log(`check-links: ${pages} pages, ${links} internal links, ${broken.length} broken`);
process.exit(broken.length ? 1 : 0);
