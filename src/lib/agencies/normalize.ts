/**
 * Canonical agency names. The texts abbreviate (市卫健委, 区卫生健康委, 省卫生健康委)
 * and name agencies relative to their own level; this turns each into one
 * canonical agency of the document's region (大同市卫生健康委员会), with a stable
 * id (datong-weijian). The table is data: src/content/agency-names.json.
 */
import { readJsonFile } from '../data/read-json.ts';
import { agencyNamesSchema, type AgencyNames } from '../../schemas/agency-names.ts';

export interface Region { province: string; city?: string; district?: string }
export interface Agency { id: string; name: string }

let table: AgencyNames | undefined;
/** The table, checked (src/schemas/agency-names.ts): a broken file stops the build with its line and a hint. */
export const loadAgencyNames = (file = 'src/content/agency-names.json'): AgencyNames => readJsonFile(file, agencyNamesSchema, 'src/schemas/agency-names.ts');
const load = (): AgencyNames => (table ??= loadAgencyNames());

/** Region code for agency ids: the first word of the document slug (datong-gaozhiliang → datong). */
export const regionCode = (slug: string) => slug.split('-')[0];

export function normalizeAgency(raw: string, region: Region, slug: string): Agency {
  const t = load();
  const code = regionCode(slug);
  const exact = t.exact.find((e) => e.name === raw);
  if (exact) return { id: `${code}-${exact.id}`, name: exact.full };
  const m = /^(省|市|区|县)(委)?(.+)$/u.exec(raw);
  if (m) {
    const [, level, party, rest] = m;
    const form = t.forms.find((f) => f.forms.includes(rest));
    if (form) {
      const place = level === '省' ? region.province : level === '市' ? region.city ?? region.province : region.district ?? region.city ?? region.province;
      return { id: `${code}-${party ? 'dangwei-' : ''}${form.id}`, name: `${party ? '中共' : ''}${place}${party ? '委' : ''}${form.full}` };
    }
  }
  throw new Error(`agency "${raw}" (${slug}) is not in src/content/agency-names.json\n  hint: add its short form under "forms" (e.g. { "id": "…", "full": "…", "forms": ["${raw.replace(/^(省|市|区|县)(委)?/u, '')}"] }) or the whole name under "exact".`);
}
