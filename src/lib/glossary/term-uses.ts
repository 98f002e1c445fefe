/**
 * Where each glossary term occurs, as files: one JSON-lines file per term,
 * a line per document that uses it (`[doc id, occurrences]`, in the order
 * the documents are given), and per term the byte range of each page of
 * `pageSize` documents. The term pages hold only that index and read their
 * own page's lines: every occurrence in the library, with its snippet, held
 * at once was the largest part of the page phase's heap (~290 MiB at 10,000
 * documents). Plain Node; tested in term-uses.test.ts.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { GlossaryOccurrence } from '../../render/policy/plugins/remark-glossary.ts';

export interface TermUsesOf {
  /** The term's file. */
  file: string;
  /** Documents that use the term. */
  docs: number;
  /** Occurrences over all of them. */
  total: number;
  /** Byte ranges [start, end) of the file, one per page. */
  pages: [number, number][];
  /** Digest of what the term's pages show of its uses (`shown`, in order). */
  digest: string;
}

export interface DocUses {
  id: string;
  occurrences: GlossaryOccurrence[];
}

/**
 * Writes the uses of `docs` into `dir` (a new, empty folder), one term at a
 * time per document; `shown(doc, occurrences)` is what a term page shows of a
 * document (its label, the citation labels), for the digest.
 */
export function writeTermUses(
  docs: Iterable<DocUses>,
  dir: string,
  pageSize: number,
  shown: (id: string, occurrences: GlossaryOccurrence[]) => string,
): Map<string, TermUsesOf> {
  mkdirSync(dir, { recursive: true });
  const terms = new Map<
    string,
    TermUsesOf & { fd: number; size: number; pending: string[]; hash: ReturnType<typeof createHash> }
  >();
  const flush = (t: { fd: number; pending: string[] }) => {
    if (t.pending.length) writeSync(t.fd, t.pending.join(''));
    t.pending = [];
  };
  try {
    for (const doc of docs) {
      const perTerm = new Map<string, GlossaryOccurrence[]>();
      for (const o of doc.occurrences) perTerm.set(o.term, [...(perTerm.get(o.term) ?? []), o]);
      for (const [term, list] of perTerm) {
        let t = terms.get(term);
        if (!t) {
          // Term ids are file names of src/content/glossary/ (checked there): safe as file names here.
          const file = join(dir, `${terms.size}.jsonl`);
          t = {
            file,
            docs: 0,
            total: 0,
            pages: [],
            digest: '',
            fd: openSync(file, 'w'),
            size: 0,
            pending: [],
            hash: createHash('sha256'),
          };
          terms.set(term, t);
        }
        const line = `${JSON.stringify([doc.id, list])}\n`;
        const bytes = Buffer.byteLength(line);
        if (t.docs % pageSize === 0) t.pages.push([t.size, t.size]);
        t.pages[t.pages.length - 1][1] = t.size + bytes;
        t.size += bytes;
        t.docs++;
        t.total += list.length;
        t.hash.update(shown(doc.id, list)).update('\n');
        t.pending.push(line);
        if (t.pending.length >= 64) flush(t);
      }
    }
    for (const t of terms.values()) flush(t);
  } finally {
    for (const t of terms.values()) closeSync(t.fd);
  }
  return new Map(
    [...terms].map(([term, { file, docs: n, total, pages, hash }]) => [
      term,
      { file, docs: n, total, pages, digest: hash.digest('hex') },
    ]),
  );
}

/** The documents of one page (1-based) of a term's uses, read from its file. */
export function readTermUses(uses: TermUsesOf, page: number): DocUses[] {
  const range = uses.pages[page - 1];
  if (!range) return [];
  const buf = Buffer.alloc(range[1] - range[0]);
  const fd = openSync(uses.file, 'r');
  try {
    readSync(fd, buf, 0, buf.length, range[0]);
  } finally {
    closeSync(fd);
  }
  return buf
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [id, occurrences] = JSON.parse(l) as [string, GlossaryOccurrence[]];
      return { id, occurrences };
    });
}
