/**
 * Reads the parenthetical naming responsible agencies at the end of a
 * provision: （责任单位：市卫健委牵头，市发改委、…按职责分工负责）,
 * （区卫生健康委、区发展改革委）, （省卫生健康委，各地级以上市政府负责）.
 * The text keeps the parenthetical; this only captures it as data.
 */
export type AgencyRoles = 'explicit' | 'first-leads' | 'all-lead';

export interface Agencies {
  raw: string;
  lead: string[];
  partners: string[];
  basis?: string;
}

const AGENCY = /(委|局|办|厅|部|府|政府|院|会|所|中心|分局|工委|监)$/u;

/** The final full-width parenthetical of a line (nested brackets allowed), or null. */
export function trailingParenthetical(text: string): { start: number; inner: string } | null {
  if (!text.endsWith('）')) return null;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === '）') depth++;
    else if (text[i] === '（') {
      depth--;
      if (depth === 0) return { start: i, inner: text.slice(i + 1, -1) };
    }
  }
  return null;
}

/** Splits on a separator outside brackets: 未来城管委会（生命园管委会）、区卫生健康委. */
function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of s) {
    if (c === '（') depth++;
    if (c === '）') depth--;
    if (c === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

const isAgency = (name: string) => AGENCY.test(name.replace(/（[^）]*）$/u, ''));

export function parseAgencies(text: string, roles: AgencyRoles, basisOverride?: string): Agencies | undefined {
  const p = trailingParenthetical(text);
  if (!p) return undefined;
  const inner = p.inner.replace(/^责任单位[：:]/u, '');
  const lead: string[] = [];
  const partners: string[] = [];
  const plain: string[] = [];
  for (const part of splitTop(inner, '，')) {
    // Attachment 2 of the Guangdong plan notes its own convention inside the bracket.
    if (/排在第一位的为牵头单位|^下同$/u.test(part)) continue;
    let clause = part;
    let bucket = plain;
    if (/牵头(负责)?$/u.test(clause)) {
      bucket = lead;
      clause = clause.replace(/牵头(负责)?$/u, '');
    } else if (/(等)?(按职责分工负责|配合)$/u.test(clause)) {
      bucket = partners;
      clause = clause.replace(/(等)?(按职责分工负责|配合)$/u, '');
    } else {
      clause = clause.replace(/(等)?负责$/u, '');
    }
    bucket.push(...splitTop(clause, '、'));
  }
  const all = [...lead, ...partners, ...plain];
  if (all.length === 0 || !all.every(isAgency)) return undefined;
  const raw = text.slice(p.start);
  if (lead.length || partners.length) return { raw, lead, partners: [...partners, ...plain] };
  if (roles === 'first-leads') {
    return {
      raw,
      lead: plain.slice(0, 1),
      partners: plain.slice(1),
      basis: basisOverride ?? '原文未标明牵头单位，按首列单位为牵头整理。',
    };
  }
  if (roles === 'all-lead')
    return { raw, lead: plain, partners: [], basis: basisOverride ?? '原文列明的单位共同负责，未分牵头与配合。' };
  return { raw, lead: [], partners: plain, basis: basisOverride ?? '原文未标明牵头单位。' };
}
