/**
 * Reading the clause data ingest writes (src/content/clauses/<slug>.json):
 * the one reader of that contract (src/schemas/clauses.ts) for every loader
 * and tool. A broken file stops with the file, the line and the field; the
 * fix is to run ingest again, never to edit the file.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { clauseDataSchema, type ClauseRecord } from '../../schemas/clauses.ts';
import { readJsonFile } from './read-json.ts';

const REGENERATE =
  'Clause data is written by `npm run ingest` (format: src/schemas/clauses.ts); run it again instead of editing the file.';

/** One document's clauses, in document order. */
export function readClauseData(file: string): ClauseRecord[] {
  return readJsonFile(file, clauseDataSchema, 'src/schemas/clauses.ts', REGENERATE);
}

/** Every document's clauses in a clause folder, by slug, in file-name order (empty when the folder does not exist). */
export function readAllClauseData(dir: string): Map<string, ClauseRecord[]> {
  const out = new Map<string, ClauseRecord[]>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.json'))
    .sort())
    out.set(f.replace(/\.json$/, ''), readClauseData(join(dir, f)));
  return out;
}
