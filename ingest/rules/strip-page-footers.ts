/**
 * Page numbers of a printed document whose text was copied from its PDF:
 *
 *   …确保各项任务落实
 *
 *   — 2 —
 *
 *   到位。
 *
 * A line that is nothing but a page number in the printed forms (— 1 —, －2－,
 * - 3 -, ·4·, 第 2 页 共 5 页, 第2页/共5页) can never be text and goes. A bare
 * number on a line of its own could be text (a table cell, a count), so it
 * goes only when it fits the page sequence: the page number before it (bare
 * or printed) is one less, or the one after it one more, each a page of text
 * (PAGE_LINES non-blank lines) away. The lines around stay for the rejoin
 * rule, which joins a sentence the page break cut.
 */
import { dropLines, type Line } from '../ledger.ts';
import type { Rule } from './types.ts';

const DASH = '[-—－–―~～·•]';
/** — 1 —, －2－, - 3 -, ·4· (the dashes may be doubled: —— 5 ——). */
const DASHED = new RegExp(`^${DASH}{1,2}\\s*(\\d{1,3})\\s*${DASH}{1,2}$`, 'u');
/** 第 2 页 共 5 页, 第2页/共5页, 第2页，共5页. */
const OF_PAGES = /^第\s*(\d{1,3})\s*页\s*[/／,，]?\s*共\s*(\d{1,3})\s*页$/u;
const BARE = /^(\d{1,3})$/u;
/** Fewer text lines than this between two bare numbers is no page: a table's rows, a list. */
const PAGE_LINES = 10;

interface Candidate {
  line: number;
  n: number;
  printed: boolean;
  nonBlankBefore: number;
}

/** The page number a line shows, and whether its form is one only page numbers take. */
function pageNumber(text: string): { n: number; printed: boolean } | undefined {
  const t = text.trim().replace(/[\u3000\u00a0]/gu, ' ');
  const d = DASHED.exec(t);
  if (d) return { n: Number(d[1]), printed: true };
  const o = OF_PAGES.exec(t);
  if (o && Number(o[1]) >= 1 && Number(o[1]) <= Number(o[2])) return { n: Number(o[1]), printed: true };
  const b = BARE.exec(t);
  return b ? { n: Number(b[1]), printed: false } : undefined;
}

/** Lines (0-based) that are page numbers of the printed pages. */
export function pageFooterLines(lines: readonly Line[]): Set<number> {
  const found: Candidate[] = [];
  let nonBlank = 0;
  for (const l of lines) {
    const p = pageNumber(l.text);
    if (p) found.push({ line: l.index, ...p, nonBlankBefore: nonBlank });
    else if (l.text.trim() !== '') nonBlank++;
  }
  const out = new Set<number>();
  found.forEach((c, k) => {
    if (c.printed) {
      out.add(c.line);
      return;
    }
    const prev = found[k - 1];
    const next = found[k + 1];
    const fitsPrev = prev && prev.n === c.n - 1 && c.nonBlankBefore - prev.nonBlankBefore >= PAGE_LINES;
    const fitsNext = next && next.n === c.n + 1 && next.nonBlankBefore - c.nonBlankBefore >= PAGE_LINES;
    if (fitsPrev || fitsNext) out.add(c.line);
  });
  return out;
}

export const stripPageFooters: Rule = {
  name: 'strip-page-footers',
  label: '删除印刷页的页码（— 1 —、第 2 页 共 5 页）',
  quotable: true,
  apply(text) {
    let footers: Set<number> | undefined;
    return dropLines(text, 'strip-page-footers', (l, all) => (footers ??= pageFooterLines(all)).has(l.index));
  },
};
