/**
 * Chinese citation labels for provisions, e.g. 大同 item 15 → 第三部分第15项,
 * so "copy citation" gives 《大同市推动公立医院高质量发展实施方案》第三部分第15项.
 *
 *   一、        → 第三部分
 *   （一）      → 第三部分（四）
 *   1.          → 第三部分第15项 (or 第三部分（二）第1项 when items restart under each （…）)
 *   （1）       → 第三部分第15项（2）
 *   paragraph   → <parent>第2段, or 第2段 at the top
 *   in a part   → 附件1第三部分… / 印发通知第1段
 *   附件：1.…   → 附件说明第1项 (the part's attachment list)
 */
import type { DocTree, Node, PartNode, ProvisionNode } from './parse-outline.ts';

export function citations(tree: DocTree): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of tree.parts) citePart(part, out);
  return out;
}

function citePart(part: PartNode, out: Map<string, string>): void {
  const prefix = part.declared && part.kind !== 'main' ? part.label : '';
  if (part.declared) out.set(part.id, part.label);
  walk(part.children, prefix, [], out);
}

function walk(nodes: Node[], parentCite: string, ancestors: ProvisionNode[], out: Map<string, string>): void {
  let para = 0;
  for (const n of nodes) {
    if (n.type === 'para' && n.listItem) {
      out.set(n.id, `${parentCite}附件说明第${n.listItem}项`);
      continue;
    }
    if (n.type === 'para') {
      para++;
      out.set(n.id, `${parentCite}第${para}段`);
      continue;
    }
    const cite = provisionCite(n, parentCite, ancestors);
    out.set(n.id, cite);
    walk(n.children, cite, [...ancestors, n], out);
  }
}

function provisionCite(n: ProvisionNode, parentCite: string, ancestors: ProvisionNode[]): string {
  const bare = n.num.replace(/[、.]$/u, '');
  switch (n.depth) {
    case 1:
      return `${parentCite}第${bare}部分`;
    case 2:
      return `${parentCite}${bare}`;
    case 3: {
      // Items numbered straight through a 一、 section can skip the （…） level.
      const top = ancestors.find((a) => a.depth === 1);
      const mid = ancestors.find((a) => a.depth === 2);
      if (top && mid && itemsRestart(top)) return `${parentCite}第${bare}项`;
      const topCite = top ? parentCite.slice(0, parentCite.indexOf('部分') + 2) : parentCite;
      return `${mid && !top ? parentCite : topCite}第${bare}项`;
    }
    default:
      return `${parentCite}${bare}`;
  }
}

/** True when 1. 2. … start again under each （…） of this section. */
function itemsRestart(top: ProvisionNode): boolean {
  const seen = new Set<string>();
  for (const mid of top.children) {
    if (mid.type !== 'provision' || mid.depth !== 2) continue;
    for (const item of mid.children) {
      if (item.type !== 'provision' || item.depth !== 3) continue;
      if (seen.has(item.num)) return true;
      seen.add(item.num);
    }
  }
  return false;
}
