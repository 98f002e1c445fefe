/**
 * Text for XML 1.0 (feed.xml): the five markup characters escaped, and the
 * characters XML 1.0 does not allow at all (C0 controls but tab/newline/CR,
 * lone surrogates, U+FFFE/U+FFFF) removed. An escaped control character
 * (&#x1;) is still ill-formed in XML 1.0, so removing is the only way a stray
 * one pasted from a word processor cannot break the file. Ingest refuses such
 * characters in manifests; this is the second line.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlText(s: string): string {
  return s.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => ENTITY[c]);
}
