/**
 * The search page: query and filters in the URL, results grouped by document.
 * It checks the best MAX_CANDIDATES documents for the query; when Pagefind
 * found more, a button checks the next ones (filters narrow the documents too).
 */
import { search, groupByDocument, MAX_CANDIDATES } from './engine.ts';
import { escapeHtml, hitHref, loadSearch } from './load.ts';

const FILTER_KEYS = ['文件', '地区', '年份', '文种'];

export async function initSearchPage(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('[data-search-page]');
  if (!form) return;
  const base = form.dataset.base ?? '/';
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const box = form.querySelector<HTMLFieldSetElement>('[data-search-filters]')!;
  const status = document.querySelector<HTMLElement>('[data-search-page-status]')!;
  const out = document.querySelector<HTMLElement>('[data-search-page-results]')!;
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';

  const { pagefind, glossary, pages } = await loadSearch(base, true);
  // Documents checked for the current query and filters; “more” raises it (fragments already fetched stay cached).
  let documents = MAX_CANDIDATES;
  let last = '';
  // Filters are rendered at build time (no layout shift); restore the URL's choices.
  for (const cb of box.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) cb.checked = params.getAll(cb.name).includes(cb.value);

  const selected = () => {
    const f: Record<string, string[]> = {};
    for (const key of FILTER_KEYS) {
      const v = [...box.querySelectorAll<HTMLInputElement>(`input[name="${key}"]:checked`)].map((i) => i.value);
      if (v.length) f[key] = v;
    }
    return f;
  };

  async function run() {
    const q = input.value.trim();
    const filters = selected();
    const url = new URLSearchParams();
    if (q) url.set('q', q);
    for (const [k, vs] of Object.entries(filters)) for (const v of vs) url.append(k, v);
    history.replaceState(null, '', `${location.pathname}${url.size ? `?${url}` : ''}`);
    if (!q) { out.innerHTML = ''; status.textContent = ''; return; }
    if (url.toString() !== last) { documents = MAX_CANDIDATES; last = url.toString(); }
    const res = await search(pagefind, q, glossary, { ...(Object.keys(filters).length ? { filters } : {}), maxCandidates: documents, pages });
    let html = '';
    if (res.glossary) {
      html += `<section class="search-term"><h2>术语：<a href="${escapeHtml(`${base}glossary/${res.glossary.id}/`)}">${escapeHtml(res.glossary.term)}</a></h2>${res.parts[0].alternatives.length > 1 ? `<p class="lead">同时检索：${res.parts[0].alternatives.map(escapeHtml).join('、')}</p>` : ''}</section>`;
    }
    const rank = new Map(res.hits.map((h, i) => [h, i + 1]));
    for (const g of groupByDocument(res.hits)) {
      html += `<section class="search-doc"><h2>${escapeHtml(g.doc)}${g.hits[0]?.date ? ` <span class="lead">${escapeHtml(g.hits[0].date)}</span>` : ''}</h2><ol class="search-results">`;
      for (const h of g.hits) {
        html += `<li data-rank="${rank.get(h)}" data-kind="${h.kind}" data-anchor="${escapeHtml(h.anchor ?? '')}" data-slug="${escapeHtml(h.slug ?? '')}"><a href="${escapeHtml(hitHref(h.url, q))}">${escapeHtml(h.kind === 'clause' ? `${h.cite ?? ''} ${h.title}` : h.title)}</a><p>${escapeHtml(h.excerpt.before)}<mark>${escapeHtml(h.excerpt.match)}</mark>${escapeHtml(h.excerpt.after)}</p></li>`;
      }
      html += '</ol></section>';
    }
    if (res.moreDocuments) html += `<p class="search-more"><button type="button" data-search-more>再检查 ${Math.min(res.moreDocuments, MAX_CANDIDATES)} 份文件</button>（还有 ${res.moreDocuments} 份文件可能包含这些词）</p>`;
    out.innerHTML = html || `<p>没有找到包含“${escapeHtml(q)}”的条款。可以换一个说法，或去掉筛选条件。</p>`;
    status.textContent = res.hits.length ? `找到 ${res.hits.length} 条结果` : '没有找到结果';
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); void run(); });
  let timer = 0;
  input.addEventListener('input', () => { window.clearTimeout(timer); timer = window.setTimeout(run, 120); });
  box.addEventListener('change', () => void run());
  out.addEventListener('click', (e) => {
    if (!(e.target as Element).closest('[data-search-more]')) return;
    documents += MAX_CANDIDATES;
    void run();
  });
  await run();
}
