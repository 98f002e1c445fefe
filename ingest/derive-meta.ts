/**
 * The frontmatter fields a drafted manifest may leave out, completed from what
 * the manifest does hold: the year from the dates or the 文号's 〔year〕, the
 * source as 未注明. Nothing is invented: when the text gives no year, ingest
 * stops and says what to add. A short title is the editors' to write; until
 * then the site labels the document with its full title (docLabel).
 */
import { IngestError } from './errors.ts';
import type { ManifestMeta } from './manifest.ts';
import type { PolicyMeta } from '../src/schemas/policy.ts';

export const UNKNOWN_SOURCE = '未注明';

export function completeMeta(meta: ManifestMeta, file: string): PolicyMeta {
  const year = meta.year ?? yearFromText(meta);
  if (year === undefined) {
    throw new IngestError('meta.year: the text gives no date and no 文号 with a year, so the document has no year', {
      file,
      hint: 'Add "year" to meta (e.g. "year": 2024) and say in "dateNote" how it was established, then add "year" to "supplied".',
    });
  }
  return {
    ...meta,
    year,
    source: meta.source ?? { site: UNKNOWN_SOURCE },
  };
}

function yearFromText(meta: ManifestMeta): number | undefined {
  const date = meta.date ?? meta.dates?.written ?? meta.dates?.published;
  if (date) return Number(date.slice(0, 4));
  const m = /〔(\d{4})〕/u.exec(meta.docNumber ?? '');
  return m ? Number(m[1]) : undefined;
}
