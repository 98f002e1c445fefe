/**
 * The contract between the search build (build.ts writes search/glossary-forms.json)
 * and the client (src/scripts/search/load.ts reads it): each glossary entry's
 * forms for query expansion. Pure, bundle-safe: the browser imports it.
 *
 * One row per entry, compact (it is fetched with the first query):
 *   [id, term, ...textForms, '', ...englishNames]
 * textForms are the aliases and the abbreviations in the English name
 * (Long-term care insurance (LTCI) → LTCI): forms a text may contain, so
 * they are searched. englishNames lead to the entry when typed (Tiered
 * diagnosis and treatment) but are not searched in the Chinese texts as
 * forms of the entry. The empty string separates the two lists.
 */

export interface GlossaryForms {
  id: string;
  term: string;
  /** Every form a text may contain: the term, its aliases, abbreviations from its English name. */
  forms: string[];
  /** English names that lead to the entry when typed (matched case-insensitively, a multi-word name as one part). */
  english?: string[];
}

export type FormsRow = string[];

export function encodeForms(entries: GlossaryForms[]): FormsRow[] {
  return entries.map((e) => [e.id, ...e.forms, ...(e.english?.length ? ['', ...e.english] : [])]);
}

export function decodeForms(rows: FormsRow[]): GlossaryForms[] {
  return rows.map(([id, ...rest]) => {
    const cut = rest.indexOf('');
    const forms = cut === -1 ? rest : rest.slice(0, cut);
    const english = cut === -1 ? [] : rest.slice(cut + 1);
    return { id, term: forms[0], forms, ...(english.length ? { english } : {}) };
  });
}

/**
 * The names and abbreviations in a glossary entry's `english` field.
 * - Quotes are dropped ("Two Allowances" → Two Allowances).
 * - A bracketed abbreviation (DRG, LTCI, GP: capitals and digits) is a form
 *   a text may contain; the words before it are the name it abbreviates
 *   (Diagnosis-Related Groups (DRG) payment → Diagnosis-Related Groups).
 * - A bracketed alternative name at the end with two or more words, or one
 *   lower-case word (a pinyin name: zhiweibing), is a name too; a single
 *   capitalised word there is a qualifier (Datong, Zhejiang), not a name.
 * - The whole field, and the field without its brackets, are names.
 */
export function englishForms(english: string): { names: string[]; abbreviations: string[] } {
  const clean = english
    .replace(/["“”‘’]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const groups = [...clean.matchAll(/\(([^()]*)\)/g)].map((m) => ({
    text: m[1].trim(),
    at: m.index,
    end: m.index + m[0].length,
  }));
  const isAbbreviation = (s: string) => /^[A-Z][A-Z0-9+&-]*[A-Z0-9]$/.test(s) && s.length <= 8;
  const abbreviations = groups.filter((g) => isAbbreviation(g.text)).map((g) => g.text);
  const names = [
    clean,
    clean
      .replace(/\s*\([^()]*\)\s*/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  ];
  for (const g of groups) {
    if (isAbbreviation(g.text)) names.push(clean.slice(0, g.at).trim());
    else if (g.end === clean.length && (/\s/.test(g.text) || /^[a-z]+$/.test(g.text))) names.push(g.text);
  }
  return { names: [...new Set(names.filter((n) => n.length >= 2))], abbreviations: [...new Set(abbreviations)] };
}

/**
 * Every entry's forms: term, aliases, then the abbreviations of its English
 * name, and its English names. A form two entries would claim (an
 * abbreviation or name shared, or one entry's abbreviation another's alias)
 * leads to neither through English: the query would be ambiguous.
 */
export function glossaryForms(
  entries: { id: string; term: string; aliases: string[]; english: string }[],
): GlossaryForms[] {
  const key = (s: string) => s.normalize('NFKC').toLowerCase();
  const owners = new Map<string, Set<string>>();
  const claim = (form: string, id: string) => owners.set(key(form), new Set([...(owners.get(key(form)) ?? []), id]));
  const derived = entries.map((e) => ({ e, ...englishForms(e.english) }));
  for (const { e, names, abbreviations } of derived)
    for (const f of [e.term, ...e.aliases, ...names, ...abbreviations]) claim(f, e.id);
  const own = (id: string) => (f: string) => owners.get(key(f))?.size === 1 && owners.get(key(f))!.has(id);
  return derived.map(({ e, names, abbreviations }) => {
    const forms = [
      ...new Set([
        e.term,
        ...e.aliases,
        ...abbreviations.filter(own(e.id)).filter((a) => ![e.term, ...e.aliases].some((f) => key(f) === key(a))),
      ]),
    ];
    const english = names.filter(own(e.id)).filter((n) => !forms.some((f) => key(f) === key(n)));
    return { id: e.id, term: e.term, forms, ...(english.length ? { english } : {}) };
  });
}
