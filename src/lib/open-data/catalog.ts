/**
 * The catalog of the library: /data/catalog.json, then /data/catalog-2.json …
 * for a library of more than CATALOG_PAGE documents. Every document's
 * metadata and the URLs of its files, newest first, CATALOG_PAGE documents a
 * file, the files linked by `next` / `previous` (src/schemas/open-data.ts),
 * so no file grows with the library and a reader follows `next` to the end.
 */
import { getPolicies } from '../policies.ts';
import { paginate } from '../paginate.ts';
import { absolute, siteAddress } from '../url.ts';
import { meta } from './build.ts';
import { CATALOG_PAGE } from '../../schemas/open-data.ts';

export { CATALOG_PAGE };

/** Site-relative path of catalog file n. */
export const catalogPath = (n: number): string => (n === 1 ? 'data/catalog.json' : `data/catalog-${n}.json`);

export async function catalogPages() {
  return paginate(await getPolicies(), CATALOG_PAGE);
}

/** The JSON of catalog file n (1-based). */
export async function catalogBody(n: number, site: URL | undefined): Promise<string> {
  const pages = await catalogPages();
  const page = pages[n - 1];
  if (!page) throw new Error(`catalog: there is no catalog file ${n} (the library makes ${pages.length}).`);
  const body = {
    format: 'yigai-catalog/1',
    site: absolute('', site),
    total: page.total,
    page: page.page,
    pages: page.pages,
    ...(page.page > 1 ? { previous: absolute(catalogPath(page.page - 1), site) } : {}),
    ...(page.page < page.pages ? { next: absolute(catalogPath(page.page + 1), site) } : {}),
    documents: page.items.map((d) => meta(d, siteAddress(site))),
  };
  return JSON.stringify(body, null, 1);
}
