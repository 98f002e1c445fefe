/**
 * Builds the open-data views of a document (/data/<slug>.json, .md, .txt and
 * its catalog entry) from its frontmatter, clause data, topics, agencies and
 * glossary marks. Plain Node: the open-data step (src/open-data/) runs it
 * outside Astro, the catalog route (src/lib/open-data/catalog.ts) inside.
 */
import { policyRendering } from '../policy-rendering.ts';
import { topicData, type ClauseInfo } from '../topics/load.ts';
import { readAgency } from '../agencies/normalize.ts';
import { absoluteIn, type SiteAddress } from '../site-address.ts';
import type { Apparatus, OpenAgency, OpenClause } from '../../schemas/open-data.ts';
import type { PolicyFrontmatter } from '../../schemas/policy.ts';

/**
 * A document as its open-data views need it: its slug, its frontmatter and
 * where the loader put what its rendering found (policyRendering()). Astro's
 * policy entries (src/lib/policies.ts Policy) are such documents.
 */
export interface OpenDataDoc {
  id: string;
  data: PolicyFrontmatter & { rendering: { dataFile: string } };
}

/** A clause as ingest wrote it (src/schemas/clauses.ts). */
type Raw = ClauseInfo;

export function meta(doc: OpenDataDoc, at: SiteAddress) {
  const d = doc.data;
  const file = (ext: string) => absoluteIn(at, `data/${doc.id}.${ext}`);
  return {
    slug: doc.id,
    title: d.title,
    titleSupplied: d.titleSupplied,
    ...(d.shortTitle ? { shortTitle: d.shortTitle } : {}),
    ...(d.issuer ? { issuer: d.issuer } : {}),
    ...(d.docNumber ? { docNumber: d.docNumber } : {}),
    ...(d.date ? { date: d.date } : {}),
    year: d.year,
    region: d.region,
    kind: d.kind,
    status: d.status,
    ...(d.summary ? { summary: d.summary } : {}),
    url: absoluteIn(at, `policies/${doc.id}/`),
    files: { txt: file('txt'), md: file('md'), json: file('json') },
  };
}

export function rawClauses(doc: OpenDataDoc): Raw[] {
  return [...(topicData().clauses.get(doc.id)?.values() ?? [])];
}

/** /data/<slug>.json: metadata and the provision tree (text, editorial apparatus, agencies, topics, glossary terms). */
export function documentJson(doc: OpenDataDoc, at: SiteAddress): string {
  const d = doc.data;
  const body = {
    format: 'yigai-policy/1',
    document: {
      ...meta(doc, at),
      source: d.source,
      editorialNotes: d.editorialNotes,
      ...(d.truncated ? { truncated: d.truncated } : {}),
      apparatus: documentApparatus(doc),
    },
    clauses: clauseTree(doc, at),
  };
  return JSON.stringify(body, null, 1);
}

/** Document-level apparatus: a title supplied by editors. */
export function documentApparatus(doc: OpenDataDoc): Apparatus[] {
  const d = doc.data;
  return d.titleSupplied ? [{ type: 'supplied-title', text: d.title, reason: d.titleNote ?? '标题为编者所补。' }] : [];
}

/** A clause's text as published: a lost image's file name is no text of the document (its apparatus names it). */
const publishedText = (c: Raw) => (c.apparatus?.some((a) => a.type === 'missing-image') ? '' : c.text);

