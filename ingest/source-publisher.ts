/**
 * Whether a document's text comes from its official publisher or a reprint,
 * so the page can say which (a reprint may differ from the official text).
 * Editors can set `meta.source.publisher`; otherwise it is read from what the
 * manifest records about the source, and never guessed beyond that:
 *
 *   the site or note says 转载 (reprinted)                → reprint
 *   the address is on a government domain (.gov.cn) or the
 *   site is the 人民政府 website of the document's own region → official
 *   anything else                                          → unknown
 */
import type { PolicyMeta } from '../src/schemas/policy.ts';

export type Publisher = 'official' | 'reprint' | 'unknown';

export function sourcePublisher(meta: Pick<PolicyMeta, 'source' | 'region' | 'issuer'>): Publisher {
  const { site, note, url, publisher } = meta.source;
  if (publisher) return publisher;
  if (/转载|转自|转发自/u.test(`${site} ${note ?? ''}`)) return 'reprint';
  if (url && /\.gov\.cn$/i.test(hostOf(url))) return 'official';
  const r = meta.region;
  const own = r.district ?? r.city ?? r.province;
  if (site.startsWith(own) && /人民政府|政府网|卫生健康委/u.test(site)) return 'official';
  if (meta.issuer && site.startsWith(meta.issuer)) return 'official';
  return 'unknown';
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
