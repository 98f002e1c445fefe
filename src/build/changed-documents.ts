/**
 * Incremental builds (scripts/build.ts): the pages that belong to one
 * document (policies/<slug>/, data/<slug>.*; src/lib/build-cache/paths.ts
 * documentOf) are rendered only for the documents whose pages digest
 * (src/loaders/policies.ts) differs from that of the pages already in the
 * previous output; every other page (lists, glossary, agencies …) is
 * rendered every time, as it may show any document. A route that makes a
 * page per document passes its documents through changedDocuments() in
 * getStaticPaths. Outside an incremental build it returns them all.
 */
import { readFileSync } from 'node:fs';
import { UNCHANGED_ENV, type PagesManifest } from '../lib/build-cache/paths.ts';

let unchanged: PagesManifest | undefined;

export function changedDocuments<T extends { id: string; data: { rendering: { pages: string } } }>(docs: T[]): T[] {
  const file = process.env[UNCHANGED_ENV];
  if (!file) return docs;
  unchanged ??= JSON.parse(readFileSync(file, 'utf8')) as PagesManifest;
  return docs.filter((d) => unchanged![d.id] !== d.data.rendering.pages);
}
