/**
 * remark-citations: references to other documents in the policy text become
 * links. A title in 《…》 (optionally followed by its number in brackets, e.g.
 * 《国务院办公厅关于推动公立医院高质量发展的意见》（国办发〔2021〕18号）) or a bare
 * document number (晋政办发〔2022〕31号) links to the document's page when it is
 * in the library, otherwise to its entry on the cited-documents page
 * (/cited/#c-…). Every reference is recorded in the frontmatter
 * (`citations`) for that page. Runs before remark-glossary, which leaves
 * links alone.
 */
import type { Root, Nodes } from 'mdast';
import type { VFile } from 'vfile';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';
import { visitParents } from 'unist-util-visit-parents';
import { attr, isJsx, type JsxNode } from './mdx-jsx.ts';

export interface Citation {
  /** Stable id of the cited document (anchor on /cited/). */
  cid: string;
  title?: string;
  number?: string;
  /** Issuing body as the title gives it (国务院办公厅关于… → 国务院办公厅). */
  issuer?: string;
  /** Slug of the library document, when the cited document is in the library. */
  library?: string;
  /** Where it is cited. */
  anchor: string;
  cite?: string;
}

export interface RemarkCitationsOptions {
  /** Site base path, for link URLs. */
  base?: string;
  /** Where the library's MDX documents are (to recognise cited documents we have). */
  policiesDir?: string;
  /** The library's documents, when the caller has read them already (then policiesDir is not read). */
  library?: LibraryDoc[];
  only?: string;
}

const PATTERN = /《([^《》\n]{2,100})》(?:（([^（）\n]{0,12}〔\d{4}〕\d+号)）)?|[\p{Script=Han}]{1,10}〔\d{4}〕\d+号/gu;
const NUMBER = /^[\p{Script=Han}]{1,10}〔\d{4}〕\d+号$/u;
/** Words that can run into a bare number (依据晋政办发〔2022〕31号) and are not part of it. */
const LEAD = /^(?:依据|根据|按照|落实|贯彻|参照|执行|印发|和|与|及|的)+/u;
const ISSUER = /^(.{2,30}?(?:办公厅|人民政府|委员会|办公室|部|局|委|厅|院))关于/u;

/** FNV-1a, base 36: the same reference always gets the same id. */
export function citationId(key: string): string {
  let h = 0x811c9dc5;
  for (const ch of key) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `c-${h.toString(36)}`;
}

export interface LibraryDoc { slug: string; title: string; docNumber?: string }

function loadLibrary(dir: string): LibraryDoc[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.mdx')).map((f) => {
    const fm = JSON.parse(readFileSync(join(dir, f), 'utf8').split('\n---\n')[0].replace(/^---\n/, ''));
    return { slug: f.replace(/\.mdx$/, ''), title: fm.title, docNumber: fm.docNumber };
  });
}

/**
 * The library document a reference names: same number, same title, or the plan a 关于印发《…》的通知 issues.
 * When several match, the first in library order (as a linear search would give).
 */
export function findInLibrary(library: LibraryDoc[], title?: string, number?: string): LibraryDoc | undefined {
  const index = indexOf(library);
  const hits = [number && index.byNumber.get(number), title && index.byTitle.get(title), title && index.byIssued.get(title)]
    .filter((i): i is number => typeof i === 'number');
  return hits.length ? library[Math.min(...hits)] : undefined;
}

/**
 * Lookups by number, title and issued title, built once per library list:
 * a linear search per reference made citation linking grow with
 * documents × references (quadratic; minutes at 10,000 documents).
 */
const indexes = new WeakMap<LibraryDoc[], { byNumber: Map<string, number>; byTitle: Map<string, number>; byIssued: Map<string, number> }>();
function indexOf(library: LibraryDoc[]) {
  let index = indexes.get(library);
  if (index) return index;
  index = { byNumber: new Map(), byTitle: new Map(), byIssued: new Map() };
  const first = (m: Map<string, number>, k: string, i: number) => { if (!m.has(k)) m.set(k, i); };
  library.forEach((d, i) => {
    if (d.docNumber) first(index!.byNumber, d.docNumber, i);
    first(index!.byTitle, d.title.replace(/（征求意见稿）$/u, ''), i);
    // Every X with 印发X的通知 in the title (what title.includes(`印发${X}的通知`) matches).
    for (let a = d.title.indexOf('印发'); a > -1; a = d.title.indexOf('印发', a + 1)) {
      for (let b = d.title.indexOf('的通知', a + 2); b > -1; b = d.title.indexOf('的通知', b + 1)) first(index!.byIssued, d.title.slice(a + 2, b), i);
    }
  });
  indexes.set(library, index);
  return index;
}

export default function remarkCitations(options: RemarkCitationsOptions = {}) {
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const only = options.only ?? 'src/content/policies';
  const library = options.library ?? loadLibrary(options.policiesDir ?? 'src/content/policies');

  return (tree: Root, file: VFile) => {
    if (!file.path?.replace(/\\/g, '/').includes(only)) return;
    const self = file.path.replace(/\\/g, '/').split('/').pop()!.replace(/\.mdx$/, '');
    const citations: Citation[] = [];
    visitParents(tree, (node, ancestors) => {
      if (!isJsx(node) || !['Para', 'ProvisionBody'].includes(node.name ?? '')) return;
      const scope = [...ancestors].reverse().find((a) => isJsx(a) && a.name === 'Provision') as JsxNode | undefined;
      const anchor = attr(node, 'id') ?? (scope ? attr(scope, 'id') : undefined) ?? '';
      const cite = attr(node, 'cite');
      findAndReplace(node as unknown as Nodes, [
        PATTERN,
        (matched: string, title: string | undefined, bracketNumber: string | undefined, _m: RegExpMatchObject) => {
          const lead = title === undefined ? LEAD.exec(matched)?.[0] ?? '' : '';
          const value = matched.slice(lead.length);
          const number = bracketNumber ?? (NUMBER.test(value) ? value : undefined);
          const cleanTitle = title;
          const doc = findInLibrary(library, cleanTitle, number);
          const cid = citationId(number ?? cleanTitle ?? value);
          const issuer = cleanTitle ? ISSUER.exec(cleanTitle)?.[1] : undefined;
          citations.push({ cid, ...(cleanTitle ? { title: cleanTitle } : {}), ...(number ? { number } : {}), ...(issuer ? { issuer } : {}), ...(doc ? { library: doc.slug } : {}), anchor, ...(cite ? { cite } : {}) });
          // The document naming itself: recorded, but no link to the page the reader is on.
          if (doc?.slug === self) return { type: 'text', value: matched } as never;
          const url = doc ? `${base}policies/${doc.slug}/` : `${base}cited/#${cid}`;
          const link = { type: 'link', url, title: doc ? '本库收录的文件' : '被引用文件', children: [{ type: 'text', value }] };
          return (lead ? [{ type: 'text', value: lead }, link] : link) as never;
        },
      ], { ignore: (n: unknown) => isJsx(n) && ['Correction', 'Repair', 'EditorNote', 'Term'].includes((n as JsxNode).name ?? '') });
      return 'skip';
    });
    const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
    astro.frontmatter ??= {};
    astro.frontmatter.citations = citations;
  };
}
