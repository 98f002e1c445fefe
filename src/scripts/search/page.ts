/**
 * The search page: query and filters in the URL, results grouped by document.
 * It checks the best MAX_CANDIDATES documents for the query, in the newest
 * parts of a large library's index that give them (engine.ts, searchParts);
 * one button checks the next documents Pagefind found (再检查 N 份文件,
 * newest exact matches first), and once every exact match of the parts
 * searched has been checked, another searches the older parts (在更早的文件中
 * 继续检索) until the whole library has been searched: it does not wait for
 * the loose matches left (documents that may hold the words apart). Filters
 * narrow the documents too.
 */
import { search, groupByDocument, GROUP_SHOWN, MAX_CANDIDATES, STEP_DOCUMENTS, type Hit } from './engine.ts';
import { escapeHtml, hitHref, loadSearch } from './load.ts';
import { notices, searchedIn, statusText } from './notices.ts';

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

  const { parts, glossary, pages, simplify } = await loadSearch(base, true);
  // Documents checked and documents searched for the current query and filters; “more” raises
  // them (parts already searched and fragments already fetched stay loaded).
  let documents = MAX_CANDIDATES;
  let reach = STEP_DOCUMENTS;
  let last = '';
  let seq = 0;
  // Filters are rendered at build time (no layout shift); restore the URL's choices.
  for (const cb of box.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'))
    cb.checked = params.getAll(cb.name).includes(cb.value);

  const selected = () => {
    const f: Record<string, string[]> = {};
    for (const key of FILTER_KEYS) {
      const v = [...box.querySelectorAll<HTMLInputElement>(`input[name="${key}"]:checked`)].map((i) => i.value);
      if (v.length) f[key] = v;
    }
    return f;
  };

  /** `goingOn`: run by a button, whose place keeps the focus (the results are redrawn). */
  async function run(goingOn?: 'more' | 'older') {
    const mine = ++seq;
    const q = input.value.trim();
    const filters = selected();
    const url = new URLSearchParams();
    if (q) url.set('q', q);
    for (const [k, vs] of Object.entries(filters)) for (const v of vs) url.append(k, v);
    history.replaceState(null, '', `${location.pathname}${url.size ? `?${url}` : ''}`);
    if (!q) {
      out.innerHTML = '';
      status.textContent = '';
      return;
    }
    if (url.toString() !== last) {
      documents = MAX_CANDIDATES;
      reach = STEP_DOCUMENTS;
      last = url.toString();
    }
    const res = await search(parts, q, glossary, {
      ...(Object.keys(filters).length ? { filters } : {}),
      maxCandidates: documents,
      maxDocuments: reach,
      pages,
      simplify,
    });
    if (mine !== seq) return; // a newer query or filter is on its way
    let html = notices(res, base);
    if (res.agency) {
      html += `<section class="search-term"><h2>责任单位：<a href="${escapeHtml(`${base}agencies/${res.agency.id}/`)}">${escapeHtml(res.agency.name)}</a></h2><p class="lead">下列条款由其牵头或参与（原文可能用简称）。</p></section>`;
    }
    if (res.glossary) {
      html += `<section class="search-term"><h2>术语：<a href="${escapeHtml(`${base}glossary/${res.glossary.id}/`)}">${escapeHtml(res.glossary.term)}</a></h2>${res.parts[0].alternatives.length > 1 ? `<p class="lead">同时检索：${res.parts[0].alternatives.map(escapeHtml).join('、')}</p>` : ''}</section>`;
    }
    const rank = new Map(res.hits.map((h, i) => [h, i + 1]));
    const item = (h: Hit) =>
      `<li data-rank="${rank.get(h)}" data-kind="${h.kind}" data-anchor="${escapeHtml(h.anchor ?? '')}" data-slug="${escapeHtml(h.slug ?? '')}"><a href="${escapeHtml(hitHref(h.url, q, h.marks))}">${escapeHtml(h.kind === 'clause' ? `${h.cite ?? ''} ${h.title}` : h.title)}</a><p>${escapeHtml(h.excerpt.before)}<mark>${escapeHtml(h.excerpt.match)}</mark>${escapeHtml(h.excerpt.after)}</p></li>`;
    for (const g of groupByDocument(res.hits)) {
      html += `<section class="search-doc"><h2>${escapeHtml(g.doc)}${g.hits[0]?.date ? ` <span class="lead">${escapeHtml(g.hits[0].date)}</span>` : ''}</h2><ol class="search-results">`;
      // A document's best clauses; the rest fold away, so the next document's best is not pushed down.
      html += g.hits.slice(0, GROUP_SHOWN).map(item).join('') + '</ol>';
      const rest = g.hits.slice(GROUP_SHOWN);
      if (rest.length)
        html += `<details class="search-doc-more"><summary>本文件另有 ${rest.length} 条</summary><ol class="search-results" start="${GROUP_SHOWN + 1}">${rest.map(item).join('')}</ol></details>`;
      html += '</section>';
    }
    if (!res.hits.length)
      html += `<p>${escapeHtml(searchedIn(res))}没有找到包含“${escapeHtml(res.simplified ?? q)}”的条款。${res.olderParts ? '' : '可以换一个说法，或去掉筛选条件。'}</p>`;
    if (res.moreDocuments)
      html += `<p class="search-more"><button type="button" data-search-more>再检查 ${Math.min(res.moreDocuments, MAX_CANDIDATES)} 份文件</button>（还有 ${res.moreDocuments} 份文件可能包含这些词）</p>`;
    if (res.olderParts && !res.moreSure)
      html += `<p class="search-more"><button type="button" data-search-older>在更早的文件中继续检索</button>（${res.searchedDocuments ? `已检索最新的 ${res.searchedDocuments} 份，还有 ${res.olderDocuments} 份` : '还有更早的文件'}）</p>`;
    out.innerHTML = html;
    status.textContent = statusText(res);
    // Keyboard readers go on from where they were: the button again, or the last results.
    if (goingOn)
      (
        out.querySelector<HTMLElement>(goingOn === 'more' ? '[data-search-more]' : '[data-search-older]') ??
        out.querySelector<HTMLElement>('[data-search-more], [data-search-older]') ??
        [...out.querySelectorAll<HTMLElement>('li a')].at(-1)
      )?.focus();
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  let timer = 0;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), 120);
  });
  box.addEventListener('change', () => void run());
  out.addEventListener('click', (e) => {
    const button = (e.target as Element).closest('[data-search-more], [data-search-older]');
    if (!button) return;
    documents += MAX_CANDIDATES;
    // Older parts: as many more documents as one step searches; their exact matches are checked before loose ones.
    const older = button.hasAttribute('data-search-older');
    if (older) reach += STEP_DOCUMENTS;
    void run(older ? 'older' : 'more');
  });
  await run();
}
