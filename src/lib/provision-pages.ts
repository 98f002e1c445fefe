/**
 * Pages of single provisions (/policies/<slug>/<anchor>/): which provisions
 * get one and the HTML of each, cut from the document's rendered text.
 *
 * Every numbered provision at every depth gets a page (一、 （一） 1. （1）);
 * unnumbered paragraphs and parts (通知, 附件) do not: a paragraph is cited
 * inside its provision, and a part is the full text. A library of 1,000
 * documents has ~40 provisions each, so a page must cost little: the
 * document's HTML is scanned once for its <section class="provision"> ranges
 * (string offsets, no parsing), and each page is a slice of it.
 */
import type { Policy } from './policies.ts';
import { policyHtml } from './policies.ts';
import type { Provision } from '../schemas/policy.ts';
import { scanSections, type Range } from './provision-sections.ts';

/** A provision of another document that reads alike, computed elsewhere (the `enrich` step); optional on the page. */
export interface SimilarProvision { href: string; doc: string; label: string }

/** The provisions that get their own page, in document order. */
export const pagedProvisions = (doc: Policy): Provision[] => doc.data.provisions.filter((p) => p.depth >= 1);

interface Sections { html: string; byId: Map<string, Range> }

// Pages of one document are rendered one after another: keep the last few documents' scans.
const recent = new Map<string, Sections>();
function sections(doc: Policy): Sections {
  let s = recent.get(doc.id);
  if (!s) {
    const html = policyHtml(doc);
    s = { html, byId: scanSections(html) };
    recent.set(doc.id, s);
    if (recent.size > 4) recent.delete(recent.keys().next().value!);
  }
  return s;
}

/**
 * The HTML of one provision for its page. `withChildren` false leaves out the
 * nested provisions (their headings are listed and linked by the page instead),
 * so a 一、 page does not repeat half the document. Headings are renumbered so
 * the provision's own heading is the page's h1; fragment links to elements not
 * on the page point into the full text at `docHref`.
 */
export function provisionHtml(doc: Policy, id: string, withChildren: boolean, docHref: string): string {
  const { html, byId } = sections(doc);
  const range = byId.get(id);
  if (!range) throw new Error(`provision ${id} of ${doc.id} is not in the rendered text\n  hint: run npm run ingest; the outline and the text disagree.`);
  let out = '';
  let at = range.start;
  if (!withChildren) {
    for (const c of range.children) {
      out += html.slice(at, c.start);
      at = c.end;
    }
  }
  out += html.slice(at, range.end);
  const own = Number(/<h([1-6])\b/.exec(out)?.[1] ?? 2);
  // Fragment links to what is not on this page (a correction's note in the provenance) go to the full text.
  const ids = new Set([...out.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
  return out
    .replace(/<(\/?)h([1-6])\b/g, (_m, slash: string, n: string) => `<${slash}h${Math.min(6, Number(n) - own + 1)}`)
    .replace(/\bhref="#([^"]+)"/g, (m, id: string) => (ids.has(id) ? m : `href="${docHref}#${id}"`));
}
