/**
 * Writes a set of generated files so that a failure leaves nothing half
 * written: every file goes to a temporary sibling first, and only when all
 * of them are written are they renamed over the originals (a rename is
 * atomic, so each file is whole: the old version or the new one). A failure
 * while writing (disk full, a missing folder) removes the temporary files
 * and leaves every original as it was.
 *
 * `stageWrites` is the same contract spread over a run: ingest stages each
 * document's files as soon as the document is built (so a library of ten
 * thousand documents is never held in memory at once), and commits only
 * after the last one succeeded; `abort` undoes the staging.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';

export interface FileWrite {
  path: string;
  content: string;
}

export interface StagedWrites {
  /** Writes the file's new content beside it; the original is untouched until `commit`. */
  stage(file: FileWrite): void;
  /** Renames every staged file into place, then removes `remove`. */
  commit(remove?: string[]): void;
  /** Removes every staged temporary file; the originals stay as they were. */
  abort(): void;
}

export function stageWrites(): StagedWrites {
  const tag = `.${process.pid}.${Date.now().toString(36)}.tmp`;
  const staged: string[] = [];
  let open = true;
  const abort = () => {
    for (const path of staged) rmSync(`${path}${tag}`, { force: true });
    staged.length = 0;
    open = false;
  };
  return {
    stage(f) {
      if (!open) throw new Error('stageWrites: already committed or aborted');
      try {
        writeFileSync(`${f.path}${tag}`, f.content);
      } catch (e) {
        // The partly written temporary file goes with the others.
        rmSync(`${f.path}${tag}`, { force: true });
        abort();
        throw e;
      }
      staged.push(f.path);
    },
    commit(remove = []) {
      if (!open) throw new Error('stageWrites: already committed or aborted');
      open = false;
      for (const path of staged) renameSync(`${path}${tag}`, path);
      for (const r of remove) rmSync(r, { force: true });
    },
    abort,
  };
}

export function writeFilesAtomically(files: FileWrite[], remove: string[] = []): void {
  const tx = stageWrites();
  for (const f of files) tx.stage(f);
  tx.commit(remove);
}
