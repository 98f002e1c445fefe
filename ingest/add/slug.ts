/**
 * A readable ASCII slug for a new document: the pinyin of its smallest region
 * (共和县 → gonghe), a topic word when the title names a common one, else the
 * initials of the title's own words, and the year: gonghe-yigongti-2024.
 */
import { pinyin } from 'pinyin-pro';

/** Topics the titles name often, with the short forms the library uses. */
const TOPICS: [RegExp, string][] = [
  [/医疗卫生共同体|医共体/u, 'yigongti'],
  [/医疗联合体|医联体/u, 'yilianti'],
  [/医疗集团/u, 'yiliaojituan'],
  [/高质量发展/u, 'gaozhiliang'],
  [/分级诊疗/u, 'fenjizhenliao'],
  [/DRG|DIP|按病种/u, 'drg-dip'],
  [/医疗保障|医保/u, 'yibao'],
  [/公立医院/u, 'gongliyiyuan'],
  [/服务体系/u, 'tixi'],
  [/医药卫生体制改革|医改/u, 'yigai'],
  [/基层/u, 'jiceng'],
  [/家庭医生/u, 'jiatingyisheng'],
];

const ascii = (s: string) =>
  pinyin(s, { toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .replace(/[^a-z0-9]/gu, '');

export function regionWord(name: string): string {
  const auto = /^(\p{Script=Han}{2,}?)(?:\p{Script=Han}{1,4}?族)*自治(区|州|县|旗)$/u.exec(name);
  const short = (auto ? auto[1] : name.replace(/(省|市|县|区|旗|盟|州)$/u, '')) || name;
  return ascii(short);
}

export function deriveSlug(opts: {
  title: string;
  region?: { province: string; city?: string; district?: string };
  year?: number;
}): string {
  const place = opts.region ? regionWord(opts.region.district ?? opts.region.city ?? opts.region.province) : '';
  const names = [opts.region?.province, opts.region?.city, opts.region?.district].filter((n): n is string => !!n);
  const core = names.reduce(
    (t, n) => t.split(n).join(''),
    opts.title.replace(/^.*关于(?:印发|转发)?《?/u, '').replace(/》?的通知$/u, ''),
  );
  const topic =
    TOPICS.find(([re]) => re.test(core))?.[1] ??
    pinyin(core.replace(/[^\p{Script=Han}]/gu, '').slice(0, 12), { pattern: 'first', toneType: 'none', type: 'array' })
      .join('')
      .slice(0, 8);
  return (
    [place, topic, opts.year ? String(opts.year) : '']
      .filter(Boolean)
      .join('-')
      .replace(/-+/gu, '-')
      .replace(/^-|-$/gu, '') || 'wenjian'
  );
}
