/**
 * Chinese citation labels for provisions, e.g. 大同 item 15 → 第三部分（四）第15项,
 * so "copy citation" gives 《大同市推动公立医院高质量发展实施方案》第三部分（四）第15项.
 *
 *   一、        → 第三部分
 *   （一）      → 第三部分（四）
 *   1.          → 第三部分（四）第15项 (every level, also when items run straight through)
 *   （1）       → 第三部分（四）第15项（2）
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
  walk(part.children, prefix, out);
}

function walk(nodes: Node[], parentCite: string, out: Map<string, string>): void {
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
    const cite = provisionCite(n, parentCite);
    out.set(n.id, cite);
    walk(n.children, cite, out);
  }
}

function provisionCite(n: ProvisionNode, parentCite: string): string {
  const bare = n.num.replace(/[、.]$/u, '');
  switch (n.depth) {
    case 1:
      return `${parentCite}第${bare}部分`;
    case 2:
      return `${parentCite}${bare}`;
    case 3:
      // The full path, as an official or lawyer cites it: 第三部分（四）第15项. Items
      // numbered straight through a section are unique without the （…） level,
      // but a citation that drops a level reads as a different provision.
      return `${parentCite}第${bare}项`;
    default:
      return `${parentCite}${bare}`;
  }
}
