/**
 * The browser tests' entry to a built site: serve dist/ on a free port and
 * drive Debian Chromium. The code lives with the tools (scripts/lib/site.ts),
 * which `npm run bench` uses too; tests import tools' libraries, never the
 * other way round.
 */
export { openSite, librarySlugs, DOCS, type Site } from '../../scripts/lib/site.ts';
