/**
 * node scripts/open-data.ts [dir] [--only <file>]   (part of `npm run build`, after astro build)
 * Writes each document's open-data files (data/<slug>.json, .md, .txt) into a
 * built site (default dist/), of every document or only of those listed in
 * the JSON file (an array of slugs), on BUILD_THREADS threads (default: every
 * core); see src/open-data/build.ts.
 */
import { runDocumentStep } from './lib/document-step.ts';
import { buildOpenData } from '../src/open-data/build.ts';

await runDocumentStep('open-data', async (options) => {
  const { documents, threads } = await buildOpenData(options);
  return { summary: `the files of ${documents} documents`, threads };
});
