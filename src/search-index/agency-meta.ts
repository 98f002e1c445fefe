/**
 * The contract between the search document (search-document.ts writes the
 * `agencies` meta) and the client (src/scripts/search/engine.ts reads it):
 * a document's responsible agencies, each with the clauses it leads or
 * joins. One row per agency: [id, full name, ...anchors]. Pure, bundle-safe.
 *
 * The full names are also indexed, in a block of their own at the end of the
 * record (marked by AGENCIES_ANCHOR, which the client drops from the clauses),
 * so that Pagefind finds the document for a query such as 大同市卫生健康委员会
 * even where the text only writes 市卫健委.
 */
export const AGENCIES_META = 'agencies';
export const AGENCIES_ANCHOR = 'search-agencies';
export type AgencyMeta = [id: string, name: string, ...anchors: string[]][];
