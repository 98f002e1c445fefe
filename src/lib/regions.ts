/**
 * URL ids of province-level regions (/regions/<id>/): Hanyu Pinyin, as the
 * 34 province-level names are fixed. A name not in the table (a new unit, a
 * typo in a manifest) still gets a stable id, from a hash of the name, and a
 * document without a region is listed under NO_REGION.
 */
const PROVINCES: Record<string, string> = {
  北京市: 'beijing',
  天津市: 'tianjin',
  上海市: 'shanghai',
  重庆市: 'chongqing',
  河北省: 'hebei',
  山西省: 'shanxi',
  辽宁省: 'liaoning',
  吉林省: 'jilin',
  黑龙江省: 'heilongjiang',
  江苏省: 'jiangsu',
  浙江省: 'zhejiang',
  安徽省: 'anhui',
  福建省: 'fujian',
  江西省: 'jiangxi',
  山东省: 'shandong',
  河南省: 'henan',
  湖北省: 'hubei',
  湖南省: 'hunan',
  广东省: 'guangdong',
  海南省: 'hainan',
  四川省: 'sichuan',
  贵州省: 'guizhou',
  云南省: 'yunnan',
  陕西省: 'shaanxi',
  甘肃省: 'gansu',
  青海省: 'qinghai',
  台湾省: 'taiwan',
  内蒙古自治区: 'neimenggu',
  广西壮族自治区: 'guangxi',
  西藏自治区: 'xizang',
  宁夏回族自治区: 'ningxia',
  新疆维吾尔自治区: 'xinjiang',
  香港特别行政区: 'xianggang',
  澳门特别行政区: 'aomen',
};

/** The group of documents whose manifest gives no province (a draft from `npm run add`). */
export const NO_REGION = { id: 'unknown', name: '地区未注明' } as const;

/** FNV-1a, base 36: the same name always gets the same id. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (const ch of s) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** 山西省 → shanxi; an unlisted name → r-<hash>; no name → unknown. */
export function provinceId(province: string | undefined): string {
  if (!province) return NO_REGION.id;
  return PROVINCES[province] ?? `r-${hash(province)}`;
}
