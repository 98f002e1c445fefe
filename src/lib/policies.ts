import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';

export type Policy = CollectionEntry<'policies'>;

let sorted: Promise<Policy[]> | undefined;
/** All documents, newest first (by date, else year), then by title. Computed once per build. */
export function getPolicies(): Promise<Policy[]> {
  sorted ??= getCollection('policies').then((docs) =>
    docs.sort((a, b) => sortKey(b).localeCompare(sortKey(a)) || a.data.title.localeCompare(b.data.title, 'zh-CN')),
  );
  return sorted;
}

let shorts: Promise<Map<string, string>> | undefined;
/** slug → short title, for labelling links to other documents (looked up per provision: keep it O(1)). */
export function shortTitleMap(): Promise<Map<string, string>> {
  shorts ??= getPolicies().then((docs) => new Map(docs.map((d) => [d.id, d.data.shortTitle])));
  return shorts;
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

/**
 * The document's text as HTML, rendered by the collection loader
 * (src/loaders/policies.ts → src/render/policy/). Read from the file the
 * loader wrote; Astro's render() does not apply to this collection.
 */
export function policyHtml(doc: Policy): string {
  try {
    return readFileSync(doc.data.rendering.htmlFile, 'utf8');
  } catch (e) {
    throw new Error(`The rendered text of ${doc.id} is missing (${doc.data.rendering.htmlFile}): ${(e as Error).message}\n  hint: run the build again; the loader renders every document at the start of each build.`);
  }
}

/**
 * The document part of a citation, as an official or lawyer writes it: the
 * title in 《》, then in brackets whether editors supplied the title, the
 * 发文字号 and the date, each only when the document has it:
 * 《广东省…实施方案》（粤府办〔2019〕18号，2019年10月13日）.
 * The copy-citation button appends the provision's numbering and the URL.
 */
export function citationPrefix(p: Policy): string {
  const d = p.data;
  const issued = [d.docNumber, d.date ? dateLabel(p) : undefined].filter(Boolean).join('，');
  const notes = [d.titleSupplied ? '标题为编者所补' : '', issued].filter(Boolean).join('；');
  return `《${d.title}》${notes ? `（${notes}）` : ''}`;
}
