/**
 * A per-document cache of one build step's results, by content digest (Node
 * only). Each result is a JSON file `<folder>/<key>.json`, plus any files the
 * step writes next to it (`<key>.html` …) via file(). Nothing is ever
 * updated in place: a key names one set of inputs, so a result found is a
 * result valid for those inputs; stale keys are removed by prune().
 *
 * Used by the policy rendering (src/loaders/policies.ts); a step that reads
 * other inputs (provision pages, similar provisions) takes a folder of its
 * own and puts those inputs into its key.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class StepCache<T> {
  private readonly used = new Set<string>();
  readonly folder: string;
  constructor(folder: string) {
    this.folder = folder;
    mkdirSync(folder, { recursive: true });
  }

  /** The path of one of the result's files, e.g. file(key, 'html'). */
  file(key: string, ext: string): string {
    return join(this.folder, `${key}.${ext}`);
  }

  /** The result for the key, if cached and every file named in `files` is there too. */
  get(key: string, files: string[] = []): T | undefined {
    this.used.add(key);
    const json = this.file(key, 'json');
    if (!existsSync(json) || files.some((ext) => !existsSync(this.file(key, ext)))) return undefined;
    try {
      return JSON.parse(readFileSync(json, 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  /** Writes the result last (after its files), through a temporary name: a build stopped half-way leaves no result without its files. */
  set(key: string, value: T): void {
    this.used.add(key);
    const json = this.file(key, 'json');
    writeFileSync(`${json}.tmp`, JSON.stringify(value));
    renameSync(`${json}.tmp`, json);
  }

  /** Marks a key as still in use (a result another thread wrote). */
  keep(key: string): void {
    this.used.add(key);
  }

  /** Removes every result not asked for or written since this cache was opened. */
  prune(): number {
    let removed = 0;
    for (const f of readdirSync(this.folder)) {
      if (!this.used.has(f.replace(/\..*$/, ''))) {
        rmSync(join(this.folder, f), { force: true });
        removed++;
      }
    }
    return removed;
  }
}
