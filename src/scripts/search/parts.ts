/**
 * The parts of a large library's search index (search/indexes.json,
 * src/search-index/index-parts.ts) as the engine searches them: newest first,
 * each part's Pagefind made only when a query reaches it (engine.ts,
 * searchParts), so a first query downloads one part's metadata however many
 * parts the library has. Runs in the browser.
 *
 * The first part is Pagefind's own module instance (pagefind/, with the
 * glossary and topic pages). Every other part gets an instance of its own
 * (Pagefind's createInstance) rather than being merged into the first
 * (mergeIndex), since a merged index is searched by every query. The parts'
 * instances share the first part's WebAssembly (the build gives their
 * folders a stub, build.ts): an extra part's instance is created only once
 * the first part's Pagefind has loaded it (a search waits for that; an empty
 * one downloads nothing more), also when filters pass the first part over.
 */
import type { PagefindLike, SearchPart } from './engine.ts';
import type { IndexPart } from '../../search-index/index-parts.ts';

export interface PagefindModule extends PagefindLike {
  preload(term: string): Promise<void>;
  createInstance(options: Record<string, unknown>): PagefindLike & { init(): Promise<void> };
}

export function openParts(
  module: PagefindModule,
  base: string,
  entries: IndexPart[],
  options: Record<string, unknown>,
): SearchPart[] {
  return entries.map((entry, i) => {
    let made: Promise<PagefindLike> | undefined;
    return {
      ...entry,
      pagefind: () => {
        if (i === 0) return Promise.resolve(module);
        made ??= (async () => {
          await module.preload('');
          const instance = module.createInstance({ ...options, basePath: `${base}${entry.dir}`, baseUrl: base });
          await instance.init();
          return instance;
        })();
        // A part that failed to load is tried again by the next query.
        made.catch(() => {
          made = undefined;
        });
        return made;
      },
    };
  });
}
