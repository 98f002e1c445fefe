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
 *
 * A regulation (第X章 第X节 第X条) is cited the way it is numbered:
 *   第三章      → 第三章;  第二节 → 第三章第二节
 *   第八条      → 第八条 (articles run through the text: never with the chapter)
 *   （一）      → 第八条第（一）项; 1. under it → 第八条第（一）项第2目; deeper → …（1）
 *   paragraph   → 第三条第二款 (the article's own line is its first 款)
 *   in a part   → 附件1第八条
 */
import { numberToChinese } from './numerals.ts';
import type { DocTree, Node, PartNode, ProvisionNode } from './parse-outline.ts';

export function citations(tree: DocTree): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of tree.parts) citePart(part, out);
  return out;
}

function citePart(part: PartNode, out: Map<string, string>): void {
  const prefix = part.declared && part.kind !== 'main' ? part.label : '';
  if (part.declared) out.set(part.id, part.label);
  walk(part.children, prefix, prefix, out);
}

/** `itemLevel`: how deep under an article these nodes are (1 for the article's own items). */
function walk(
  nodes: Node[],
  parentCite: string,
  partCite: string,
  out: Map<string, string>,
  parent?: ProvisionNode,
  itemLevel = 0,
): void {
  let para = 0;
  for (const n of nodes) {
    if (n.type === 'para' && n.listItem) {
      out.set(n.id, `${parentCite}附件说明第${n.listItem}项`);
      continue;
    }
    if (n.type === 'para') {
      para++;
      out.set(
        n.id,
        parent?.unit === 'article' ? `${parentCite}第${numberToChinese(para + 1)}款` : `${parentCite}第${para}段`,
      );
      continue;
    }
    const cite = provisionCite(n, parentCite, partCite, itemLevel);
    out.set(n.id, cite);
    walk(n.children, cite, partCite, out, n, n.unit === 'article' ? 1 : n.unit === 'item' ? itemLevel + 1 : 0);
  }
}

function provisionCite(n: ProvisionNode, parentCite: string, partCite: string, itemLevel: number): string {
  const bare = n.num.replace(/[、.．]$/u, '');
  if (n.unit === 'chapter' || n.unit === 'section') return `${parentCite}${n.num}`;
  if (n.unit === 'article') return `${partCite}${n.num}`;
  if (n.unit === 'item') {
    // 项 for the first level under an article, 目 for the next, as printed below that.
    if (itemLevel === 1) return `${parentCite}第${bare}项`;
    if (itemLevel === 2) return `${parentCite}第${bare.replace(/^（(.*)）$/u, '$1')}目`;
    return `${parentCite}${bare}`;
  }
  switch (n.level ?? n.depth) {
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
