/**
 * Where each glossary term occurs in the library, from what remark-glossary
 * recorded while rendering each document (data.rendering). Linear in
 * the number of documents and occurrences.
 */
import type { GlossaryOccurrence } from '../../render/policy/plugins/remark-glossary.ts';
import { getPolicies, policyRendering, type Policy } from '../policies.ts';

export interface TermUse {
  doc: Policy;
  occurrences: GlossaryOccurrence[];
}

let cache: Promise<Map<string, TermUse[]>> | undefined;

export function termOccurrences(): Promise<Map<string, TermUse[]>> {
  cache ??= (async () => {
    const byTerm = new Map<string, TermUse[]>();
    for (const doc of await getPolicies()) {
      const occ = policyRendering(doc).glossaryOccurrences;
      const perTerm = new Map<string, GlossaryOccurrence[]>();
      for (const o of occ) perTerm.set(o.term, [...(perTerm.get(o.term) ?? []), o]);
      for (const [term, list] of perTerm) byTerm.set(term, [...(byTerm.get(term) ?? []), { doc, occurrences: list }]);
    }
    return byTerm;
  })();
  return cache;
}
