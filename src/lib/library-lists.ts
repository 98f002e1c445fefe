/**
 * The lists the home page links to: the library's documents by province and
 * by year, each list newest first (the order of getPolicies()). A document
 * without a province or a year is in the 未注明 group, listed last. Built
 * once per build.
 */
import { getPolicies, type Policy } from './policies.ts';
import { NO_REGION, provinceId } from './regions.ts';

export interface Group { id: string; name: string; docs: Policy[] }
export interface LibraryLists { regions: Group[]; years: Group[] }

const NO_YEAR = { id: 'unknown', name: '年份未注明' } as const;

/** Groups documents by a key, keeping their order within each group. */
export function groupDocs(docs: Policy[], key: (d: Policy) => { id: string; name: string }): Group[] {
  const groups = new Map<string, Group>();
  for (const d of docs) {
    const k = key(d);
    const g = groups.get(k.id) ?? { ...k, docs: [] };
    g.docs.push(d);
    groups.set(k.id, g);
  }
  return [...groups.values()];
}

const last = (id: string) => Number(id === 'unknown');

let cache: Promise<LibraryLists> | undefined;

export function libraryLists(): Promise<LibraryLists> {
  cache ??= getPolicies().then((docs) => ({
    regions: groupDocs(docs, (d) => {
      const p = d.data.region?.province;
      return p ? { id: provinceId(p), name: p } : NO_REGION;
    }).sort((a, b) => last(a.id) - last(b.id) || a.name.localeCompare(b.name, 'zh-CN-u-co-pinyin')),
    years: groupDocs(docs, (d) => (d.data.year ? { id: String(d.data.year), name: `${d.data.year}年` } : NO_YEAR))
      .sort((a, b) => last(a.id) - last(b.id) || b.id.localeCompare(a.id)),
  }));
  return cache;
}
