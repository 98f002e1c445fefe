/**
 * Each document's responsible agencies, read from the built agency pages
 * (dist/agencies/<id>/index.html, src/pages/agencies/[id].astro): the
 * canonical full name (its h1) and the clauses it leads or joins (its links
 * to /policies/<slug>/#<anchor>). The search index carries them per document
 * (agency-meta.ts), so a full name finds the clauses that abbreviate it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import type { AgencyMeta } from './agency-meta.ts';

export function agenciesByDocument(out: string): Map<string, AgencyMeta> {
  const dir = join(out, 'agencies');
  const byDoc = new Map<string, AgencyMeta>();
  if (!existsSync(dir)) return byDoc;
  for (const id of readdirSync(dir).sort()) {
    const file = join(dir, id, 'index.html');
    if (!existsSync(file)) continue;
    const page = parse(readFileSync(file, 'utf8')).querySelector('main .page') ?? parse(readFileSync(file, 'utf8'));
    const name = page.querySelector('h1')?.textContent.trim();
    if (!name) continue;
    const anchors = new Map<string, string[]>();
    for (const a of page.querySelectorAll('a[href]')) {
      const m = /\/policies\/([^/]+)\/#(.+)$/.exec(a.getAttribute('href') ?? '');
      if (m) anchors.set(m[1], [...new Set([...(anchors.get(m[1]) ?? []), decodeURIComponent(m[2])])]);
    }
    for (const [slug, list] of anchors) byDoc.set(slug, [...(byDoc.get(slug) ?? []), [id, name, ...list]]);
  }
  return byDoc;
}
