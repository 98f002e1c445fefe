/**
 * npm run ingest            rebuild src/content/policies/*.mdx and src/content/reports/*.json
 * npm run ingest -- --check fail if the committed files differ from what ingest makes
 *
 * INGEST_WORKERS=n builds the documents over n worker threads (parallel.ts);
 * left out, in one thread (on the shared 2-core machine workers did not pay).
 */
import { IngestError } from './errors.ts';
import { runIngestParallel } from './parallel.ts';

const check = process.argv.includes('--check');
const paths = {
  seedsDir: 'seeds',
  manifestsDir: 'ingest/manifests',
  outDir: 'src/content/policies',
  reportsDir: 'src/content/reports',
  clausesDir: 'src/content/clauses',
};

try {
  const res = await runIngestParallel(paths, { check });
  if (check) {
    const bad = [...res.differing.map((p) => `  differs: ${p}`), ...res.stale.map((p) => `  no manifest makes it: ${p}`)];
    if (bad.length) {
      console.error(`ingest --check: the committed content is not what ingest produces:\n${bad.join('\n')}\n  hint: run \`npm run ingest\`, review the diff and commit it; never edit the generated files by hand.`);
      process.exit(1);
    }
    console.log('ingest --check: content is up to date');
  } else {
    console.log(res.written.length ? `ingest: wrote ${res.written.join(", ")}` : "ingest: nothing changed");
    if (res.stale.length) console.log(`ingest: removed ${res.stale.join(', ')}`);
  }
} catch (e) {
  if (e instanceof IngestError) {
    console.error(`ingest failed: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
