/**
 * Loads and checks the whole glossary (src/content/glossary/*.json). Used by
 * the remark plugin at build time, so a broken entry stops the build with the
 * file and a hint: bad JSON or fields, an alias claimed twice, a related term
 * that does not exist.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { glossaryEntrySchema, type GlossaryEntry } from '../../schemas/glossary.ts';
import { checkIdFileName, readJsonDocument, type JsonDocument } from '../data/read-json.ts';
import { CONTENT } from '../data/paths.ts';

export function loadGlossary(dir: string = CONTENT.glossary): GlossaryEntry[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const entries: (GlossaryEntry & { doc: JsonDocument<unknown> })[] = files.map((f) => {
    const id = checkIdFileName(dir, f, 'entry', 'liangge-yunxu.json');
    const doc = readJsonDocument(join(dir, f), glossaryEntrySchema, 'src/schemas/glossary.ts');
    return { ...doc.data, id, doc };
  });
  const ids = new Set(entries.map((e) => e.id));
  const owner = new Map<string, string>();
  for (const e of entries) {
    for (const [i, form] of [e.term, ...e.aliases].entries()) {
      const prev = owner.get(form);
      if (prev && prev !== e.id) {
        throw e.doc.error(
          i ? ['aliases', i - 1] : ['term'],
          `"${form}" is already the term or an alias of entry "${prev}"`,
          `A form can lead to one entry only: remove it here or from ${prev}.json, and link the two entries with "related".`,
        );
      }
      owner.set(form, e.id);
    }
    for (const [i, r] of e.related.entries()) {
      if (!ids.has(r)) {
        const near = [...ids].filter((x) => x.includes(r.split('-')[0])).slice(0, 5);
        throw e.doc.error(
          ['related', i],
          `related term "${r}" does not exist`,
          `Use the id (file name without .json) of an existing entry${near.length ? `, e.g. ${near.join(', ')}` : ''}.`,
        );
      }
      if (r === e.id)
        throw e.doc.error(['related', i], 'an entry cannot be related to itself', 'Remove its own id from "related".');
    }
  }
  return entries.map(({ doc: _d, ...e }) => e);
}

/** Every form (term and aliases) with its entry id, longest first: DRG付费 before DRG. */
export function termForms(entries: GlossaryEntry[]): { form: string; id: string }[] {
  return entries
    .flatMap((e) => [e.term, ...e.aliases].map((form) => ({ form, id: e.id })))
    .sort((a, b) => b.form.length - a.form.length || a.form.localeCompare(b.form));
}
