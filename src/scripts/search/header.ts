/**
 * The search field in the header: results as you type, grouped by document,
 * arrow keys and Enter, Escape to close, result counts announced. Loaded only
 * when the reader starts to search (see components/layout/SiteSearch.astro).
 */
import { search, groupByDocument, pickShown, type Hit } from './engine.ts';
import { leftOut, notices, searchedIn, statusText } from './notices.ts';
import { escapeHtml, hitHref, loadSearch } from './load.ts';

const MAX_SHOWN = 8;
/** Documents and glossary/topic pages checked per query; the search page checks more. */
const HEADER_DOCUMENTS = 3;
const HEADER_PAGES = 3;

export function initHeaderSearch(form: HTMLFormElement): void {
  if (form.dataset.ready) return;
  form.dataset.ready = '1';
  const base = form.dataset.base ?? '/';
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const popup = form.querySelector<HTMLElement>('[data-search-popup]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  let active = -1;
  let seq = 0;
  let timer = 0;
  /** Wait after a keystroke before searching (words typed through an input method arrive whole). */
  const TYPING_PAUSE_MS = 50;

  const options = () => [...popup.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
  const setActive = (i: number) => {
    const opts = options();
    active = opts.length ? (i + opts.length) % opts.length : -1;
    opts.forEach((o, j) => o.setAttribute('aria-selected', String(j === active)));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', opts[active].id);
      opts[active].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const close = () => {
    popup.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const item = (h: Hit, q: string, i: number) =>
    `<a role="option" id="sr-opt-${i}" aria-selected="false" href="${escapeHtml(hitHref(h.url, q, h.marks))}" class="search-hit-item">` +
    `<span class="search-hit-title">${escapeHtml(h.title)}</span>` +
    (h.kind === 'clause' && h.cite ? `<span class="search-hit-cite">${escapeHtml(h.cite)}</span>` : '') +
    `<span class="search-hit-excerpt">${escapeHtml(h.excerpt.before)}<mark>${escapeHtml(h.excerpt.match)}</mark>${escapeHtml(h.excerpt.after)}</span></a>`;

  async function run() {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) {
      close();
      status.textContent = '';
      return;
    }
    let res;
    try {
      const { parts, glossary, pages, simplify } = await loadSearch(base);
      // The popup shows a few results: check only the best documents (each is a download of about
      // its text's size; three keep the first query within its budget, tests/e2e/budgets.test.ts),
      // and search older parts of a large library only while the newest do not give three.
      res = await search(parts, q, glossary, {
        maxCandidates: HEADER_DOCUMENTS,
        maxPages: HEADER_PAGES,
        pages,
        simplify,
      });
    } catch {
      if (mine !== seq) return;
      popup.innerHTML = `<p class="search-empty">检索暂时无法使用，请稍后再试，或打开<a href="${escapeHtml(`${base}search/?q=${encodeURIComponent(q)}`)}">检索页</a>。</p>`;
      popup.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      status.textContent = '检索暂时无法使用';
      return;
    }
    if (mine !== seq) return; // a newer query is on its way
    // Best first, but no document takes every place while another waits (engine.ts, pickShown).
    const shown = pickShown(res.hits, MAX_SHOWN);
    let i = 0;
    let html = notices(res, base);
    if (res.agency) {
      html += `<div role="group" aria-label="责任单位"><a role="option" id="sr-opt-${i++}" aria-selected="false" class="search-hit-item search-hit-term" href="${escapeHtml(`${base}agencies/${res.agency.id}/`)}"><span class="search-hit-title">责任单位：${escapeHtml(res.agency.name)}</span><span class="search-hit-excerpt">查看其牵头和参与的全部任务</span></a></div>`;
    }
    if (res.glossary) {
      html += `<div role="group" aria-label="术语"><a role="option" id="sr-opt-${i++}" aria-selected="false" class="search-hit-item search-hit-term" href="${escapeHtml(`${base}glossary/${res.glossary.id}/`)}"><span class="search-hit-title">术语：${escapeHtml(res.glossary.term)}</span><span class="search-hit-excerpt">查看解释、出处和全部出现位置</span></a></div>`;
    }
    for (const g of groupByDocument(shown)) {
      html += `<div role="group" aria-label="${escapeHtml(g.doc)}"><p class="search-group" aria-hidden="true">${escapeHtml(g.doc)}${g.hits[0]?.date ? ` · ${escapeHtml(g.hits[0].date)}` : ''}</p>`;
      for (const h of g.hits) html += item(h, q, i++);
      html += '</div>';
    }
    const all = `${base}search/?q=${encodeURIComponent(q)}`;
    // A large library may have been searched only in its newest parts: the count says so; lead on.
    const further = res.moreDocuments ? '在检索页查看更多结果' : res.olderParts ? '在更早的文件中继续检索' : '';
    if (res.hits.length && res.olderParts)
      html += `<p class="search-notice" data-search-scope>${escapeHtml(`${searchedIn(res)}找到 ${res.clauses} 条条款${leftOut(res)}`)}</p>`;
    html += res.hits.length
      ? `<a class="search-all" href="${escapeHtml(all)}">${further || `查看全部 ${res.clauses} 条条款`}</a>`
      : `<p class="search-empty">${escapeHtml(searchedIn(res))}没有找到包含“${escapeHtml(res.simplified ?? q)}”的条款。${further ? `<a class="search-all" href="${escapeHtml(all)}">${further}</a>` : ''}</p>`;
    popup.innerHTML = html;
    popup.dataset.query = q; // which query these results answer (the benchmark waits for it)
    popup.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
    // The count is of clauses (the provisions found), not of glossary or topic pages.
    status.textContent = `${statusText(res)}${res.moreDocuments && !res.olderParts && res.clauses ? '（还有更多文件可查）' : ''}`;
  }

  const typed = () => {
    window.clearTimeout(timer);
    // While the reader types (and the short wait runs), load search and the index chunks for the
    // words so far, as Pagefind recommends: the query itself then has less to download.
    const q = input.value.trim();
    if (q)
      loadSearch(base)
        .then(({ pagefind }) => pagefind.preload?.(q.replace(/["“”'‘’]/g, ' ')))
        .catch(() => {
          /* run() reports load failures */
        });
    timer = window.setTimeout(run, TYPING_PAUSE_MS);
  };
  // Chinese is typed through an input method: while a word is being composed the field holds
  // pinyin (yigongti), not the word. Search when the composition ends, not on every letter.
  // Set by SiteSearch.astro from page load (this module may load mid-composition).
  const composing = () => input.dataset.composing === '1';
  input.addEventListener('compositionstart', () => window.clearTimeout(timer));
  input.addEventListener('input', (e) => {
    if (!composing() && !(e as InputEvent).isComposing) typed();
  });
  input.addEventListener('compositionend', typed);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (popup.hidden) void run();
      else setActive(active + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(active - 1);
    }
    // A search field clears itself on Escape; while results show, Escape only closes them (the query stays).
    else if (e.key === 'Escape' && !popup.hidden) {
      e.preventDefault();
      close();
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      options()[active].click();
    }
  });
  document.addEventListener('click', (e) => {
    if (!form.contains(e.target as Node)) close();
  });
  if (input.value.trim() && !composing()) void run();
}
