/**
 * One document's responsible agencies, for its search record
 * (src/search-index/agency-meta.ts): per canonical agency (ordered by id),
 * its full name and the clauses it leads or joins, in document order. Read
 * from the document's clause data the same way the agency pages are
 * (readAgency, ./normalize.ts; agencyIndex in ./index.ts): a name that
 * cannot be read has no agency page and no entry here. Per document, so the
 * search index's parts compute it on their own (no built page is read, and a
 * document listed on an agency's tenth page is found as one on its first).
 */
import type { ClauseRecord } from '../../schemas/clauses.ts';
import type { AgencyMeta } from '../../search-index/agency-meta.ts';
import { readAgency, type Region } from './normalize.ts';

export function documentAgencies(clauses: readonly ClauseRecord[], region: Region): AgencyMeta {
  const byId = new Map<string, { name: string; anchors: string[] }>();
  for (const c of clauses) {
    const a = c.agencies;
    if (!a) continue;
    for (const raw of [...a.lead, ...a.partners]) {
      const ag = readAgency(raw, region);
      if (ag.match === 'unresolved') continue;
      const e = byId.get(ag.id) ?? { name: ag.name, anchors: [] };
      if (!e.anchors.includes(c.id)) e.anchors.push(c.id);
      byId.set(ag.id, e);
    }
  }
  return [...byId]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, { name, anchors }]) => [id, name, ...anchors]);
}
