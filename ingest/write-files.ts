/**
 * Writes a set of generated files so that a failure leaves nothing half
 * written: every file goes to a temporary sibling first, and only when all
 * of them are written are they renamed over the originals (a rename is
 * atomic, so each file is whole: the old version or the new one). A failure
 * while writing (disk full, a missing folder) removes the temporary files
 * and leaves every original as it was.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';

export interface FileWrite { path: string; content: string }

export function writeFilesAtomically(files: FileWrite[], remove: string[] = []): void {
  const tag = `.${process.pid}.${Date.now().toString(36)}.tmp`;
  const written: string[] = [];
  try {
    for (const f of files) {
      const tmp = `${f.path}${tag}`;
      writeFileSync(tmp, f.content);
      written.push(tmp);
    }
  } catch (e) {
    for (const tmp of written) rmSync(tmp, { force: true });
    throw e;
  }
  for (const f of files) renameSync(`${f.path}${tag}`, f.path);
  for (const r of remove) rmSync(r, { force: true });
}
