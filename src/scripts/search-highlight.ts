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

/**
 * `id` is the decoded fragment (the page decodes it with fragmentId, which it has for its other tools).
 */
export function highlightFromQuery(id: string): void {
  const params = new URLSearchParams(location.search).getAll('hl').filter(Boolean);
  if (!params.length || !id) return;
  const target = document.getElementById(id);
  if (!target) return;
  markIn(target.closest('section.provision') ?? target, params.length === 1 ? params[0].split(/[\s\u3000]+/u) : params);
}

export function markIn(scope: Element, forms: string[]): void {
  const terms = forms
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  // The clause's own text nodes (not tooltips, tools or nested provisions), grouped by block:
  // a match may span the nodes of one block (a phrase running into a term's link), never two blocks.
  const blocks = new Map<Element, Text[]>();
  for (let n: Node | null; (n = walker.nextNode());) {
    const el = n.parentElement!;
    if (
      el.closest('[data-pagefind-ignore], .clause-tools') ||
      (scope.matches('section.provision') && el.closest('section.provision') !== scope)
    )
      continue;
    const block = el.closest('p, h1, h2, h3, h4, h5, h6, li, td, th') ?? scope;
    blocks.set(block, [...(blocks.get(block) ?? []), n as Text]);
  }
  for (const nodes of blocks.values()) {
    const text = nodes
      .map((n) => n.data)
      .join('')
      .toLowerCase();
    const ranges: number[][] = [];
    for (const t of terms) {
      for (let i = text.indexOf(t); i !== -1; i = text.indexOf(t, i + t.length)) {
        if (!ranges.some(([s, e]) => i < e && i + t.length > s)) ranges.push([i, i + t.length]);
      }
    }
    let start = 0;
    for (const node of nodes) {
      const data = node.data;
      const end = start + data.length;
      // This node's shares of the matches, in its own offsets.
      const local = ranges
        .filter(([s, e]) => s < end && e > start)
        .map(([s, e]) => [Math.max(s, start) - start, Math.min(e, end) - start])
        .sort((a, b) => a[0] - b[0]);
      start = end;
      if (!local.length) continue;
      let pos = 0;
      const parts: (string | Node)[] = [];
      for (const [s, e] of local) {
        const mark = document.createElement('mark');
        mark.className = 'search-hit';
        mark.textContent = data.slice(s, e);
        parts.push(data.slice(pos, s), mark);
        pos = e;
      }
      node.replaceWith(...parts, data.slice(pos));
    }
  }
}
