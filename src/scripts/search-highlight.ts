/**
 * Landing from a search result (…/?hl=双带头人#s3-6-24): marks the query in
 * the target provision so the reader sees at once why it matched.
 */
import { fragmentId } from '../lib/decode.ts';

export function highlightFromQuery(): void {
  const q = new URLSearchParams(location.search).get('hl');
  const id = fragmentId(location.hash);
  if (!q || !id) return;
  const target = document.getElementById(id);
  if (!target) return;
  const scope = target.closest('section.provision') ?? target;
  const terms = q.split(/[\s\u3000]+/u).filter(Boolean).sort((a, b) => b.length - a.length);
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => {
      const el = n.parentElement;
      if (!el || el.closest('[data-pagefind-ignore], mark')) return NodeFilter.FILTER_REJECT;
      // Only the provision's own text, not the provisions nested in it.
      if (scope.matches('section.provision') && el.closest('section.provision') !== scope) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  for (const node of nodes) {
    const text = node.data;
    const lower = text.toLowerCase();
    const hits: [number, number][] = [];
    for (const t of terms) {
      for (let i = lower.indexOf(t.toLowerCase()); i !== -1; i = lower.indexOf(t.toLowerCase(), i + t.length)) {
        if (!hits.some(([s, e]) => i < e && i + t.length > s)) hits.push([i, i + t.length]);
      }
    }
    if (!hits.length) continue;
    hits.sort((a, b) => a[0] - b[0]);
    const frag = document.createDocumentFragment();
    let pos = 0;
    for (const [s, e] of hits) {
      frag.append(text.slice(pos, s));
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = text.slice(s, e);
      frag.append(mark);
      pos = e;
    }
    frag.append(text.slice(pos));
    node.replaceWith(frag);
  }
}
