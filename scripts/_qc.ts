import { readFileSync, readdirSync } from 'node:fs';
import { clauseRecords, docInfo } from '../src/integrations/clause-records.ts';
const recs: any[] = [];
for (const slug of readdirSync('/work/main/dist/policies')) {
  const html = readFileSync(`/work/main/dist/policies/${slug}/index.html`, 'utf8');
  const d = docInfo(html)!;
  for (const r of clauseRecords(html)) recs.push({ slug, ...r });
}
const qs = process.argv.slice(2);
for (const q of qs) {
  const parts = q.split(' ');
  const m = recs.filter((r) => parts.every((p) => r.content.toLowerCase().includes(p.toLowerCase())));
  console.log(`${q}\t${m.length}\t${m.map((r) => `${r.slug}#${r.anchor}${r.title.includes(parts[0]) ? '*' : ''}`).join(' ')}`);
}
