/**
 * Mechanical check of a mojibake repair: does the reconstruction, encoded the
 * way the damaged page was (GBK, in the page's script), reproduce the damaged
 * text?
 *
 * The damage in the seeds follows one pattern: the page's GBK bytes were read
 * one byte out of step, so each surviving "garbled" character is two bytes
 * straddling two real characters (退補 = CD CB D1 61 → ? + 搜 (CB D1) + a (61)).
 * Where a byte could not be read the scraper wrote `?` (one or two bytes
 * each); a converter later added pinyin remnants such as `fù)` (no bytes);
 * full-width letters came out half-width (Ｒ = A3 D2 → R).
 *
 * So the check tokenises the damaged text and matches it against the
 * reconstruction's bytes end to end. The result says which characters of the
 * reconstruction the surviving bytes confirm and which rest on context alone
 * (they fell entirely under `?`); a reconstruction whose bytes cannot give the
 * damaged text is a `mismatch` — it is wrong.
 */
import * as OpenCC from 'opencc-js';

export type RepairCheck =
  | { status: 'verified'; encoding: 'gbk'; confirmed: string; fromContext: string }
  | { status: 'unverifiable'; why: string }
  | { status: 'mismatch'; why: string };

let table: Map<string, number[]> | undefined;
/** Character → GBK bytes, built once by decoding every two-byte GBK code. */
function gbk(): Map<string, number[]> {
  if (table) return table;
  table = new Map();
  const dec = new TextDecoder('gbk');
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const s = dec.decode(new Uint8Array([a, b]));
      if (s.length === 1 && s !== '\ufffd' && !table.has(s)) table.set(s, [a, b]);
    }
  }
  return table;
}

/** GBK bytes of one character; ASCII is itself; undefined when GBK has no such character. */
export function gbkBytes(c: string): number[] | undefined {
  const code = c.codePointAt(0)!;
  if (code < 0x80) return [code];
  return gbk().get(c);
}

type Token = { kind: 'lost' } | { kind: 'bytes'; options: number[][] };

const PINYIN = /^\(?[a-zü\u00e0-\u00fc\u0101-\u01dc]+\)/u;

/** The damaged text as byte evidence: `?` lost bytes, pinyin remnants dropped, every other character its bytes. */
export function tokenize(find: string): Token[] | string {
  const out: Token[] = [];
  let rest = find;
  while (rest) {
    const pinyin = PINYIN.exec(rest);
    if (pinyin) {
      rest = rest.slice(pinyin[0].length);
      continue;
    }
    const c = String.fromCodePoint(rest.codePointAt(0)!);
    rest = rest.slice(c.length);
    if (c === '?' || c === '\ufffd') {
      out.push({ kind: 'lost' });
      continue;
    }
    const b = gbkBytes(c);
    if (!b) return `“${c}” is not a GBK character, so it cannot be a misread GBK byte pair`;
    const code = c.codePointAt(0)!;
    // A half-width letter or sign may be a full-width one (A3 xx) made half-width later.
    const options = code > 0x20 && code < 0x7f ? [b, [0xa3, code + 0x80]] : [b];
    out.push({ kind: 'bytes', options });
  }
  return out;
}

/**
 * Simplified → the Traditional standards a converter may have used, made on
 * first use (loading an OpenCC table takes a second or more): OpenCC's own
 * standard first, Taiwan and Hong Kong forms only when it gives no match.
 */
const converters: ((s: string) => string)[] = [];
const STANDARDS = ['t', 'tw', 'hk'] as const;
function converter(k: number): (s: string) => string {
  return (converters[k] ??= OpenCC.Converter({ from: 'cn', to: STANDARDS[k] }));
}

/** The forms a reconstructed character may have had on a page in `script`, using the first `standards` Traditional standards. */
function forms(c: string, script: 'simplified' | 'traditional', standards: number): string[] {
  if (script !== 'traditional') return [c];
  return [...new Set([...Array.from({ length: standards }, (_, k) => converter(k)(c)), c])].filter(
    (f) => [...f].length === 1,
  );
}

/**
 * Matches tokens against the bytes end to end; returns for each byte whether a
 * surviving character covers it, or null when no alignment exists.
 */
