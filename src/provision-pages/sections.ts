/** Where each provision's section starts and ends in a document's rendered HTML (pure, no file access). */
export interface Range {
  start: number;
  end: number;
  children: Range[];
}

/** One pass over the document's HTML: the start and end of every provision section and its direct child sections. */
export function scanSections(html: string): Map<string, Range> {
  const byId = new Map<string, Range>();
  const stack: { id?: string; range: Range }[] = [];
  const tag = /<section\b[^>]*>|<\/section>/g;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (m[0] !== '</section>') {
      const id = /\bclass="provision"[^>]*\bdata-id="([^"]+)"/.exec(m[0])?.[1];
      stack.push({ id, range: { start: m.index, end: -1, children: [] } });
      continue;
    }
    const open = stack.pop();
    if (!open) throw new Error(`unbalanced </section> at offset ${m.index} of a rendered policy text`);
    open.range.end = m.index + m[0].length;
    if (!open.id) continue;
    byId.set(open.id, open.range);
    const parent = [...stack].reverse().find((s) => s.id);
    parent?.range.children.push(open.range);
  }
  return byId;
}
