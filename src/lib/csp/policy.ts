/**
 * The site's Content-Security-Policy, in one place (build-time, Node only: it
 * hashes with node:crypto). Every page carries it as a <meta> (BaseLayout),
 * and `npm run build` writes the same policy into `_headers` for static hosts
 * that read one (scripts/build.ts). The only inline code the site has is the
 * theme restorer and the no-JavaScript style below; both are allowed by their
 * hash, computed here from the very text the layout inlines, so editing one
 * can never leave a stale hash. Everything else is a file from the site itself;
 * Pagefind needs 'wasm-unsafe-eval' to run its WebAssembly. No inline style
 * attributes or event handlers: tests/e2e/csp.test.ts checks the built pages.
 */
import { createHash } from 'node:crypto';

/**
 * Restores the reader's theme and text size before the first paint. Written
 * compact: it is inlined into every page and counts against the 8 KiB script budget.
 */
export const THEME_SCRIPT =
  "try{var d=document.documentElement,t=localStorage.getItem('theme'),s=localStorage.getItem('size');if(t==='light'||t==='dark')d.dataset.theme=t;if(s==='s'||s==='l')d.dataset.size=s}catch(e){}";

/** Without JavaScript, the controls that need it are hidden (inside <noscript>). */
export const NOSCRIPT_STYLE =
  '.prefs, .search-page-form, .glossary-filter-box, .target-filters { display: none !important; }';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The directives, in the order they are written. */
export function cspDirectives(): [string, string][] {
  return [
    ['default-src', "'self'"],
    ['script-src', `'self' ${hash(THEME_SCRIPT)} 'wasm-unsafe-eval'`],
    ['style-src', `'self' ${hash(NOSCRIPT_STYLE)}`],
    ['img-src', "'self' data:"],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['worker-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
}

/** For <meta http-equiv="Content-Security-Policy">. */
export function metaPolicy(): string {
  return cspDirectives()
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}

/** For the HTTP header: the same, plus what only a header can say (no framing by other sites). */
export function headerPolicy(): string {
  return `${metaPolicy()}; frame-ancestors 'self'`;
}

/** `_headers` (Netlify, Cloudflare Pages and others read it): the policy, nosniff and the referrer policy on every path. */
export function headersFile(base = '/'): string {
  const prefix = `/${base.replace(/^\/|\/$/g, '')}/`.replace('//', '/');
  return `${prefix}*\n  Content-Security-Policy: ${headerPolicy()}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n`;
}
