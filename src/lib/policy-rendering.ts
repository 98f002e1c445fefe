/**
 * What rendering found in a document's text: the glossary terms marked (for
 * the term pages and open data) and the documents it refers to (for the
 * cited-documents page), each with its anchor. Read from the loader's cache
 * file (src/loaders/policies.ts), not kept in Astro's data store, and checked
 * against its schema (src/schemas/rendering.ts). Plain Node (no astro:
 * imports), so open-data code and its tests can use it.
 */
import { existsSync } from 'node:fs';
import { DataFileError, readJsonFile } from './data/read-json.ts';
import { renderedDataSchema, type RenderedDataFile } from '../schemas/rendering.ts';

export function policyRendering(doc: { id: string; data: { rendering: { dataFile: string } } }): RenderedDataFile {
  const file = doc.data.rendering.dataFile;
  if (!existsSync(file))
    throw new DataFileError(
      file,
      undefined,
      `what rendering found in ${doc.id} is missing`,
      'Run the build again; the loader renders every document whose result is not cached.',
    );
  return readJsonFile(file, renderedDataSchema, 'src/schemas/rendering.ts');
}
