/**
 * Who is responsible for what: every provision's lead and partner agencies,
 * read into canonical agencies, across all documents. Built once per build
 * from the clause data. Names that cannot be read (./normalize.ts) get no
 * agency page; they stay on the document page as written and are listed for
 * review (./review.ts).
 */
import { getPolicies, type Policy } from '../policies.ts';
import { topicData } from '../topics/load.ts';
import { readAgency, type ResolvedAgency } from './normalize.ts';

export interface AgencyRole {
  doc: Policy;
  id: string;
  cite: string;
  title: string;
  role: 'lead' | 'partner';
  basis?: string;
}
export interface AgencyEntry {
  id: string;
  name: string;
  roles: AgencyRole[];
  lead: number;
  partner: number;
  region: string;
  match: ResolvedAgency['match'];
}

let cache: Promise<AgencyEntry[]> | undefined;

export function agencyIndex(): Promise<AgencyEntry[]> {
  cache ??= (async () => {
    const byId = new Map<string, AgencyEntry>();
    const clauses = topicData().clauses;
    for (const doc of await getPolicies()) {
      for (const c of clauses.get(doc.id)?.values() ?? []) {
        const a = c.agencies;
        if (!a) continue;
        for (const [names, role] of [
          [a.lead, 'lead'],
          [a.partners, 'partner'],
        ] as const) {
          for (const raw of names) {
            const ag = readAgency(raw, doc.data.region);
            if (ag.match === 'unresolved') continue;
            const e = byId.get(ag.id) ?? {
              id: ag.id,
              name: ag.name,
              roles: [],
              lead: 0,
              partner: 0,
              region: ag.place,
              match: ag.match,
            };
            e.roles.push({
              doc,
              id: c.id,
              cite: c.cite,
              title: c.title ?? '',
              role,
              ...(a.basis ? { basis: a.basis } : {}),
            });
            e[role]++;
            byId.set(ag.id, e);
          }
        }
      }
    }
    return [...byId.values()].sort(
      (x, y) => x.region.localeCompare(y.region, 'zh-CN-u-co-pinyin') || y.lead + y.partner - (x.lead + x.partner),
    );
  })();
  return cache;
}
