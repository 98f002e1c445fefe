// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';

/**
 * Without SITE no page carries a made-up host: say what is left out.
 * @type {import('astro').AstroIntegration}
 */
const siteWarning = {
  name: 'yigai-site-address',
  hooks: {
    'astro:config:done': ({ config, logger }) => {
      if (!config.site)
        logger.warn(
          'SITE is not set: pages have no canonical or og:url, data files and the feed use paths from the root (/policies/…), and no sitemap is written. Set SITE=https://your.host when building for deployment.',
        );
    },
  },
};

export default defineConfig({
  // Absolute URLs (canonical, Open Graph, sitemap) use SITE; set it when deploying. No default:
  // a placeholder host would end up in every page, feed and data file.
  site: process.env.SITE || undefined,
  base: process.env.BASE ?? '/',
  // A second build (e.g. for the sub-path test) can go elsewhere.
  outDir: process.env.OUT_DIR ?? './dist',
  // The benchmark's builds (sharing node_modules) keep their content cache apart.
  cacheDir: process.env.ASTRO_CACHE_DIR,
  trailingSlash: 'ignore',
  // Stylesheets always as files: an inlined <style> would need its own CSP hash (src/lib/csp/policy.ts).
  build: { format: 'directory', inlineStylesheets: 'never' },
  // The search index is written after the build: scripts/search-index.ts (npm run build).
  // MDX: the editorial pages (src/pages/about/*.mdx), written by the editors.
  integrations: [mdx(), siteWarning],
  // Scripts as files, not inlined into every page: cached once, and the HTML stays text.
  // No module-preload helper: it put ~1.9 KB into every page's script for the one dynamic import
  // (the header search, loaded on first use), whose two chunks then load one after the other.
  vite: { build: { assetsInlineLimit: 0, modulePreload: false } },
  // The policy documents are MDX rendered by their collection loader
  // (src/loaders/policies.ts → src/render/policy/), with the glossary and
  // reference plugins (src/render/policy/plugins/); this processor is not used for them. It renders the
  // editorial pages, src/pages/about/*.mdx (tables through remark-gfm).
  markdown: {
    // SmartyPants would rewrite official text ("--" to a dash, quotes): never.
    processor: unified({ remarkPlugins: [remarkGfm], smartypants: false, gfm: true }),
    // No Shiki: it colours code blocks with inline styles, which the pages' Content-Security-Policy refuses.
    syntaxHighlight: false,
  },
});
