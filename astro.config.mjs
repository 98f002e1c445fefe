// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';

export default defineConfig({
  // Absolute URLs (canonical, Open Graph, sitemap) use SITE; set it when deploying.
  site: process.env.SITE ?? 'https://yigai.example.org',
  base: process.env.BASE ?? '/',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [mdx()],
  markdown: {
    // SmartyPants would rewrite the official text ("--" to a dash, quotes): never.
    processor: unified({ remarkPlugins: [remarkGfm], smartypants: false, gfm: true }),
  },
});
