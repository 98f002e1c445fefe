/**
 * remark-references: references to other documents in the policy text become
 * links. A title in 《…》 (optionally followed by its number in brackets, e.g.
 * 《国务院办公厅关于推动公立医院高质量发展的意见》（国办发〔2021〕18号）) or a bare
 * document number (晋政办发〔2022〕31号) links to the document's page when it is
 * in the library, otherwise to its entry on the cited-documents page
 * (/cited/#c-…). Every reference is recorded in `file.data.references` for
 * that page. Runs before remark-glossary, which leaves links alone.
 *
 * ("Citation", in this project, is how a clause is cited: 第三部分第15项,
 * the `cite` attribute and 复制引用. A mention of another document is a
 * reference.)
 *
 * The caller hands it the library's documents; the plugin reads no files.
 * Run by the policy renderer (../render.ts).
 */
import type { Root, Link, Text } from 'mdast';
import type { VFile } from 'vfile';
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';
import { visitParents } from 'unist-util-visit-parents';
import { containerCite, isJsxElement, stringAttribute, type JsxElement } from '../mdx-jsx.ts';
import type { ElementName } from '../contract.ts';

/** One mention of another document in the text. */
export interface DocReference {
  /** Stable id of the referenced document (its anchor on /cited/). */
  cid: string;
  title?: string;
  number?: string;
  /** Issuing body as the title gives it (国务院办公厅关于… → 国务院办公厅). */
  issuer?: string;
  /** Slug of the library document, when the referenced document is in the library. */
  library?: string;
  /** The clause that mentions it. */
  anchor: string;
  /** That clause's citation label, when it is a paragraph. */
  cite?: string;
}

/** A document of the library, as references are matched against it. */
export interface LibraryDoc {
  slug: string;
  title: string;
  docNumber?: string;
}

export interface RemarkReferencesOptions {
  /** Site base path, for link URLs. */
  base: string;
  /** The library's documents (a reference to one of them links to its page). */
  library: LibraryDoc[];
}

declare module 'vfile' {
  interface DataMap {
    /** Every reference to another document remark-references found, in text order. */
    references: DocReference[];
  }
}

const PATTERN = /《([^《》\n]{2,100})》(?:（([^（）\n]{0,12}〔\d{4}〕\d+号)）)?|[\p{Script=Han}]{1,10}〔\d{4}〕\d+号/gu;
const NUMBER = /^[\p{Script=Han}]{1,10}〔\d{4}〕\d+号$/u;
/** Words that can run into a bare number (依据晋政办发〔2022〕31号) and are not part of it. */
const LEAD = /^(?:依据|根据|按照|落实|贯彻|参照|执行|印发|和|与|及|的)+/u;
const ISSUER = /^(.{2,30}?(?:办公厅|人民政府|委员会|办公室|部|局|委|厅|院))关于/u;

const CONTAINERS = new Set<ElementName>(['Para', 'ProvisionBody']);
const SKIP = new Set<ElementName>(['Correction', 'Repair', 'EditorNote', 'Term']);
const named = (n: { type: string }, names: Set<ElementName>): n is JsxElement =>
  isJsxElement(n) && names.has(n.name as ElementName);

/** FNV-1a, base 36: the same reference always gets the same id. */
export function referenceId(key: string): string {
  let h = 0x811c9dc5;
  for (const ch of key) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `c-${h.toString(36)}`;
}

/**
 * The library document a reference names: same number, same title, or the plan a 关于印发《…》的通知 issues.
 * When several match, the first in library order (as a linear search would give).
 */
export function findInLibrary(library: LibraryDoc[], title?: string, number?: string): LibraryDoc | undefined {
  const index = indexOf(library);
  const hits = [
    number && index.byNumber.get(number),
    title && index.byTitle.get(title),
    title && index.byIssued.get(title),
  ].filter((i): i is number => typeof i === 'number');
  return hits.length ? library[Math.min(...hits)] : undefined;
}

/**
 * Lookups by number, title and issued title, built once per library list:
 * a linear search per reference made citation linking grow with
 * documents × references (quadratic; minutes at 10,000 documents).
 */
const indexes = new WeakMap<
  LibraryDoc[],
  { byNumber: Map<string, number>; byTitle: Map<string, number>; byIssued: Map<string, number> }
>();
function indexOf(library: LibraryDoc[]) {
  let index = indexes.get(library);
  if (index) return index;
  index = { byNumber: new Map(), byTitle: new Map(), byIssued: new Map() };
  const first = (m: Map<string, number>, k: string, i: number) => {
    if (!m.has(k)) m.set(k, i);
  };
  library.forEach((d, i) => {
    if (d.docNumber) first(index!.byNumber, d.docNumber, i);
    first(index!.byTitle, d.title.replace(/（征求意见稿）$/u, ''), i);
    // Every X with 印发X的通知 in the title (what title.includes(`印发${X}的通知`) matches).
    for (let a = d.title.indexOf('印发'); a > -1; a = d.title.indexOf('印发', a + 1)) {
      for (let b = d.title.indexOf('的通知', a + 2); b > -1; b = d.title.indexOf('的通知', b + 1))
        first(index!.byIssued, d.title.slice(a + 2, b), i);
    }
  });
  indexes.set(library, index);
  return index;
}

export default function remarkReferences(options: RemarkReferencesOptions) {
  const base = options.base.replace(/\/?$/, '/');
  const { library } = options;

  return (tree: Root, file: VFile) => {
    // The document's own slug is its file name: it names itself without a link.
    const self = (file.path ?? '')
      .replace(/\\/g, '/')
      .split('/')
      .pop()!
      .replace(/\.mdx$/, '');
    const references: DocReference[] = [];
    file.data.references = references;
    visitParents(tree, (node, ancestors) => {
      if (!named(node, CONTAINERS)) return;
      const scope = ancestors.findLast((a) => isJsxElement(a) && a.name === 'Provision') as JsxElement | undefined;
      const anchor = stringAttribute(node, 'id') ?? (scope ? stringAttribute(scope, 'id') : undefined) ?? '';
      const cite = containerCite(node, scope);
      findAndReplace(
        node,
        [
          PATTERN,
          (
            matched: string,
            title: string | undefined,
            bracketNumber: string | undefined,
            _m: RegExpMatchObject,
          ): Text | Link | (Text | Link)[] => {
            const lead = title === undefined ? (LEAD.exec(matched)?.[0] ?? '') : '';
            const value = matched.slice(lead.length);
            const number = bracketNumber ?? (NUMBER.test(value) ? value : undefined);
            const doc = findInLibrary(library, title, number);
            const cid = referenceId(number ?? title ?? value);
            const issuer = title ? ISSUER.exec(title)?.[1] : undefined;
            references.push({
              cid,
              ...(title ? { title } : {}),
              ...(number ? { number } : {}),
              ...(issuer ? { issuer } : {}),
              ...(doc ? { library: doc.slug } : {}),
              anchor,
              ...(cite ? { cite } : {}),
            });
            // The document naming itself: recorded, but no link to the page the reader is on.
            if (doc?.slug === self) return { type: 'text', value: matched };
            const url = doc ? `${base}policies/${doc.slug}/` : `${base}cited/#${cid}`;
            const link: Link = {
              type: 'link',
              url,
              title: doc ? '本库收录的文件' : '被引用文件',
              children: [{ type: 'text', value }],
            };
            return lead ? [{ type: 'text', value: lead }, link] : link;
          },
        ],
        { ignore: (n: { type: string }) => named(n, SKIP) },
      );
      return 'skip';
    });
  };
}
