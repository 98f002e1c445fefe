/**
 * The frontmatter fields a drafted manifest may leave out, completed from what
 * the manifest does hold: the year from the dates or the 文号's 〔year〕, a
 * short title cut from the title, the source as 未注明. Nothing is invented:
 * when the text gives no year, ingest stops and says what to add.
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
    shortTitle: meta.shortTitle ?? deriveShortTitle(meta.title, meta.region),
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

const MAX_SHORT = 16;

/**
 * A label for links and lists: the plan's own title (inside 关于印发《…》的通知),
 * without the province when a smaller region follows, cut to 16 characters.
 */
export function deriveShortTitle(title: string, region: { province: string; city?: string; district?: string }): string {
  let t = title.trim();
  const notice = /关于(?:印发|转发|公布|发布)?《?(.+?)》?的通知$/u.exec(t);
  if (notice) t = notice[1];
  if (t.length > MAX_SHORT && (region.city || region.district) && t.startsWith(region.province)) t = t.slice(region.province.length);
  if (t.length > MAX_SHORT && region.district && region.city && t.startsWith(region.city)) t = t.slice(region.city.length);
  return t.length > MAX_SHORT ? `${t.slice(0, MAX_SHORT - 1)}…` : t;
}
