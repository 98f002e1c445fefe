import { getCollection, type CollectionEntry } from 'astro:content';

export type Policy = CollectionEntry<'policies'>;

/** All documents, newest first (by date, else year), then by title. */
export async function getPolicies(): Promise<Policy[]> {
  const docs = await getCollection('policies');
  return docs.sort((a, b) => sortKey(b).localeCompare(sortKey(a)) || a.data.title.localeCompare(b.data.title, 'zh-CN'));
}

const sortKey = (p: Policy) => p.data.date ?? `${p.data.year}-00-00`;

/** 广东省 / 山西省大同市 / 北京市昌平区 */
export function regionName(p: Policy): string {
  const r = p.data.region;
  return `${r.province}${r.city ?? ''}${r.district ?? ''}`;
}

/** 2019年10月13日, or 2022年 with a note when only the year is known. */
export function dateLabel(p: Policy): string {
  if (p.data.date) {
    const [y, m, d] = p.data.date.split('-').map(Number);
    return `${y}年${m}月${d}日`;
  }
  return `${p.data.year}年`;
}
