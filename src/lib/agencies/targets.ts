/**
 * The targets an agency answers for: those whose provision (or the nearest
 * parent naming agencies, targetOwner) lists the agency, keyed doc#clause.
 */
import { targetOwner, targets } from '../targets.ts';
import type { Target } from '../../schemas/targets.ts';
import type { AgencyEntry } from './index.ts';

export function agencyTargets(agency: AgencyEntry): Map<string, Target[]> {
  const mine = new Set(agency.roles.map((r) => `${r.doc.id}#${r.id}`));
  const out = new Map<string, Target[]>();
  for (const t of targets()) {
    const owner = targetOwner(t);
    const key = owner && `${t.doc}#${owner.id}`;
    if (key && mine.has(key)) out.set(key, [...(out.get(key) ?? []), t]);
  }
  return out;
}
