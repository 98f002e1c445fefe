/**
 * Site-internal URLs. Every link goes through `href()` so the site works under
 * any base path (BASE=/sub/path/ npm run build) and from any static host.
 */
import { absoluteIn, type SiteAddress } from './site-address.ts';

const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** A path inside the site, e.g. href('policies/datong/') → /sub/path/policies/datong/ */
export function href(path = ''): string {
  return BASE + path.replace(/^\//, '');
}

/** A link to a document or one of its clauses; `mark`: a form the landing page marks in the clause (?hl=, src/scripts/search-highlight.ts). */
export function policyHref(slug: string, anchor?: string, mark?: string): string {
  return href(`policies/${slug}/`) + (mark ? `?hl=${encodeURIComponent(mark)}` : '') + (anchor ? `#${anchor}` : '');
}

/**
 * The URL of a page for data files, feeds and citations: absolute when the
 * site's address is known (SITE=https://… at build time), else the path from
 * the host's root (/policies/x/), never a made-up host. What needs an
 * absolute URL (canonical, og:url, the sitemap) is left out without SITE.
 */
export function absolute(path: string, site: URL | undefined): string {
  return absoluteIn(siteAddress(site), path);
}

/** This build's base path and `site` (Astro's), for code shared with Node steps outside Astro (src/lib/open-data/). */
export const siteAddress = (site: URL | undefined): SiteAddress => ({ base: BASE, site });
