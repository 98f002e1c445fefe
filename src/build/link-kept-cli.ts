/**
 * node src/build/link-kept-cli.ts <from> <to> <slugs.json>
 * Hard-links the listed documents' own files from a previous output into a
 * new one (link-kept.ts); run by scripts/build.ts beside `astro build`.
 */
import { readFileSync } from 'node:fs';
import { linkKept } from './link-kept.ts';

const [from, to, list] = process.argv.slice(2);
if (!from || !to || !list) {
  console.error('link-kept-cli: usage: node src/build/link-kept-cli.ts <from> <to> <slugs.json>');
  process.exit(1);
}
const n = linkKept(from, to, JSON.parse(readFileSync(list, 'utf8')) as string[]);
console.log(`build: ${n} files of the previous site's documents linked ahead`);
