/**
 * Astro integration: after the build, writes the Pagefind index to
 * dist/pagefind/ through Pagefind's Node API. Every provision is its own
 * record (clause-level results); glossary and topic pages are indexed as
 * pages. Every response's `errors` is checked; the index is closed in
 * `finally`. Also writes search/forms.json: glossary forms for query expansion.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, readdirSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { transform } from 'esbuild';
import { clauseRecords, docInfo } from './clause-records.ts';
import { loadGlossary } from '../lib/glossary/load.ts';

function check(step: string, res: { errors: string[] }): void {
  if (res.errors.length) throw new Error(`Pagefind ${step} failed:\n  ${res.errors.join('\n  ')}`);
}

const pagesIn = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(dir, d.name, 'index.html')).filter(existsSync) : [];

export function searchIndex(): AstroIntegration {
  return {
    name: 'yigai-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
        check('createIndex', { errors });
        if (!index) throw new Error('Pagefind createIndex returned no index');
        let clauses = 0;
        const t0 = Date.now();
        try {
          for (const file of pagesIn(join(out, 'policies'))) {
            const html = readFileSync(file, 'utf8');
            const doc = docInfo(html);
            if (!doc) continue;
            // One document's records go to the Pagefind service together (it handles them concurrently).
            const results = await Promise.all(clauseRecords(html).map((r) =>
              index.addCustomRecord({
                // Site-relative: the Pagefind client prefixes the base path (baseUrl).
                url: `/policies/${doc.slug}/#${r.anchor}`,
                content: r.content,
                language: 'zh-cn',
                meta: { title: r.title, doc: doc.short, slug: doc.slug, anchor: r.anchor, cite: r.cite, date: doc.date, kind: 'clause', ...(doc.number ? { number: doc.number } : {}) },
                filters: { 文件: [doc.short], 地区: [doc.region], 年份: [doc.year], 文种: [doc.kind] },
                sort: { date: doc.date || `${doc.year}-00-00` },
              }).then((res) => ({ res, anchor: r.anchor }))));
            for (const { res, anchor } of results) check(`addCustomRecord(${doc.slug}#${anchor})`, res);
            clauses += results.length;
          }
          let pages = 0;
          for (const section of ['glossary', 'topics']) {
            for (const file of pagesIn(join(out, section))) {
              const res = await index.addHTMLFile({ url: `/${file.slice(out.length).replace(/index\.html$/, '').replace(/^\/+/, '')}`, content: readFileSync(file, 'utf8') });
              check(`addHTMLFile(${file})`, res);
              pages++;
            }
          }
          check('writeFiles', await index.writeFiles({ outputPath: join(out, 'pagefind') }));
          // Pagefind ships its loader unminified; the first search downloads it, so minify it (≈ 30 % smaller).
          const loader = join(out, 'pagefind', 'pagefind.js');
          const min = await transform(readFileSync(loader, 'utf8'), { minify: true, format: 'esm', target: 'es2022' });
          writeFileSync(loader, min.code);
          logger.info(`Pagefind: ${clauses} clauses and ${pages} pages indexed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        } finally {
          await pagefind.close();
        }
        // Glossary forms for query expansion (DRG ↔ 按疾病诊断相关分组付费).
        // [id, term, ...aliases]: compact, it is fetched with the first query.
        const forms = loadGlossary().map((e) => [e.id, e.term, ...e.aliases]);
        mkdirSync(join(out, 'search'), { recursive: true });
        writeFileSync(join(out, 'search', 'glossary-forms.json'), JSON.stringify(forms));
      },
    },
  };
}
