/**
 * Canonical agency names. The texts abbreviate (市卫健委, 区卫生健康委, 州医保局)
 * and name agencies relative to their own level; this reads each name into
 * one canonical agency of a place in the document's region (大同市卫生健康委员会),
 * with a stable id (datong-weijian). The table is data:
 * src/content/agency-names.json (schema: src/schemas/agency-names.ts).
 *
 * A name is read, in this order:
 * 1. `exact`: the whole name is listed (大同银保监分局).
 * 2. pattern `<level word><委?><form>`: the level word (省 自治区 市 州 自治州 盟
 *    地区 县 自治县 旗 区) picks the unit of the document's region at that level
 *    (州 in a 海南藏族自治州 document → 海南藏族自治州), 委 after it marks a Party
 *    committee body, and the form is a short or full name from `forms`.
 * 3. pattern `<中共?><place><委?><form>`: the name starts with one of the
 *    region's own units (共和县医疗保障局 in a 共和县 document).
 * Anything else is not guessed: it comes back `unresolved`, with the reason,
 * and is listed for review (agencyReview in ./review.ts) instead of stopping
 * the build — a new document needs no curation to publish.
 */
import { readJsonFile } from '../data/read-json.ts';
import { agencyNamesSchema, type AgencyNames } from '../../schemas/agency-names.ts';
import { CONTENT } from '../data/paths.ts';

export interface Region {
  province: string;
  city?: string;
  district?: string;
}

/** A name read into a canonical agency: from the `exact` list, or by pattern from the region. */
export interface ResolvedAgency {
  match: 'exact' | 'pattern';
  /** Stable id, also the URL (/agencies/<id>/): <place code>-<form id>. */
  id: string;
  /** Canonical full name, e.g. 海南藏族自治州卫生健康委员会. */
  name: string;
  asWritten: string;
  /** Full path of the agency's place, e.g. 青海省海南藏族自治州 (groups the agency index). */
  place: string;
  /** Whether the place is listed under `places` in the table, i.e. its region has been curated. */
  placeListed: boolean;
  /** How the name was read, for reviewers: 州 → 海南藏族自治州；卫健委 → 卫生健康委员会. */
  reading: string;
}
/** A name that follows no rule of the table: kept as written, listed for review. */
export interface UnresolvedAgency {
  match: 'unresolved';
  asWritten: string;
  /** Why it could not be read, and what an editor could add. */
  reason: string;
}
export type AgencyReading = ResolvedAgency | UnresolvedAgency;

let table: AgencyNames | undefined;

/** Reads and checks the table (src/schemas/agency-names.ts); a broken table stops the build with its line and a hint (it is curation, so it must be right when present). */
export const loadAgencyNames = (file: string = CONTENT.agencyNames): AgencyNames =>
  readJsonFile(file, agencyNamesSchema, 'src/schemas/agency-names.ts');
const names = () => (table ??= loadAgencyNames());

/** The units of a region, from the province down, each with its full path. */
function units(region: Region): { name: string; path: string }[] {
  const out: { name: string; path: string }[] = [];
  let path = '';
  for (const name of [region.province, region.city, region.district]) {
    if (!name) continue;
    path += name;
    out.push({ name, path });
  }
  return out;
}

/**
 * Level words, longest first, and which unit of the region each names. A
 * level word picks a unit by the suffix of the unit's own name, so that 市
 * in a county-level city's document (…/延吉市) is that city, and 州 is the
 * prefecture only when the region's prefecture is a 州.
 */
const LEVELS: { word: string; pick: (r: Region) => string | undefined }[] = [
  { word: '自治区', pick: (r) => (r.province.endsWith('自治区') ? r.province : undefined) },
  { word: '自治州', pick: (r) => (r.city?.endsWith('自治州') ? r.city : undefined) },
  { word: '自治县', pick: (r) => (r.district?.endsWith('自治县') ? r.district : undefined) },
  { word: '地区', pick: (r) => (r.city?.endsWith('地区') ? r.city : undefined) },
  { word: '省', pick: (r) => (r.province.endsWith('省') ? r.province : undefined) },
  { word: '市', pick: (r) => [r.district, r.city, r.province].find((u) => u?.endsWith('市')) },
  { word: '州', pick: (r) => (r.city?.endsWith('州') ? r.city : undefined) },
  { word: '盟', pick: (r) => (r.city?.endsWith('盟') ? r.city : undefined) },
  { word: '县', pick: (r) => (r.district?.endsWith('县') ? r.district : undefined) },
  { word: '旗', pick: (r) => (r.district?.endsWith('旗') ? r.district : undefined) },
  // 区 is a district; in a document of an autonomous region itself (no city), the region.
  {
    word: '区',
    pick: (r) =>
      r.district?.endsWith('区')
        ? r.district
        : !r.city && !r.district && r.province.endsWith('自治区')
          ? r.province
          : undefined,
  },
];
const LEVEL_RE = new RegExp(`^(${LEVELS.map((l) => l.word).join('|')})(委)?(.+)$`, 'u');

