/**
 * Landing from a search result (…/?hl=双带头人#s3-6-24): marks what matched in
 * the target clause so the reader sees at once why it matched. Each `hl` is
 * one form (the query, or each form of a glossary term that occurs in the
 * clause); an old link's single `hl` with spaces is split into its words.
 * A match may run across elements (a phrase that runs into a glossary term's
 * link): the clause's text is read per block as one string, and each text
 * node's share of a match gets its own mark. Tooltips and tools
 * (data-pagefind-ignore) are not read.
 */
export function highlightFromQuery(): void {
  const params = new URLSearchParams(location.search).getAll('hl').filter(Boolean);
  const id = decodeURIComponent(location.hash.slice(1));
  if (!params.length || !id) return;
  const target = document.getElementById(id);
  if (!target) return;
  markIn(target.closest('section.provision') ?? target, params.length === 1 ? params[0].split(/[\s\u3000]+/u) : params);
}

const BLOCK = 'p, h1, h2, h3, h4, h5, h6, li, td, th, dd, dt, section, article';

export function markIn(scope: Element, forms: string[]): void {
  const terms = [...new Set(forms.map((t) => t.trim().toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!terms.length) return;
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => {
      const el = n.parentElement;
      if (!el || el.closest('[data-pagefind-ignore], mark, .clause-tools')) return NodeFilter.FILTER_REJECT;
      // Only the provision's own text, not the provisions nested in it.
      if (scope.matches('section.provision') && el.closest('section.provision') !== scope) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  // Text nodes grouped by their block: a match may span nodes of one block, never two blocks.
  const blocks = new Map<Element, Text[]>();
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    const block = node.parentElement!.closest(BLOCK) ?? scope;
    blocks.set(block, [...(blocks.get(block) ?? []), node]);
  }
  for (const nodes of blocks.values()) {
    const text = nodes.map((n) => n.data).join('').toLowerCase();
    const ranges: [number, number][] = [];
    for (const t of terms) {
      for (let i = text.indexOf(t); i !== -1; i = text.indexOf(t, i + t.length)) {
        if (!ranges.some(([s, e]) => i < e && i + t.length > s)) ranges.push([i, i + t.length]);
      }
    }
    if (!ranges.length) continue;
    let offset = 0;
    for (const node of nodes) {
      const start = offset;
      const end = offset + node.data.length;
      offset = end;
      // This node's shares of the matches, in node-local offsets.
      const local = ranges.filter(([s, e]) => s < end && e > start).map(([s, e]) => [Math.max(s, start) - start, Math.min(e, end) - start]).sort((a, b) => a[0] - b[0]);
      if (!local.length) continue;
      const frag = document.createDocumentFragment();
      let pos = 0;
      for (const [s, e] of local) {
        frag.append(node.data.slice(pos, s));
        const mark = document.createElement('mark');
        mark.className = 'search-hit';
        mark.textContent = node.data.slice(s, e);
        frag.append(mark);
        pos = e;
      }
      frag.append(node.data.slice(pos));
      node.replaceWith(frag);
    }
  }
}
