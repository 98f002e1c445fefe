/**
 * Where the site is served, as plain data: its base path and its address
 * (SITE), for code that runs inside Astro (src/lib/url.ts, with Astro's base)
 * and outside it (the open-data step, src/open-data/, with the base and
 * address the policy loader recorded).
 */
export interface SiteAddress {
  /** The base path, e.g. / or /sub/path/. */
  base: string;
  /** SITE, when the build knows the site's address. */
  site: URL | undefined;
}

/** A path inside the site: absolute when the address is known, else the path from the host's root (src/lib/url.ts absolute()). */
export function absoluteIn({ base, site }: SiteAddress, path: string): string {
  const inSite = base.replace(/\/?$/, '/') + path.replace(/^\//, '');
  return site ? new URL(inSite, site).toString() : inSite;
}
