/**
 * Makes raw text inert in MDX. Policy text is data, never code: every
 * character that MDX or Markdown could read as syntax is escaped, so
 * `<script>`, `{expressions}`, `import …` and `*emphasis*` come out as the
 * same characters on the page. Texts are always written inline (inside a
 * component on one line), so block syntax cannot start, but line-start
 * markers are escaped too in case a line ends up first in a block.
 */
const INLINE = /[\\`*_{}[\]<>#|~&$^]/g;

export function escapeMdxText(text: string): string {
  if (/[\n\r]/u.test(text)) throw new Error('escapeMdxText: text must be a single line');
  let out = text.replace(INLINE, (c) => `\\${c}`);
  // ESM at the start of a line would be read as code; a character reference keeps it text.
  out = out.replace(
    /^(\s*)(import|export)\b/u,
    (_m, ws: string, kw: string) => `${ws}&#${kw.charCodeAt(0)};${kw.slice(1)}`,
  );
  // List, heading and thematic-break markers, and "1." / "1)" list starts.
  out = out.replace(/^(\s*)([-+=])/u, '$1\\$2').replace(/^(\s*\d+)([.)])/u, '$1\\$2');
  return out;
}

/** A JS string literal for a JSX attribute: JSON is valid JS and cannot break out of its quotes. */
export function jsxString(value: string): string {
  return `{${JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}}`;
}
