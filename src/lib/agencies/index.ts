/**
 * Who is responsible for what: every provision's lead and partner agencies,
 * normalised, across all documents. Built once per build from the clause data.
 */
import { getPolicies, type Policy } from '../policies.ts';
import { topicData } from '../topics/load.ts';
import { normalizeAgency, type Agency } from './normalize.ts';

export interface AgencyRole { doc: Policy; id: string; cite: string; title: string; role: 'lead' | 'partner'; basis?: string }
export interface AgencyEntry extends Agency { roles: AgencyRole[]; lead: number; partner: number; region: string }

let cache: Promise<AgencyEntry[]> | undefined;

export function agencyIndex(): Promise<AgencyEntry[]> {
  cache ??= (async () => {
    const byId = new Map<string, AgencyEntry>();
    const clauses = topicData().clauses;
    for (const doc of await getPolicies()) {
      for (const c of clauses.get(doc.id)?.values() ?? []) {
        const a = (c as { agencies?: { lead: string[]; partners: string[]; basis?: string } }).agencies;
        if (!a) continue;
        for (const [names, role] of [[a.lead, 'lead'], [a.partners, 'partner']] as const) {
          for (const raw of names) {
            const ag = normalizeAgency(raw, doc.data.region, doc.id);
            const e = byId.get(ag.id) ?? { ...ag, roles: [], lead: 0, partner: 0, region: `${doc.data.region.province}${doc.data.region.city ?? ''}${doc.data.region.district ?? ''}` };
            e.roles.push({ doc, id: c.id, cite: c.cite, title: c.title ?? '', role, ...(a.basis ? { basis: a.basis } : {}) });
            e[role]++;
            byId.set(ag.id, e);
          }
        }
      }
    }
    return [...byId.values()].sort((x, y) => x.region.localeCompare(y.region, 'zh-CN-u-co-pinyin') || (y.lead + y.partner) - (x.lead + x.partner));
  })();
  return cache;
}
