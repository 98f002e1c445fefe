/**
 * After `astro build` (scripts/provision-pages.ts, part of `npm run build`):
 * writes a page per provision, /policies/<slug>/<anchor>/index.html, from
 * each built document page and the shell Astro wrote
 * (src/pages/provision-shell.astro), then removes the shell.
 *
 * The document page already holds every provision rendered (agency links,
 * glossary tips, related provisions): one pass finds each provision's section
 * (sections.ts) and each page is that slice in the shell (page.ts). The
 * outline and texts come from the clause data ingest wrote
 * (src/content/clauses/, the outline by src/lib/clauses/outline.ts). Run before the search index and the link
 * check, which then see the provision pages as any other page.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanSections } from './sections.ts';
import { paged, provisionPage, provisionSlice, type DocInfo } from './page.ts';
import { CONTENT, contentFiles } from '../lib/data/paths.ts';
import { readClauseData } from '../lib/data/clauses.ts';
import { outline } from '../lib/clauses/outline.ts';
import { readPolicyFrontmatter } from '../lib/data/frontmatter.ts';

export interface ProvisionPagesOptions {
  /** The built site, e.g. dist. */
  out: string;
  /** The content folder (policies/*.mdx, clauses/*.json). */
  contentDir?: string;
  /**
   * Only these documents (an incremental build, scripts/build.ts: the others'
   * provision pages are already in `out`, from the previous build); all when absent.
   */
  only?: Set<string>;
}

const SHELL_DIR = 'provision-shell';
const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? unescape(m[1]) : undefined;
};

export function buildProvisionPages({ out, contentDir = CONTENT.content, only }: ProvisionPagesOptions): {
  documents: number;
  pages: number;
} {
  const shellFile = join(out, SHELL_DIR, 'index.html');
  if (!existsSync(shellFile))
    throw new Error(
      `${shellFile} is missing\n  hint: run astro build first (src/pages/provision-shell.astro writes it); npm run build runs both.`,
    );
  const shell = readFileSync(shellFile, 'utf8');
  const base = attr(/<div class="page provision-page"[^>]*>/.exec(shell)?.[0] ?? '', 'data-base');
  if (base === undefined)
    throw new Error(
      `${shellFile}: no data-base on the provision-page frame\n  hint: src/pages/provision-shell.astro must keep <div class="page provision-page" data-base=…>.`,
    );
  let documents = 0;
  let pages = 0;
  const docsDir = join(out, 'policies');
  for (const slug of existsSync(docsDir) ? readdirSync(docsDir).sort() : []) {
    const pageFile = join(docsDir, slug, 'index.html');
    const files = contentFiles(contentDir);
    const mdx = files.policyFile(slug);
    if (!existsSync(pageFile) || !existsSync(mdx) || (only && !only.has(slug))) continue;
    const html = readFileSync(pageFile, 'utf8');
    const article = /<article id="doc"[^>]*>/.exec(html)?.[0];
    const citePrefix = article && attr(article, 'data-cite-prefix');
    if (!citePrefix)
      throw new Error(
        `${pageFile}: no <article id="doc" data-cite-prefix=…>\n  hint: src/pages/policies/[slug].astro writes it; rebuild.`,
      );
    const fm = readPolicyFrontmatter(mdx);
    const clauses = readClauseData(files.clauseFile(slug));
    const texts = new Map(clauses.map((c) => [c.id, c.text]));
    const provisions = outline(clauses);
    const doc: DocInfo = {
      slug,
      base,
      title: fm.title,
      shortTitle: fm.shortTitle ?? fm.title,
      titleSupplied: fm.titleSupplied,
      citePrefix,
      provisions,
      html,
    };
    const sections = scanSections(html);
    const list = paged(provisions);
    list.forEach((p, i) => {
      const range = sections.get(p.id);
      if (!range)
        throw new Error(
          `${pageFile}: provision ${p.id} of the outline is not in the page\n  hint: run npm run ingest; the outline and the text disagree.`,
        );
      const page = provisionPage(shell, {
        doc,
        p,
        prev: list[i - 1],
        next: list[i + 1],
        html: provisionSlice(html, range, p.depth >= 3, `${base}policies/${slug}/`),
        text: texts.get(p.id) ?? '',
      });
      mkdirSync(join(docsDir, slug, p.id), { recursive: true });
      // A new file, never a write into the old one: in an incremental build the old one is a hard link into the previous site.
      const file = join(docsDir, slug, p.id, 'index.html');
      rmSync(file, { force: true });
      writeFileSync(file, page);
      pages++;
    });
    documents++;
  }
  rmSync(join(out, SHELL_DIR), { recursive: true, force: true });
  return { documents, pages };
}
