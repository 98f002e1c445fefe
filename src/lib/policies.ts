import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { outline, type Provision } from './clauses/outline.ts';
import { topicData } from './topics/load.ts';
import { dateKey } from './data/date-key.ts';

export type Policy = CollectionEntry<'policies'>;

let sorted: Promise<Policy[]> | undefined;
/** All documents, newest first (by date, else year), then by title. Computed once per build. */
export function getPolicies(): Promise<Policy[]> {
  sorted ??= getCollection('policies').then((docs) =>
    docs.sort((a, b) => sortKey(b).localeCompare(sortKey(a)) || a.data.title.localeCompare(b.data.title, 'zh-CN')),
  );
  return sorted;
}

/*
 * Metadata editors supply (shortTitle, summary) and metadata the text may not
 * give (issuer, docNumber, date) can be missing, e.g. in a draft from
 * `npm run add`. Pages use these helpers so that a missing field shows as
 * nothing or as 未注明, never as "undefined".
 */

/** The label of a document in lists, filters and links: its short title, else its full title. */
export const docLabel = (p: Policy): string => p.data.shortTitle ?? p.data.title;

/** The page description: the summary, else a sentence made from the title and region (never empty). */
export function docDescription(p: Policy): string {
  if (p.data.summary) return p.data.summary;
  const where = regionName(p);
  return `《${p.data.title}》${where ? `（${where}）` : ''}的全文整理本：逐条可引用的锚点，附来源与整理说明。`;
}

const sortKey = (p: Policy) => dateKey(p.data);

/** 广东省 / 山西省大同市 / 北京市昌平区 ('' when the region is not known) */
export function regionName(p: Policy): string {
  const r = p.data.region;
  return r ? `${r.province ?? ''}${r.city ?? ''}${r.district ?? ''}` : '';
}

/** 2019年10月13日, or 2022年 when only the year is known, or 日期未注明. */
export function dateLabel(p: Policy): string {
  if (p.data.date) {
    const [y, m, d] = p.data.date.split('-').map(Number);
    return `${y}年${m}月${d}日`;
  }
  return p.data.year ? `${p.data.year}年` : '日期未注明';
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
    throw new Error(
      `The rendered text of ${doc.id} is missing (${doc.data.rendering.htmlFile}): ${(e as Error).message}\n  hint: run the build again; the loader renders every document whose result is not cached.`,
      { cause: e },
    );
  }
}

/**
 * A document's outline (parts and provisions), derived from its clause data
 * when a page asks: the frontmatter carries metadata only (src/lib/clauses/outline.ts).
 */
export function provisionsOf(doc: Policy): Provision[] {
  return outline(topicData().clauses.get(doc.id)?.values() ?? []);
}

/** The citation label of one of a document's clauses (第三部分第15项), from its clause data. */
export function clauseCite(doc: Policy, anchor: string): string | undefined {
  return topicData().clauses.get(doc.id)?.get(anchor)?.cite;
}

// What rendering found (glossary occurrences, references to other documents): in a module without astro: imports, for plain-Node callers.
export { policyRendering } from './policy-rendering.ts';

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
