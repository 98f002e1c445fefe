/** The notes above search results (header popup and search page). */
import type { SearchResult } from './engine.ts';
import { escapeHtml } from './load.ts';

/** What the results say before its results: the query searched as Simplified, or near-miss suggestions. */
export function notices(res: SearchResult, base: string): string {
  let html = '';
  if (res.simplified) html += `<p class="search-notice" data-search-simplified>已按简体“${escapeHtml(res.simplified)}”检索</p>`;
  if (res.suggestions.length) {
    html += `<p class="search-notice" data-search-suggest>您是不是要找：${res.suggestions.map((s) => `<a href="${escapeHtml(`${base}search/?q=${encodeURIComponent(s)}`)}">${escapeHtml(s)}</a>`).join('、')}</p>`;
  }
  return html;
}
