/**
 * Agency names of one document that an editor should look at: names the
 * canonical list (src/content/agency-names.json) cannot read, and names it
 * reads only by the level + short-form pattern (市卫健委 → 大同市卫生健康委员会),
 * which is right for the document's own level but worth a glance.
 *
 * One small function so that the lead can swap it for the agencies module's
 * own listing (src/lib/agencies) when that lands.
 */
import { readFileSync } from 'node:fs';
import { normalizeAgency, type Region } from '../agencies/normalize.ts';

export interface AgencyFinding { name: string; clauses: string[]; resolved?: { id: string; name: string }; hint?: string }
type WithAgencies = { id: string; agencies?: { lead: string[]; partners: string[] } };

const exactCache = new Map<string, Set<string>>();
/** The names the list gives whole (read once per file). */
function exactNames(file: string): Set<string> {
  let set = exactCache.get(file);
  if (!set) { set = new Set((JSON.parse(readFileSync(file, 'utf8')) as { exact: { name: string }[] }).exact.map((e) => e.name)); exactCache.set(file, set); }
  return set;
}

export function agencyFindings(clauses: WithAgencies[], region: Region, slug: string, namesFile = 'src/content/agency-names.json'): { unresolved: AgencyFinding[]; pattern: AgencyFinding[] } {
  const exact = exactNames(namesFile);
  const where = new Map<string, string[]>();
  for (const c of clauses) for (const n of [...(c.agencies?.lead ?? []), ...(c.agencies?.partners ?? [])]) where.set(n, [...new Set([...(where.get(n) ?? []), c.id])]);
  const unresolved: AgencyFinding[] = [];
  const pattern: AgencyFinding[] = [];
  for (const [name, ids] of [...where].sort(([a], [b]) => (a < b ? -1 : 1))) {
    try {
      const a = normalizeAgency(name, region, slug);
      if (!exact.has(name)) pattern.push({ name, clauses: ids, resolved: { id: a.id, name: a.name } });
    } catch (e) {
      unresolved.push({ name, clauses: ids, hint: (e as Error).message.split('hint: ')[1] ?? '' });
    }
  }
  return { unresolved, pattern };
}
