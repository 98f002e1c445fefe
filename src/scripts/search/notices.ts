/** The notes above search results (header popup and search page). */
import type { SearchResult } from './engine.ts';
import { escapeHtml } from './load.ts';

/** What the results say before its results: the query searched as Simplified, or near-miss suggestions. */
export function notices(res: SearchResult, base: string): string {
  let html = '';
  if (res.simplified)
    html += `<p class="search-notice" data-search-simplified>已按简体“${escapeHtml(res.simplified)}”检索</p>`;
  if (res.suggestions.length) {
    html += `<p class="search-notice" data-search-suggest>您是不是要找：${res.suggestions.map((s) => `<a href="${escapeHtml(`${base}search/?q=${encodeURIComponent(s)}`)}">${escapeHtml(s)}</a>`).join('、')}</p>`;
  }
  return html;
}

/** Where a partial search looked ('' when every part that can match was searched): 在最新的 600 份文件中. */
export function searchedIn(res: SearchResult): string {
  if (!res.olderParts) return '';
  return res.searchedDocuments ? `在最新的 ${res.searchedDocuments} 份文件中` : '在较新的文件中';
}

/** What a partial search left out ('' when nothing): （更早的 2400 份尚未检索）. */
export function leftOut(res: SearchResult): string {
  if (!res.olderParts) return '';
  return res.searchedDocuments ? `（更早的 ${res.olderDocuments} 份尚未检索）` : '（更早的文件尚未检索）';
}

/**
 * The count readers see (and hear: it goes to a live region), of clauses, not
 * of glossary or topic pages. When a large library was searched only in its
 * newest parts (engine.ts, searchParts) it says so, so that a count is never
 * read as the whole library's.
 */
export function statusText(res: SearchResult): string {
  const found = res.clauses
    ? `找到 ${res.clauses} 条条款`
    : res.hits.length
      ? `没有找到条款，有 ${res.hits.length} 个相关页面`
      : '没有找到结果';
  return `${searchedIn(res)}${found}${leftOut(res)}`;
}
