/**
 * Ground truth for judging search results, independent of the search code.
 * The code lives with the tools (scripts/lib/query-truth.ts), which
 * `npm run bench` uses too.
 */
export * from '../../scripts/lib/query-truth.ts';