function align(tokens: Token[], bytes: number[]): boolean[] | null {
  const memo = new Map<string, boolean[] | null>();
  const go = (i: number, j: number): boolean[] | null => {
    if (i === tokens.length) return j === bytes.length ? [] : null;
    const key = `${i},${j}`;
    if (memo.has(key)) return memo.get(key)!;
    let res: boolean[] | null = null;
    const tok = tokens[i];
    if (tok.kind === 'lost') {
      for (const n of [1, 2]) {
        if (j + n > bytes.length) break;
        const rest = go(i + 1, j + n);
        if (rest) {
          res = [...Array(n).fill(false), ...rest];
          break;
        }
      }
    } else {
      for (const opt of tok.options) {
        if (opt.every((b, k) => bytes[j + k] === b)) {
          const rest = go(i + 1, j + opt.length);
          if (rest) {
            res = [...opt.map(() => true), ...rest];
            break;
          }
        }
      }
    }
    memo.set(key, res);
    return res;
  };
  return go(0, 0);
}

/** At most this many spellings of a reconstruction are tried (variants multiply). */
const MAX_SPELLINGS = 256;

export function verifyRepair(find: string, replace: string, script: 'simplified' | 'traditional'): RepairCheck {
  const tokens = tokenize(find);
  if (typeof tokens === 'string') return { status: 'unverifiable', why: tokens };
  if (!tokens.some((x) => x.kind === 'bytes'))
    return { status: 'unverifiable', why: '损坏处没有残存字节，无从核对，只能据上下文重建' };
  let nonGbk = false;
  for (let standards = 1; standards <= (script === 'traditional' ? STANDARDS.length : 1); standards++) {
    const found = match(tokens, [...replace], script, standards);
    if (found === 'non-gbk') nonGbk = true;
    else if (found) return found;
  }
  if (nonGbk) return { status: 'unverifiable', why: '重建文字含 GBK 以外的字符，无法按 GBK 字节核对' };
  return {
    status: 'mismatch',
    why: `“${replace}”的 GBK 字节（${script === 'traditional' ? '繁体' : '简体'}）排不出损坏文本“${find}”`,
  };
}

/** Tries every spelling of the reconstruction; the first that aligns, 'non-gbk' when a spelling cannot be encoded, or null. */
function match(
  tokens: Token[],
  chars: string[],
  script: 'simplified' | 'traditional',
  standards: number,
): RepairCheck | 'non-gbk' | null {
  let spellings: string[][] = [[]];
  for (const c of chars)
    spellings = spellings.flatMap((s) => forms(c, script, standards).map((f) => [...s, f])).slice(0, MAX_SPELLINGS);
  let nonGbk = false;
  for (const spelling of spellings) {
    const enc = spelling.map(gbkBytes);
    if (enc.some((b) => !b)) {
      nonGbk = true;
      continue;
    }
    const covered = align(tokens, enc.flat() as number[]);
    if (!covered) continue;
    let pos = 0;
    let confirmed = '';
    let fromContext = '';
    enc.forEach((b, k) => {
      const hit = covered.slice(pos, pos + b!.length).some(Boolean);
      pos += b!.length;
      if (hit) confirmed += chars[k];
      else fromContext += chars[k];
    });
    return { status: 'verified', encoding: 'gbk', confirmed, fromContext };
  }
  return nonGbk ? 'non-gbk' : null;
}

/** Hex of a string's GBK bytes, for messages (cd cb d1 61). */
export function gbkHex(s: string): string {
  return [...s].map((c) => (gbkBytes(c) ?? []).map((b) => b.toString(16).padStart(2, '0')).join(' ') || '??').join(' ');
}

/** A manifest repair's check as the report and the data give it (a mismatch stops ingest earlier, in the repair rule). */
export function checkRepair(
  r: { find: string; replace: string; check: 'gbk' | 'none' },
  script: 'simplified' | 'traditional',
): Exclude<RepairCheck, { status: 'mismatch' }> {
  if (r.check === 'none') return { status: 'unverifiable', why: '损坏方式不是 GBK 字节错位，无法按字节核对' };
  const c = verifyRepair(r.find, r.replace, script);
  return c.status === 'mismatch' ? { status: 'unverifiable', why: c.why } : c;
}
