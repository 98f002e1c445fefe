/**
 * node src/lib/similar/write-doc-files.ts <dir> <content folder>
 * Writes each document's 自动推荐 into <dir> (doc-files.ts); run by the policy
 * loader in a process of its own.
 */
import { writeSimilarFiles } from './doc-files.ts';

const [dir, root] = process.argv.slice(2);
if (!dir || !root) {
  console.error('write-doc-files: usage: node src/lib/similar/write-doc-files.ts <dir> <content folder>');
  process.exit(1);
}
writeSimilarFiles(root, dir);
