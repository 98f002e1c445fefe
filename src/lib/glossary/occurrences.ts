/**
 * Where each glossary term occurs in the library, from what remark-glossary
 * recorded while rendering each document (data.rendering). Written out once
 * per build, one file per term (term-uses.ts), read back a page at a time by
 * the term pages: not held. Linear in the number of documents and occurrences.
 */
import type { GlossaryOccurrence } from '../../render/policy/plugins/remark-glossary.ts';
import { clauseCite, docLabel, getPolicies, policyRendering, type Policy } from '../policies.ts';
import { PAGE_SIZE } from '../paginate.ts';
import { scratchDir } from '../build-cache/scratch.ts';
import { readTermUses, writeTermUses, type TermUsesOf } from './term-uses.ts';

export type { TermUsesOf } from './term-uses.ts';

export interface TermUse {
  doc: Policy;
  occurrences: GlossaryOccurrence[];
}

let index: Promise<Map<string, TermUsesOf>> | undefined;
let byId: Map<string, Policy> | undefined;

/** Per term id: how many documents and occurrences, its pages (PAGE_SIZE documents each, newest first) and the digest of what they show. */
export function termUsesIndex(): Promise<Map<string, TermUsesOf>> {
  index ??= (async () => {
    const docs = await getPolicies();
    byId = new Map(docs.map((d) => [d.id, d]));
    // One document's rendering data at a time.
    const uses = function* () {
      for (const doc of docs) yield { id: doc.id, occurrences: policyRendering(doc).glossaryOccurrences };
    };
    // What a term page shows of a document: its label and each occurrence's citation label.
    const shown = (id: string, list: GlossaryOccurrence[]) => {
      const doc = byId!.get(id)!;
      return JSON.stringify([
        id,
        docLabel(doc),
        list.map((o) => [o.anchor, o.form, o.snippet, o.cite ?? clauseCite(doc, o.anchor)]),
      ]);
    };
    return writeTermUses(uses(), scratchDir('term-uses'), PAGE_SIZE, shown);
  })();
  return index;
}

/** The uses on one page (1-based) of a term's pages. */
export async function termUsesPage(uses: TermUsesOf | undefined, page: number): Promise<TermUse[]> {
  if (!uses) return [];
  await termUsesIndex();
  return readTermUses(uses, page).map((u) => ({ doc: byId!.get(u.id)!, occurrences: u.occurrences }));
}
