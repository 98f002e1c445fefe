/** XML 1.0 text: whatever a manifest field holds, the feed stays well-formed. */
import { describe, expect, test } from 'vitest';
import { HOSTILE } from '../../ingest/test-support/hostile-strings.ts';
import { xmlText } from './xml.ts';

/** The XML 1.0 Char production, and no markup character left unescaped. */
const wellFormedText = (s: string) =>
  /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u.test(s) &&
  !/[<>"']|&(?!(?:amp|lt|gt|quot|apos);)/.test(s);
const unescape = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);

describe('xmlText', () => {
  test.each([
    ...HOSTILE,
    'a\u0001b\u0008c\u000bd\u000ce\u001ff',
    'x\u0000y',
    'lone \ud800 surrogate',
    'not chars \ufffe\uffff',
    'emoji 😀 kept',
    '\u007f\u0085 allowed in XML 1.0',
  ])('%j becomes well-formed text', (s) => {
    const out = xmlText(s);
    expect(wellFormedText(out)).toBe(true);
    expect(unescape(out)).toBe(
      s.replace(
        /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
        '',
      ),
    );
  });

  test('tab, newline and carriage return stay', () => {
    expect(xmlText('a\tb\nc\rd')).toBe('a\tb\nc\rd');
  });
});
