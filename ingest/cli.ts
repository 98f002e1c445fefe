/**
 * npm run ingest            rebuild src/content/policies/*.mdx, reports/*.json and clauses/*.json
 * npm run ingest -- --check fail if the committed files differ from what ingest makes
 * --root <folder>           another copy of the project (default: the project this file is in,
 *                           whatever the working directory)
 *
 * INGEST_WORKERS=n builds the documents over n worker threads (parallel.ts);
 * left out, in one thread (on the shared 2-core machine workers did not pay).
 */
import { parseArgs } from 'node:util';
import { IngestError } from './errors.ts';
import { ingestPaths } from './run.ts';
import { runIngestParallel } from './parallel.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, root: { type: 'string' } } });
const check = values.check;
const paths = ingestPaths(values.root);

try {
  const res = await runIngestParallel(paths, { check });
  if (check) {
    const bad = [
      ...res.differing.map((p) => `  differs: ${p}`),
      ...res.stale.map((p) => `  no manifest makes it: ${p}`),
    ];
    if (bad.length) {
      console.error(
        `ingest --check: the committed content is not what ingest produces:\n${bad.join('\n')}\n  hint: run \`npm run ingest\`, review the diff and commit it; never edit the generated files by hand.`,
      );
      process.exit(1);
    }
    console.log('ingest --check: content is up to date');
  } else {
    console.log(res.written.length ? `ingest: wrote ${res.written.join(', ')}` : 'ingest: nothing changed');
    if (res.stale.length) console.log(`ingest: removed ${res.stale.join(', ')}`);
  }
} catch (e) {
  if (e instanceof IngestError) {
    console.error(`ingest failed: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
