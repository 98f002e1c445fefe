/** Small helpers for the MDX JSX nodes ingest writes (<Para id=… cite={…}>). Shared by the remark plugins. */
import type { Parent } from 'mdast';

export type JsxNode = Parent & { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement'; name: string | null; attributes: { type: string; name?: string; value?: unknown }[] };

export const isJsx = (n: unknown): n is JsxNode =>
  !!n && typeof n === 'object' && ((n as JsxNode).type === 'mdxJsxFlowElement' || (n as JsxNode).type === 'mdxJsxTextElement');

/** An attribute's value: a plain string, or the JSON string literal ingest writes as {"…"}. */
export function attr(n: JsxNode, name: string): string | undefined {
  const v = n.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'value' in v) {
    try { return JSON.parse(String((v as { value: unknown }).value)); } catch { return undefined; }
  }
  return undefined;
}
