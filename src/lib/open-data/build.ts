/** Builds the open-data views of a document from its clause data, topics, agencies and glossary marks. */
import type { Policy } from '../policies.ts';
import { topicData, type ClauseInfo } from '../topics/load.ts';
import { normalizeAgency } from '../agencies/normalize.ts';
import type { OpenClause } from '../../schemas/open-data.ts';
import { absolute } from '../url.ts';

type Raw = ClauseInfo & { depth?: number; agencies?: { raw: string; lead: string[]; partners: string[]; basis?: string } };

export function meta(doc: Policy, site: URL | undefined) {
  const d = doc.data;
  const file = (ext: string) => absolute(`data/${doc.id}.${ext}`, site);
  return {
    slug: doc.id, title: d.title, titleSupplied: d.titleSupplied, shortTitle: d.shortTitle,
    ...(d.issuer ? { issuer: d.issuer } : {}), ...(d.docNumber ? { docNumber: d.docNumber } : {}), ...(d.date ? { date: d.date } : {}),
    year: d.year, region: d.region, kind: d.kind, status: d.status, ...(d.summary ? { summary: d.summary } : {}),
    url: absolute(`policies/${doc.id}/`, site),
    files: { txt: file('txt'), md: file('md'), json: file('json') },
  };
}

export function rawClauses(doc: Policy): Raw[] {
  return [...(topicData().clauses.get(doc.id)?.values() ?? [])] as Raw[];
}

export async function clauseTree(doc: Policy, site: URL | undefined): Promise<OpenClause[]> {
  const terms = new Map<string, string[]>();
  for (const o of doc.data.rendering.glossaryOccurrences) terms.set(o.anchor, [...(terms.get(o.anchor) ?? []), o.term]);
  const topics = topicData().map[doc.id] ?? {};
  const nodes = new Map<string, OpenClause>();
  const roots: OpenClause[] = [];
  for (const c of rawClauses(doc)) {
    const norm = (raw: string) => ({ ...normalizeAgency(raw, doc.data.region, doc.id), asWritten: raw });
    const node: OpenClause = {
      id: c.id, kind: c.kind as OpenClause['kind'],
      ...(c.depth !== undefined ? { depth: c.depth } : {}), ...(c.num ? { num: c.num } : {}), ...(c.title ? { title: c.title } : {}),
      cite: c.cite, url: absolute(`policies/${doc.id}/`, site) + `#${c.id}`, text: c.text,
      ...(c.agencies ? { agencies: { raw: c.agencies.raw, lead: c.agencies.lead.map(norm), partners: c.agencies.partners.map(norm), ...(c.agencies.basis ? { basis: c.agencies.basis } : {}) } } : {}),
      topics: topics[c.id] ?? [], glossary: [...new Set(terms.get(c.id) ?? [])], children: [],
    };
    nodes.set(c.id, node);
    const parent = c.parent ? nodes.get(c.parent) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The clean text: part titles, provision heading lines and paragraphs, in order. */
export function plainText(doc: Policy): string {
  const lines: string[] = [doc.data.title + (doc.data.titleSupplied ? '（标题为编者所补）' : ''), ''];
  for (const c of rawClauses(doc)) {
    if (c.kind === 'part') lines.push('', c.text || c.cite, '');
    else if (c.kind === 'provision') lines.push(c.text.split('\n')[0]);
    else lines.push(c.text);
  }
  if (doc.data.truncated) lines.push('', `【编者注】${doc.data.truncated}`);
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

/** Markdown: the outline as headings, paragraphs as paragraphs, anchors kept. */
export function markdown(doc: Policy, site: URL | undefined): string {
  const esc = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
  const d = doc.data;
  const out: string[] = [`# ${esc(d.title)}${d.titleSupplied ? '（标题为编者所补）' : ''}`, ''];
  for (const [k, v] of [['发文机关', d.issuer], ['文号', d.docNumber], ['日期', d.date ?? `${d.year}年`], ['状态', d.status], ['来源', absolute(`policies/${doc.id}/`, site)]] as const) if (v) out.push(`- ${k}：${esc(v)}`);
  out.push('');
  for (const c of rawClauses(doc)) {
    if (c.kind === 'part') out.push(`## ${esc(c.text.replace(/\n/g, '') || c.cite)} {#${c.id}}`, '');
    else if (c.kind === 'provision') out.push(`${'#'.repeat(Math.min(6, (c.depth ?? 1) + 2))} ${esc(c.text.split('\n')[0])} {#${c.id}}`, '');
    else out.push(esc(c.text), '');
  }
  if (d.truncated) out.push(`> 编者注：${esc(d.truncated)}`, '');
  return out.join('\n');
}
