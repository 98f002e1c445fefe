/**
 * Lists that grow with the library are cut into pages of a fixed size, so no
 * page grows with it: page 1 at the list's own path (so links to it never
 * break), page n at `<path>n/`. Pure; the pages and the pager use it.
 */
export interface PageOf<T> {
  items: T[];
  /** 1-based. */
  page: number;
  pages: number;
  /** Items over all pages. */
  total: number;
}

/*
 * The sizes of every list that grows with the library, in one place (tests
 * read them from here). Each page holds at most this many, however large
 * the library.
 */
/** Documents per list page (region, year, glossary term, agency). */
export const PAGE_SIZE = 50;
/** Newest documents on the home page (the rest: its lists per province and year). */
export const HOME_NEWEST = 20;
/** Entries in /feed.xml: the newest documents. */
export const FEED_SIZE = 50;
/** Rows of the agency index (/agencies/) and of the editors' curation index (/curation/) per page. */
export const TABLE_PAGE_SIZE = 200;

/** The pages of a list; an empty list is one empty page (the list's own path always exists). */
export function paginate<T>(items: readonly T[], size = PAGE_SIZE): PageOf<T>[] {
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`paginate: the page size must be a positive integer, not ${size}.`);
  const pages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pages }, (_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    page: i + 1,
    pages,
    total: items.length,
  }));
}

/** Site-relative path of page n of the list at `path` (which ends in /): path, path + '2/', … */
export function pagePath(path: string, page: number): string {
  if (!path.endsWith('/') && path !== '') throw new Error(`pagePath: a list's path ends in /, not "${path}".`);
  return page === 1 ? path : `${path}${page}/`;
}

/** The [...page] route parameter: undefined for page 1 (the list's own path), else the number. */
export function pageParam(page: number): string | undefined {
  return page === 1 ? undefined : String(page);
}

/**
 * The page numbers a pager shows: the first, the last, and the current one
 * with `around` on each side; a gap (null) where numbers are left out. At
 * most 2 × around + 5 entries however many pages, so the pager fits a phone.
 */
export function pagerItems(page: number, pages: number, around = 2): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= pages; n++) {
    const near = Math.abs(n - page) <= around;
    // A gap of one number shows the number instead of an ellipsis.
    const edge =
      n === 1 || n === pages || (n === 2 && page - around === 3) || (n === pages - 1 && page + around === pages - 2);
    if (near || edge) out.push(n);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}