export function clauseTree(doc: OpenDataDoc, at: SiteAddress): OpenClause[] {
  const terms = new Map<string, string[]>();
  for (const o of policyRendering(doc).glossaryOccurrences)
    terms.set(o.anchor, [...(terms.get(o.anchor) ?? []), o.term]);
  const topics = topicData().map[doc.id] ?? {};
  const nodes = new Map<string, OpenClause>();
  const roots: OpenClause[] = [];
  // A name the agency table cannot read is published as written, without a canonical id.
  const norm = (raw: string): OpenAgency => {
    const a = readAgency(raw, doc.data.region);
    return a.match === 'unresolved'
      ? { name: raw, asWritten: raw, match: a.match }
      : { id: a.id, name: a.name, asWritten: raw, match: a.match };
  };
  for (const c of rawClauses(doc)) {
    const node: OpenClause = {
      id: c.id,
      kind: c.kind as OpenClause['kind'],
      ...(c.depth !== undefined ? { depth: c.depth } : {}),
      ...(c.num ? { num: c.num } : {}),
      ...(c.title ? { title: c.title } : {}),
      cite: c.cite,
      url: absoluteIn(at, `policies/${doc.id}/`) + `#${c.id}`,
      text: publishedText(c),
      ...(c.agencies
        ? {
            agencies: {
              raw: c.agencies.raw,
              lead: c.agencies.lead.map(norm),
              partners: c.agencies.partners.map(norm),
              ...(c.agencies.basis ? { basis: c.agencies.basis } : {}),
            },
          }
        : {}),
      ...(c.aliases?.length ? { aliases: c.aliases } : {}),
      apparatus: c.apparatus ?? [],
      topics: topics[c.id] ?? [],
      glossary: [...new Set(terms.get(c.id) ?? [])],
      children: [],
    };
    nodes.set(c.id, node);
    const parent = c.parent ? nodes.get(c.parent) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/**
 * The readable markers of the .txt and .md files (documented in README.md,
 * "Open data"): 〔校n〕 after a corrected passage, 〔修n〕 (〔修n·存疑〕) after a
 * reconstructed one, 〔注n〕 after a reading an editor's note is about; each is
 * explained in the list at the end of the file. Lost images, supplied labels
 * and truncation are said in place, in 〔编者注：…〕.
 */
export function markerOf(a: Apparatus): string {
  switch (a.type) {
    case 'correction':
      return `〔校${a.n}〕`;
    case 'repair':
      return `〔修${a.n}${a.uncertain ? '·存疑' : ''}〕`;
    case 'note':
      return `〔注${a.n}〕`;
    case 'truncated':
      return `〔编者注：${a.note}〕`;
    default:
      return '';
  }
}

/** The clause's text with the markers inserted after their passages (`marker` may wrap them, e.g. as footnotes). */
export function markedText(c: Raw, marker: (a: Apparatus) => string = markerOf): string {
  const chars = [...c.text];
  const inserts = (c.apparatus ?? [])
    .flatMap((a) => ('at' in a ? [{ pos: a.type === 'truncated' ? a.at : a.at + a.length, text: marker(a) }] : []))
    .sort((x, y) => y.pos - x.pos);
  for (const i of inserts) chars.splice(i.pos, 0, i.text);
  return chars.join('');
}

/** The in-place notices of a clause: a lost image, a supplied label. */
function notices(c: Raw): string[] {
  return (c.apparatus ?? []).flatMap((a) =>
    a.type === 'missing-image'
      ? [`〔编者注：原文此处为图片“${a.file}”，转载网页只留下文件名，图片内容未能取得。〕`]
      : a.type === 'supplied-title'
        ? [`〔编者注：“${a.text}”为编者所加标签。${a.reason}〕`]
        : [],
  );
}

/** The list at the end of a file: every correction, repair and note, in the order of their numbers. */
export function apparatusList(doc: OpenDataDoc): string[] {
  const all = rawClauses(doc).flatMap((c) => (c.apparatus ?? []).map((a) => ({ a, c })));
  const order = { correction: 0, repair: 1, note: 2 } as Record<string, number>;
  return all
    .filter(({ a }) => a.type in order)
    .sort((x, y) => order[x.a.type] - order[y.a.type] || ('n' in x.a && 'n' in y.a ? x.a.n - y.a.n : 0))
    .map(({ a, c }) => {
      const where = `（${c.cite || c.id}，#${c.id}）`;
      if (a.type === 'correction')
        return `${markerOf(a)}编者校正${where}：原文作“${a.context.original}”，校正为“${a.context.corrected}”。${a.reason}`;
      if (a.type === 'repair')
        return `${markerOf(a)}乱码修复${where}：“${a.text}”为重建文字，原文损坏为“${a.original}”${a.uncertain ? '，重建存疑' : ''}。${a.reason}`;
      if (a.type === 'note') return `${markerOf(a)}编者注${where}：“${a.text}”照原文未改。${a.note}`;
      return '';
    });
}

const LIST_TITLE = '编者校正、乱码修复与编者注';

/** The clean text: part titles, provision heading lines and paragraphs, in order, with the editorial marks. */
export function plainText(doc: OpenDataDoc): string {
  const lines: string[] = [doc.data.title + (doc.data.titleSupplied ? '（标题为编者所补）' : ''), ''];
  for (const c of rawClauses(doc)) {
    const text = markedText(c);
    if (c.kind === 'part') lines.push('', ...(text ? [text] : [c.cite]), ...notices(c), '');
    else if (c.kind === 'provision') lines.push(text.split('\n')[0]);
    else if (notices(c).length) lines.push(...notices(c), ...(publishedText(c) ? [text] : []));
    else lines.push(text);
  }
  const list = apparatusList(doc);
  if (list.length) lines.push('', `${LIST_TITLE}：`, ...list);
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}

/**
 * Escapes text for Markdown: inline syntax and HTML (`&`, `<`), and line
 * starts a Markdown or MDX reader would take as a list, heading or
 * import/export statement. Markers (〔校1〕 …) are not syntax and pass.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/([\\`*_[\]<>#|~&])/g, '\\$1')
    .replace(/^(\s*)(import|export)\b/gmu, (_m, ws: string, kw: string) => `${ws}&#${kw.charCodeAt(0)};${kw.slice(1)}`)
    .replace(/^(\s*)([-+=])/gmu, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gmu, '$1\\$2');
}

/** Markdown: the outline as headings, paragraphs as paragraphs, anchors kept, the marks as footnotes [^校1]. */
export function markdown(doc: OpenDataDoc, at: SiteAddress): string {
  const esc = escapeMarkdown;
  const footnote = (a: Apparatus) => {
    const m = markerOf(a);
    return a.type === 'truncated' ? esc(m) : `[^${m.slice(1, -1).replace('·存疑', '')}]`;
  };
  const d = doc.data;
  const out: string[] = [`# ${esc(d.title)}${d.titleSupplied ? '（标题为编者所补）' : ''}`, ''];
  for (const [k, v] of [
    ['发文机关', d.issuer],
    ['文号', d.docNumber],
    ['日期', d.date ?? `${d.year}年`],
    ['状态', d.status],
    ['来源', absoluteIn(at, `policies/${doc.id}/`)],
  ] as const)
    if (v) out.push(`- ${k}：${esc(v)}`);
  out.push('');
  // Escape the text between markers, keep the footnote references as syntax.
  const marked = (c: Raw) => {
    const pieces: string[] = [];
    markedText({ ...c, text: c.text }, (a) => `\u0000${footnote(a)}\u0000`)
      .split('\u0000')
      .forEach((p, i) => pieces.push(i % 2 ? p : esc(p)));
    return pieces.join('');
  };
  for (const c of rawClauses(doc)) {
    if (c.kind === 'part') {
      const lines = marked(c).split('\n');
      const heading = c.text ? (c.num ? `${lines[0]} ${lines.slice(1).join('')}` : lines.join('')) : esc(c.cite);
      out.push(
        `## ${heading} {#${c.id}}`,
        '',
        ...notices(c).map((n) => `> ${esc(n)}`),
        ...(notices(c).length ? [''] : []),
      );
    } else if (c.kind === 'provision')
      out.push(`${'#'.repeat(Math.min(6, (c.depth ?? 1) + 2))} ${marked(c).split('\n')[0]} {#${c.id}}`, '');
    else if (notices(c).length)
      out.push(...notices(c).map((n) => `> ${esc(n)}`), '', ...(publishedText(c) ? [marked(c), ''] : []));
    else out.push(marked(c), '');
  }
  const list = apparatusList(doc);
  if (list.length) {
    out.push(`## ${LIST_TITLE}`, '');
    for (const line of list) {
      const m = /^〔(.+?)(·存疑)?〕/u.exec(line)!;
      out.push(`[^${m[1]}]: ${esc(line)}`, '');
    }
  }
  return out.join('\n');
}
