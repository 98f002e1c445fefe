/**
 * Loads and checks the whole glossary (src/content/glossary/*.json). Used by
 * the remark plugin at build time, so a broken entry stops the build with the
 * file and a hint: bad JSON or fields, an alias claimed twice, a related term
 * that does not exist.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { glossaryEntrySchema, type GlossaryEntry } from '../../schemas/glossary.ts';
import { checkIdFileName, DataFileError, readJsonFile } from '../data/read-json.ts';

/** A problem in the glossary: the data-file error (file, line, hint), named for where it comes from. */
export class GlossaryError extends DataFileError {
  constructor(file: string, message: string, hint: string, line?: number) {
    super(file, line, message, hint);
    this.name = 'GlossaryError';
  }
}

export function loadGlossary(dir = 'src/content/glossary'): GlossaryEntry[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const entries: (GlossaryEntry & { file: string })[] = files.map((f) => {
    const file = join(dir, f);
    const id = checkIdFileName(dir, f, 'entry', 'liangge-yunxu.json');
    return { ...readJsonFile(file, glossaryEntrySchema, 'src/schemas/glossary.ts'), id, file };
  });
  const ids = new Set(entries.map((e) => e.id));
  const owner = new Map<string, string>();
  for (const e of entries) {
    for (const form of [e.term, ...e.aliases]) {
      const prev = owner.get(form);
      if (prev && prev !== e.id) {
        throw new GlossaryError(e.file, `"${form}" is already the term or an alias of entry "${prev}"`, `A form can lead to one entry only: remove it here or from ${prev}.json, and link the two entries with "related".`);
      }
      owner.set(form, e.id);
    }
    for (const r of e.related) {
      if (!ids.has(r)) {
        const near = [...ids].filter((x) => x.includes(r.split('-')[0])).slice(0, 5);
        throw new GlossaryError(e.file, `related term "${r}" does not exist`, `Use the id (file name without .json) of an existing entry${near.length ? `, e.g. ${near.join(', ')}` : ''}.`);
      }
      if (r === e.id) throw new GlossaryError(e.file, 'an entry cannot be related to itself', 'Remove its own id from "related".');
    }
  }
  return entries.map(({ file: _f, ...e }) => e);
}

/** Every form (term and aliases) with its entry id, longest first: DRG付费 before DRG. */
export function termForms(entries: GlossaryEntry[]): { form: string; id: string }[] {
  return entries
    .flatMap((e) => [e.term, ...e.aliases].map((form) => ({ form, id: e.id })))
    .sort((a, b) => b.form.length - a.form.length || a.form.localeCompare(b.form));
}
