/**
 * A document's place in time as a string that sorts: its date (2019-10-13),
 * else its year (2019-00-00, before every dated day of that year), else ''
 * (undated: before everything). The one rule for every list ordered by date
 * (src/lib/policies.ts, the search index's newest-first parts, the similar
 * provisions' oldest-first ties).
 */
export const dateKey = (d: { date?: string | null; year?: number | string | null }): string =>
  d.date || (d.year ? `${d.year}-00-00` : '');
