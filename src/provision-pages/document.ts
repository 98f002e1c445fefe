/**
 * One document's provision pages: given its slug, reads its built page, its
 * outline and its clause texts and writes /policies/<slug>/<anchor>/index.html
 * for every paged provision. The same in build.ts's own thread or in a worker
 * thread (worker.ts, src/lib/worker-pool.ts): it needs only the plain data
 * of ProvisionSetup.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanSections } from './sections.ts';
import { paged, provisionPage, provisionSlice, type DocInfo } from './page.ts';
import { contentFiles } from '../lib/data/paths.ts';
import { readClauseData } from '../lib/data/clauses.ts';
import { outline } from '../lib/clauses/outline.ts';
import { readPolicyFrontmatter } from '../lib/data/frontmatter.ts';

export interface ProvisionSetup {
  /** The built site's policies folder, e.g. dist/policies. */
  docsDir: string;
  /** The content folder (policies/*.mdx, clauses/*.json). */
  contentDir: string;
  /** The shell Astro wrote (src/pages/provision-shell.astro). */
  shell: string;
  /** Site base path, e.g. / or /sub/path/ (the shell's data-base). */
  base: string;
}

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
/** An attribute's value in an HTML start tag, unescaped. */
export const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? unescape(m[1]) : undefined;
};

/** Writes one document's provision pages; returns how many. */
export function provisionPagesOf({ docsDir, contentDir, shell, base }: ProvisionSetup, slug: string): number {
  const files = contentFiles(contentDir);
  const pageFile = join(docsDir, slug, 'index.html');
  const html = readFileSync(pageFile, 'utf8');
  const article = /<article id="doc"[^>]*>/.exec(html)?.[0];
  const citePrefix = article && attr(article, 'data-cite-prefix');
  if (!citePrefix)
    throw new Error(
      `${pageFile}: no <article id="doc" data-cite-prefix=…>\n  hint: src/pages/policies/[slug].astro writes it; rebuild.`,
    );
  const fm = readPolicyFrontmatter(files.policyFile(slug));
  // The document's outline (every provision with its anchor, depth, number, title and parent), from its clause data.
  const clauses = readClauseData(files.clauseFile(slug));
  const provisions = outline(clauses);
  const texts = new Map(clauses.map((c) => [c.id, c.text]));
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
  });
  return list.length;
}

/** The task handler of the worker pool: one slug in, its number of pages out. */
export const provisionWriter = (setup: ProvisionSetup) => (slug: string) => provisionPagesOf(setup, slug);
