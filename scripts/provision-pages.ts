/**
 * node scripts/provision-pages.ts [dir] [--only <file>]   (part of `npm run build`, after astro build)
 * Writes a page per provision into a built site (default dist/), of every
 * document or only of those listed in the JSON file (an array of slugs), on
 * BUILD_THREADS threads (default: every core); see src/provision-pages/build.ts.
 */
import { runDocumentStep } from './lib/document-step.ts';
import { buildProvisionPages } from '../src/provision-pages/build.ts';

await runDocumentStep('provision-pages', async (options) => {
  const { documents, pages, threads } = await buildProvisionPages(options);
  return { summary: `${pages} provision pages of ${documents} documents`, threads };
});
