/**
 * node src/lib/curation/write-report-files.ts <dir> [<content folder>]
 * Writes the curation report's files (report-files.ts) into <dir>; run by the
 * build's `curation` step and by the /curation/ pages when no step ran.
 */
import { CONTENT } from '../data/paths.ts';
import { writeReportFiles } from './report-files.ts';

const [dir, root = CONTENT.content] = process.argv.slice(2);
if (!dir) {
  console.error('write-report-files: no output folder\n  hint: node src/lib/curation/write-report-files.ts <dir>');
  process.exit(1);
}
const t0 = Date.now();
const rows = writeReportFiles(root, dir);
// The bench reads this line from the build's output.
console.log(`curation report of ${rows.length} documents in ${Date.now() - t0} ms`);
