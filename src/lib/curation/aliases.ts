/**
 * Glossary terms written in a form the matcher misses, offered as aliases:
 * - connectors put in or left out: 卫生与健康工作方针 for 卫生健康工作方针
 *   (与 和 及 、 and quotation marks between the characters of a form);
 * - a numbered term spelled out as its parts: 医疗、医保、医药联动 for
 *   三医联动 (N items that each contain the term's character, then the rest).
 * A place is reported only where no existing form of the same entry already
 * matches. Pure; the editor adds an accepted variant to the entry's aliases.
 */
export interface GlossaryForms {
  id: string;
  term: string;
  aliases: string[];
}
export interface VariantHit {
  termId: string;
  term: string;
  variant: string;
  index: number;
}

const CONNECTOR = '[与和及、“”‘’]';
const NUMERALS: Record<string, number> = { 两: 2, 二: 2, 双: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8 };
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const plain = (s: string) => s.replace(/[“”‘’"]/g, '');

interface Pattern {
  termId: string;
  term: string;
  re: RegExp;
  probe: [string, string];
}

/** Patterns for every entry's forms; build once per glossary. */
export function variantPatterns(entries: GlossaryForms[]): Pattern[] {
  const out: Pattern[] = [];
  for (const e of entries) {
    for (const form of new Set([e.term, ...e.aliases].map(plain))) {
      const chars = [...form];
      if (chars.length < 4 || !/^\p{Script=Han}+$/u.test(form)) continue;
      // 1. Connectors between any two characters (a connector of the form may go, or change).
      const body = chars
        .map((c, i) =>
          /[与和及、]/.test(c) ? `${CONNECTOR}?` : esc(c) + (i < chars.length - 1 ? `${CONNECTOR}{0,2}` : ''),
        )
        .join('');
      out.push({ termId: e.id, term: e.term, re: new RegExp(body, 'gu'), probe: [chars[0], chars[chars.length - 1]] });
    }
    // 2. A numbered term (三医联动 = 三 + 医 + 联动) spelled out as N items that contain 医.
    const m = /^([两二双三四五六七八])(\p{Script=Han})(\p{Script=Han}{1,4})$/u.exec(plain(e.term));
    if (m && !/[个大项类化条级]/.test(m[2])) {
      const [, numeral, x, rest] = m;
      const item = `(?:${esc(x)}\\p{Script=Han}{1,2}|\\p{Script=Han}{1,2}${esc(x)})`;
      const re = new RegExp(
        `${item}(?:[、和与及]${item}){${NUMERALS[numeral] - 1}}(?:[“"]?${numeral}${esc(x)}[”"]?)?${esc(rest)}`,
        'gu',
      );
      out.push({ termId: e.id, term: e.term, re, probe: [x, [...rest].pop()!] });
    }
  }
  return out;
}

/** Places in a text where a term occurs in a variant form, excluding places an existing form of the entry already covers. */
export function findVariants(text: string, patterns: Pattern[], forms: Map<string, string>): VariantHit[] {
  const out: VariantHit[] = [];
  // One pass over the text, then a set lookup per pattern (not two scans of the text per pattern).
  const chars = new Set(text);
  for (const p of patterns) {
    if (!chars.has(p.probe[0]) || !chars.has(p.probe[1])) continue;
    for (const m of text.matchAll(p.re)) {
      const variant = m[0];
      if (forms.has(variant) || forms.has(plain(variant))) continue;
      // Already matched here by a form of the same entry?
      const start = m.index!,
        end = start + variant.length;
      let covered = false;
      for (const [form, id] of forms) {
        if (id !== p.termId) continue;
        for (
          let at = text.indexOf(form, Math.max(0, start - form.length));
          at !== -1 && at < end;
          at = text.indexOf(form, at + 1)
        ) {
          if (at + form.length > start) {
            covered = true;
            break;
          }
        }
        if (covered) break;
      }
      if (!covered) out.push({ termId: p.termId, term: p.term, variant, index: start });
    }
  }
  return out;
}
