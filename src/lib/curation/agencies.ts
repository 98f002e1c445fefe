/**
 * Agency names of one document that an editor should look at, for the
 * curation report: names the agency table (src/content/agency-names.json)
 * cannot read, and names read only by the level + short-form pattern for a
 * place the table does not list yet (州卫健委 in 海南州 → 海南藏族自治州卫生健康委员会).
 * The reading itself is the agencies module's (src/lib/agencies/review.ts);
 * this only shapes it for the report.
 */
import { agencyReviewOf } from '../agencies/review.ts';
import { loadAgencyNames, type Region } from '../agencies/normalize.ts';
import { CONTENT } from '../data/paths.ts';
import type { AgencyFinding } from '../../schemas/curation.ts';

export type { AgencyFinding };
type WithAgencies = { id: string; agencies?: { lead: string[]; partners: string[] } };

export function agencyFindings(
  clauses: WithAgencies[],
  region: Region,
  slug: string,
  namesFile: string = CONTENT.agencyNames,
): { unresolved: AgencyFinding[]; pattern: AgencyFinding[] } {
  const [doc] = agencyReviewOf([{ slug, region, clauses }], loadAgencyNames(namesFile));
  const unresolved: AgencyFinding[] = [];
  const pattern: AgencyFinding[] = [];
  for (const n of [...(doc?.names ?? [])].sort((a, b) => (a.asWritten < b.asWritten ? -1 : 1))) {
    if (n.match === 'unresolved') unresolved.push({ name: n.asWritten, clauses: n.clauses, hint: n.reason ?? '' });
    else pattern.push({ name: n.asWritten, clauses: n.clauses, resolved: { id: n.id!, name: n.name! } });
  }
  return { unresolved, pattern };
}
