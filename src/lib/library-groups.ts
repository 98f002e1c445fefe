/**
 * The library's documents grouped by province and by year (pure: the pages
 * get them through ./library-lists.ts). Each group keeps the documents'
 * order (newest first, as given); groups of province in pinyin order, years
 * newest first; the 未注明 group of documents without one comes last.
 */
import { NO_REGION, provinceId } from './regions.ts';

/** What grouping reads of a document (a Policy has it). */
export interface Groupable {
  data: { region?: { province?: string }; year?: number };
}
export interface Group<D> {
  id: string;
  name: string;
  docs: D[];
}

const NO_YEAR = { id: 'unknown', name: '年份未注明' } as const;

/** Groups documents by a key, keeping their order within each group and the order groups are first met. */
export function groupDocs<D>(docs: readonly D[], key: (d: D) => { id: string; name: string }): Group<D>[] {
  const groups = new Map<string, Group<D>>();
  for (const d of docs) {
    const k = key(d);
    const g = groups.get(k.id) ?? { id: k.id, name: k.name, docs: [] };
    g.docs.push(d);
    groups.set(k.id, g);
  }
  return [...groups.values()];
}

const last = (id: string) => Number(id === 'unknown');

export function byProvince<D extends Groupable>(docs: readonly D[]): Group<D>[] {
  return groupDocs(docs, (d) => {
    const p = d.data.region?.province;
    return p ? { id: provinceId(p), name: p } : NO_REGION;
  }).sort((a, b) => last(a.id) - last(b.id) || a.name.localeCompare(b.name, 'zh-CN-u-co-pinyin'));
}

export function byYear<D extends Groupable>(docs: readonly D[]): Group<D>[] {
  return groupDocs(docs, (d) => (d.data.year ? { id: String(d.data.year), name: `${d.data.year}年` } : NO_YEAR)).sort(
    (a, b) => last(a.id) - last(b.id) || b.id.localeCompare(a.id),
  );
}
