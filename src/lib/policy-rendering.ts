/**
 * What rendering found in a document's text: the glossary terms marked (for
 * the term pages and open data) and the documents it cites (for the
 * cited-documents page), each with its anchor. Read from the loader's cache
 * file (src/loaders/policies.ts), not kept in Astro's data store. Plain Node
 * (no astro: imports), so open-data code and its tests can use it.
 */
import { readFileSync } from 'node:fs';
import type { RenderedData } from '../render/policy/render-files.ts';

export function policyRendering(doc: { id: string; data: { rendering: { dataFile: string } } }): RenderedData {
  try {
    return JSON.parse(readFileSync(doc.data.rendering.dataFile, 'utf8')) as RenderedData;
  } catch (e) {
    throw new Error(`What rendering found in ${doc.id} is missing (${doc.data.rendering.dataFile}): ${(e as Error).message}\n  hint: run the build again; the loader renders every document whose result is not cached.`, { cause: e });
  }
}
