/**
 * node src/lib/curation/write-report-files.ts <dir> [<content folder>] [--similar <dir>]
 * Writes the curation report's files (report-files.ts) into <dir>; run by the
 * build's `curation` step and by the /curation/ pages when no step ran.
 * With --similar, first the pages' 自动推荐 files (src/lib/similar/doc-files.ts)
 * into that folder, from the same similar-provision index: the build's step
 * writes both, so the library's index is built once, not again by the
 * policy loader (SIMILAR_FILES_ENV).
 */
import { parseArgs } from 'node:util';
import { CONTENT } from '../data/paths.ts';
import { loadSimilar } from '../similar/library.ts';
import { writeSimilarFiles } from '../similar/doc-files.ts';
import { writeReportFiles } from './report-files.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { similar: { type: 'string' } } });
const [dir, root = CONTENT.content] = positionals;
if (!dir) {
  console.error(
    'write-report-files: no output folder\n  hint: node src/lib/curation/write-report-files.ts <dir> [<content folder>] [--similar <dir>]',
  );
  process.exit(1);
}
const t0 = Date.now();
const similar = loadSimilar({ root });
if (values.similar) {
  writeSimilarFiles(root, values.similar, similar);
  // The bench reads this line from the build's output.
  console.log(`similar provisions of ${similar.units.length} provisions in ${Date.now() - t0} ms`);
}
const rows = writeReportFiles(root, dir, similar);
// The bench reads this line from the build's output.
console.log(`curation report of ${rows.length} documents in ${Date.now() - t0} ms`);
