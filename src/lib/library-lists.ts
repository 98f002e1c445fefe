/**
 * The lists the home page links to: the library's documents by province and
 * by year (./library-groups.ts), each list newest first (the order of
 * getPolicies()). Built once per build.
 */
import { getPolicies, type Policy } from './policies.ts';
import { byProvince, byYear, type Group as GroupOf } from './library-groups.ts';

export type Group = GroupOf<Policy>;
export interface LibraryLists {
  regions: Group[];
  years: Group[];
}

let cache: Promise<LibraryLists> | undefined;

export function libraryLists(): Promise<LibraryLists> {
  cache ??= getPolicies().then((docs) => ({ regions: byProvince(docs), years: byYear(docs) }));
  return cache;
}