/** 32-bit FNV-1a, base 36: a short stable code for a place nobody has named yet. */
function hashCode(s: string): string {
  let h = 0x811c9dc5;
  for (const c of s) {
    h ^= c.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `r${h.toString(36)}`;
}

/** The id prefix of a place: its readable code from `places`, else a hash of its path. */
export function placeCode(path: string, t: AgencyNames = names()): string {
  return t.places[path] ?? hashCode(path);
}

/** The full path (山西省大同市) of a unit of the region. */
const pathOf = (region: Region, unit: string) => units(region).find((u) => u.name === unit)!.path;

function findForm(rest: string, t: AgencyNames) {
  return t.forms.find((f) => f.forms.includes(rest) || f.full === rest);
}

/** Reads one agency name as a document of `region` writes it. Pure given the table. */
export function readAgency(raw: string, region: Region, t: AgencyNames = names()): AgencyReading {
  const own = units(region).at(-1)?.path ?? '';
  const exact = t.exact.find((e) => e.name === raw);
  if (exact)
    return {
      match: 'exact',
      id: `${placeCode(own, t)}-${exact.id}`,
      name: exact.full,
      asWritten: raw,
      place: own,
      placeListed: own in t.places,
      reading: `“${raw}”列于 agency-names.json 的 exact`,
    };

  const resolved = (unit: string, party: boolean, form: { id: string; full: string }, how: string): ResolvedAgency => {
    const path = pathOf(region, unit);
    return {
      match: 'pattern',
      id: `${placeCode(path, t)}-${party ? 'dangwei-' : ''}${form.id}`,
      name: `${party ? '中共' : ''}${unit}${party ? '委' : ''}${form.full}`,
      asWritten: raw,
      place: path,
      placeListed: path in t.places,
      reading: how,
    };
  };

  const m = LEVEL_RE.exec(raw);
  if (m) {
    const [, word, party, rest] = m;
    const form = findForm(rest, t);
    const unit = LEVELS.find((l) => l.word === word)!.pick(region);
    if (form && unit)
      return resolved(
        unit,
        Boolean(party),
        form,
        `${word} → ${unit}；${party ? '委 → 党委；' : ''}${rest} → ${form.full}`,
      );
    if (form) {
      return {
        match: 'unresolved',
        asWritten: raw,
        reason: `“${word}”在本文件的地区（${units(region)
          .map((u) => u.name)
          .join('')}）中没有对应的一级，可能泛指各${word}的${form.full}`,
      };
    }
  }
  // The region's own place names written out: 共和县医疗保障局, 中共海南藏族自治州委组织部.
  for (const u of [...units(region)].reverse()) {
    const p = new RegExp(`^(中共)?${u.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(委)?(.+)$`, 'u').exec(raw);
    if (!p) continue;
    const form = findForm(p[3], t);
    const party = Boolean(p[1] || p[2]);
    if (form && (!p[1] || p[2]))
      return resolved(u.name, party, form, `${u.name}${party ? '委' : ''}；${p[3]} → ${form.full}`);
  }
  const rest = m ? m[3] : raw;
  return {
    match: 'unresolved',
    asWritten: raw,
    reason: m
      ? `读作层级“${m[1]}”${m[2] ? '+“委”' : ''}+“${rest}”，但“${rest}”不是 agency-names.json 中的单位简称或全称；若是单位，可在 forms 中添加（如 { "id": "…", "full": "…", "forms": ["${rest}"] }），否则在 exact 中添加全称`
      : `没有可读的层级词（省、市、州、盟、县、旗、区…），也不在 agency-names.json 的 exact 中；可在 exact 中添加全称`,
  };
}
