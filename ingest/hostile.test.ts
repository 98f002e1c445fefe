/**
 * Hostile and broken input: text that looks like MDX code, seeds that are not
 * text, manifests that are wrong, and the guarantee that a failed ingest writes
 * nothing.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProcessor, evaluate } from '@mdx-js/mdx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IngestError } from './errors.ts';
import { escapeMdxText, jsxString } from './mdx/escape.ts';
import { decodeSeed } from './pipeline.ts';
import { type IngestPaths, runIngest } from './run.ts';
import { HOSTILE } from './test-support/hostile-strings.ts';

const ROOT = join(import.meta.dirname, '..');

// ---------------------------------------------------------------------------
// (a) escapeMdxText
// ---------------------------------------------------------------------------

/** MDX node types that would mean the text became code, raw HTML or an expression. */
const FOREIGN = new Set([
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
  'html',
  'mdxJsxAttributeValueExpression',
]);

interface MdNode {
  type: string;
  name?: string | null;
  value?: string;
  children?: MdNode[];
}

function inspect(mdx: string): { text: string; types: string[]; elements: string[] } {
  const tree = createProcessor().parse(mdx) as unknown as MdNode;
  const text: string[] = [];
  const types: string[] = [];
  const elements: string[] = [];
  const walk = (n: MdNode) => {
    types.push(n.type);
    if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') elements.push(n.name ?? '');
    if (n.type === 'text') text.push(n.value ?? '');
    n.children?.forEach(walk);
  };
  walk(tree);
  return { text: text.join(''), types, elements };
}

/** A JSX runtime that renders to strings, enough to run the compiled MDX. */
const Fragment = Symbol('Fragment');
type Props = { children?: unknown } & Record<string, unknown>;
const flat = (c: unknown): string =>
  Array.isArray(c) ? c.map(flat).join('') : c == null || c === false ? '' : String(c);
function jsx(type: unknown, props: Props): string {
  if (typeof type === 'function') return type(props);
  if (type === Fragment) return flat(props.children);
  return `<${String(type)}>${flat(props.children)}</${String(type)}>`;
}

describe('escapeMdxText', () => {
  it.each(HOSTILE)('keeps %j as plain text inside <P>', async (s) => {
    const escaped = escapeMdxText(s);
    const mdx = `<P>${escaped}</P>`;

    // The parse tree holds our one component and text, nothing that runs.
    const { text, types, elements } = inspect(mdx);
    expect(types.filter((t) => FOREIGN.has(t))).toEqual([]);
    expect(elements).toEqual(['P']);
    expect(text).toBe(s);

    // Compiled and run, the component receives exactly the original characters.
    const seen: string[] = [];
    const { default: Content } = await evaluate(mdx, { Fragment, jsx, jsxs: jsx } as never);
    (Content as (p: object) => string)({ components: { P: (p: Props) => (seen.push(flat(p.children)), '') } });
    expect(seen).toEqual([s]);
  });

  it('leaves plain Chinese text alone', () => {
    const s = '加强护士配备，逐步实现公立医院医护比1:2左右。（责任单位：市卫健委、市民政局牵头负责）';
    expect(escapeMdxText(s)).toBe(s);
  });

  it('escapes every character MDX or Markdown reads as syntax', () => {
    expect(escapeMdxText('<{*_`[]}>#|~&$^\\')).toBe('\\<\\{\\*\\_\\`\\[\\]\\}\\>\\#\\|\\~\\&\\$\\^\\\\');
    expect(escapeMdxText('import x')).toBe('&#105;mport x');
    expect(escapeMdxText('export x')).toBe('&#101;xport x');
    expect(escapeMdxText('- a')).toBe('\\- a');
    expect(escapeMdxText('1. a')).toBe('1\\. a');
    // Not at the start of the text, 1. is not a list marker and stays as written.
    expect(escapeMdxText('附件：1.方案')).toBe('附件：1.方案');
  });

  it('refuses text with a line break, which could start a block', () => {
    expect(() => escapeMdxText('第一行\n# 第二行')).toThrow(/single line/);
    expect(() => escapeMdxText('a\rb')).toThrow(/single line/);
  });

  it('jsxString keeps an attribute value inside its quotes', () => {
    for (const s of ['"}><script>alert(1)</script>', '\u2028\u2029', '{`${x}`}', '\\"']) {
      const { types, elements } = inspect(`<Correction original=${jsxString(s)}>x</Correction>`);
      expect(elements).toEqual(['Correction']);
      expect(
        types.filter((t) => t === 'mdxjsEsm' || t === 'html' || t === 'mdxTextExpression' || t === 'mdxFlowExpression'),
      ).toEqual([]);
      const tree = createProcessor().parse(`<C a=${jsxString(s)} />`) as unknown as {
        children: { attributes: { value: { value: string } }[] }[];
      };
      expect(JSON.parse(tree.children[0].attributes[0].value.value)).toBe(s);
    }
  });
});

// ---------------------------------------------------------------------------
// (b) decodeSeed
// ---------------------------------------------------------------------------

function decodeError(bytes: Uint8Array, file = 'seeds/005_bad.txt'): IngestError {
  try {
    decodeSeed(bytes, file);
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return e as IngestError;
  }
  throw new Error('decodeSeed accepted the bytes');
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

describe('decodeSeed', () => {
  it('returns the text of a UTF-8 seed', () => {
    expect(decodeSeed(utf8('拉萨市人民政府办公室\n2025年2月17日\n'), 'x.txt')).toBe(
      '拉萨市人民政府办公室\n2025年2月17日\n',
    );
  });

  it.each([
    ['an empty file', new Uint8Array()],
    ['ASCII whitespace only', utf8(' \n\t\r\n  \n')],
    ['ideographic and no-break spaces only', utf8('\u3000\u3000\n\u00a0\n')],
    ['a byte-order mark only', utf8('\ufeff\n')],
  ])('refuses %s as empty, naming the file', (_what, bytes) => {
    const e = decodeError(bytes);
    expect(e.message).toMatch(/^seeds\/005_bad\.txt: the seed is empty/u);
    expect(e.file).toBe('seeds/005_bad.txt');
    expect(e.hint).toBeTruthy();
    expect(e.message).toContain('hint:');
  });

  it('refuses a binary file with NUL bytes', () => {
    const e = decodeError(concat(utf8('PK'), new Uint8Array([3, 4, 0, 0, 0x14, 0]), utf8('word/document.xml')));
    expect(e.message).toMatch(/^seeds\/005_bad\.txt: the seed holds NUL bytes/u);
    expect(e.hint).toMatch(/UTF-8 text/u);
  });

  it('refuses GB18030 bytes, naming the file, the line and the offset', () => {
    // 第三行 in GB18030 on line 3 of an otherwise UTF-8 file.
    const head = utf8('第一行\n第二行\n');
    const gb = new Uint8Array([0xb5, 0xda, 0xc8, 0xfd, 0xd0, 0xd0]);
    const e = decodeError(concat(head, gb, utf8('\n第四行\n')));
    expect(e.line).toBe(3);
    expect(e.message).toMatch(
      new RegExp(
        `^seeds/005_bad\\.txt:3: the seed is not valid UTF-8 \\(first bad byte at offset ${head.length}\\)`,
        'u',
      ),
    );
    expect(e.hint).toMatch(/iconv -f GB18030/u);
  });

  it('refuses a whole GB18030 file, pointing at line 1', () => {
    // 医改 in GB18030.
    const e = decodeError(new Uint8Array([0xd2, 0xbd, 0xb8, 0xc4, 0x0a]));
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/^seeds\/005_bad\.txt:1: /u);
  });

  it.each([
    ['an overlong form', [0xc0, 0x80]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a truncated sequence', [0xe4, 0xb8]],
  ])('points at the right line for %s', (_what, bad) => {
    const e = decodeError(concat(utf8('第一行\n第二行\n'), new Uint8Array(bad), utf8('\n第四行\n第五行\n')));
    expect(e.line).toBe(3);
  });
});

// ---------------------------------------------------------------------------
// (c), (d) runIngest on temporary folders
// ---------------------------------------------------------------------------

const LASA_SEED = '003_25022719953481ae.txt';
const LASA_MANIFEST = 'lasa-tixi-2025.json';
const lasaManifest = () => JSON.parse(readFileSync(join(ROOT, 'ingest', 'manifests', LASA_MANIFEST), 'utf8'));

let tmp: string;
let paths: IngestPaths;

/** Every file under the output folders, with its content. */
function outputs(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of [paths.outDir, paths.reportsDir, paths.clausesDir]) {
    for (const f of readdirSync(d)) out[join(d, f)] = readFileSync(join(d, f), 'utf8');
  }
  return out;
}

function ingestError(): IngestError {
  const before = outputs();
  let err: unknown;
  try {
    runIngest(paths);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(IngestError);
  // Nothing half written: the output folders are exactly as they were.
  expect(outputs()).toEqual(before);
  return err as IngestError;
}

const writeManifest = (name: string, data: unknown) =>
  writeFileSync(join(paths.manifestsDir, name), typeof data === 'string' ? data : JSON.stringify(data, null, 2));

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ingest-test-'));
  paths = {
    seedsDir: join(tmp, 'seeds'),
    manifestsDir: join(tmp, 'manifests'),
    outDir: join(tmp, 'content', 'policies'),
    reportsDir: join(tmp, 'content', 'reports'),
    clausesDir: join(tmp, 'content', 'clauses'),
  };
  for (const d of Object.values(paths)) mkdirSync(d, { recursive: true });
  // A valid document that sorts before the broken ones below, so a failure
  // happens after it was built: it must not be written either.
  copyFileSync(join(ROOT, 'seeds', LASA_SEED), join(paths.seedsDir, LASA_SEED));
  copyFileSync(join(ROOT, 'ingest', 'manifests', LASA_MANIFEST), join(paths.manifestsDir, LASA_MANIFEST));
  // An output from an earlier run, which a failed run must leave as it is.
  writeFileSync(join(paths.outDir, 'old-document.mdx'), '旧文件\n');
});

afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('runIngest failures write nothing', () => {
  it('a seed without a manifest names the seed file', () => {
    writeFileSync(join(paths.seedsDir, '005_e3b0c44298fc1c14.txt'), '各县（区）人民政府：\n');
    const e = ingestError();
    expect(e.file).toBe(join(paths.seedsDir, '005_e3b0c44298fc1c14.txt'));
    expect(e.message).toContain(`${join(paths.seedsDir, '005_e3b0c44298fc1c14.txt')}: this seed has no manifest entry`);
    expect(e.hint).toContain('"seed": "005_e3b0c44298fc1c14.txt"');
  });

  it('a manifest whose seed is missing names the manifest', () => {
    writeManifest('zz-missing.json', { ...lasaManifest(), slug: 'zz-missing', seed: '009_missing.txt' });
    const e = ingestError();
    expect(e.file).toBe(join(paths.manifestsDir, 'zz-missing.json'));
    expect(e.message).toContain('the seed "009_missing.txt" does not exist');
  });

  it('a manifest that is not JSON names the file', () => {
    writeManifest('zz-bad-json.json', '{ "seed": "003_25022719953481ae.txt", // a comment\n }');
    const e = ingestError();
    expect(e.file).toBe(join(paths.manifestsDir, 'zz-bad-json.json'));
    expect(e.message).toMatch(/zz-bad-json\.json: not valid JSON/u);
    expect(e.hint).toMatch(/no comments/u);
  });

  it('a malformed slug names the file and the field', () => {
    writeManifest('Zz_Bad.json', { ...lasaManifest(), slug: 'Zz_Bad', seed: '009_other.txt' });
    const e = ingestError();
    expect(e.file).toBe(join(paths.manifestsDir, 'Zz_Bad.json'));
    expect(e.message).toMatch(/Zz_Bad\.json: slug: slug must be lower-case/u);
  });

  it('a slug that does not match the file name names the file', () => {
    writeManifest('zz-one.json', { ...lasaManifest(), slug: 'zz-other' });
    const e = ingestError();
    expect(e.message).toMatch(/zz-one\.json: slug "zz-other" does not match the file name/u);
  });

  it('a missing meta.title names the file and the field', () => {
    const m = lasaManifest();
    delete m.meta.title;
    writeManifest('zz-no-title.json', { ...m, slug: 'zz-no-title' });
    const e = ingestError();
    expect(e.file).toBe(join(paths.manifestsDir, 'zz-no-title.json'));
    expect(e.message).toMatch(/zz-no-title\.json: meta\.title: /u);
  });

  it('two manifests for one seed name the second', () => {
    writeManifest('zz-twice.json', { ...lasaManifest(), slug: 'zz-twice' });
    const e = ingestError();
    expect(e.file).toBe(join(paths.manifestsDir, 'zz-twice.json'));
    expect(e.message).toContain(`seed ${LASA_SEED} is already used by`);
  });

  it('a repair whose find does not match names the manifest and the repair', () => {
    copyFileSync(join(ROOT, 'seeds', '000_da7eb2e767899d25.txt'), join(paths.seedsDir, '000_da7eb2e767899d25.txt'));
    const datong = JSON.parse(readFileSync(join(ROOT, 'ingest', 'manifests', 'datong-gaozhiliang.json'), 'utf8'));
    // The Guangdong mojibake does not occur in the 大同 seed. (datong sorts before
    // lasa, so here the valid document is built after the failure would have been.)
    datong.repairs = [{ find: '??h', replace: '。县', reason: '乱码：句末句号与下句首字“县”损坏。' }];
    writeManifest('datong-gaozhiliang.json', datong);
    const e = ingestError();
    expect(e.file).toBe(join(paths.manifestsDir, 'datong-gaozhiliang.json'));
    expect(e.message).toContain('repair "??h" matches 0 time(s) in the seed, expected 1');
  });

  it('a seed that is not UTF-8 names the seed and the line', () => {
    writeFileSync(
      join(paths.seedsDir, '009_gbk.txt'),
      concat(utf8('第一行\n'), new Uint8Array([0xb5, 0xda, 0xb6, 0xfe, 0xd0, 0xd0])),
    );
    writeManifest('zz-gbk.json', { ...lasaManifest(), slug: 'zz-gbk', seed: '009_gbk.txt', parts: [] });
    const e = ingestError();
    expect(e.message).toMatch(/009_gbk\.txt:2: the seed is not valid UTF-8/u);
  });

  it('a seed of nothing but page furniture names the seed', () => {
    writeFileSync(
      join(paths.seedsDir, '009_widgets.txt'),
      '2025\n02/17\n18:43\n来源:\n拉萨市人民政府办公室\n【字体:大中小】\n浏览量:次\n点赞\n收藏\n',
    );
    writeManifest('zz-widgets.json', {
      ...lasaManifest(),
      slug: 'zz-widgets',
      seed: '009_widgets.txt',
      parts: [],
      corrections: [],
      notes: [],
    });
    const e = ingestError();
    expect(e.file).toBe(join(paths.seedsDir, '009_widgets.txt'));
    expect(e.message).toContain('nothing is left of the seed after cleaning');
  });

  it('a furniture line that is not in the seed names the manifest', () => {
    writeManifest(LASA_MANIFEST, { ...lasaManifest(), furniture: [{ line: '鶴山市人民政府', reason: '站名页眉。' }] });
    const e = ingestError();
    expect(e.file).toBe(join(paths.manifestsDir, LASA_MANIFEST));
    expect(e.message).toContain('furniture line "鶴山市人民政府" is not a whole line of the seed');
  });
});

describe('runIngest and --check', () => {
  const mdx = () => join(paths.outDir, 'lasa-tixi-2025.mdx');
  const report = () => join(paths.reportsDir, 'lasa-tixi-2025.json');

  it('writes the document and its report, then --check finds nothing to do', () => {
    rmSync(join(paths.outDir, 'old-document.mdx'));
    const res = runIngest(paths);
    expect(res.written.map((p) => p.slice(tmp.length + 1)).sort()).toEqual([
      'content/clauses/lasa-tixi-2025.json',
      'content/policies/lasa-tixi-2025.mdx',
      'content/reports/lasa-tixi-2025.json',
    ]);
    // Same as the committed content.
    expect(readFileSync(mdx(), 'utf8')).toBe(
      readFileSync(join(ROOT, 'src', 'content', 'policies', 'lasa-tixi-2025.mdx'), 'utf8'),
    );
    expect(readFileSync(report(), 'utf8')).toBe(
      readFileSync(join(ROOT, 'src', 'content', 'reports', 'lasa-tixi-2025.json'), 'utf8'),
    );

    expect(runIngest(paths, { check: true })).toEqual({ written: [], stale: [], differing: [] });
    // A second run has nothing to write.
    expect(runIngest(paths).written).toEqual([]);
  });

  it('--check reports a file edited by hand, and writes nothing', () => {
    runIngest(paths);
    const edited = readFileSync(mdx(), 'utf8').replace('2025年2月17日', '2025年2月18日');
    writeFileSync(mdx(), edited);

    const res = runIngest(paths, { check: true });
    expect(res.differing).toEqual([mdx()]);
    expect(res.written).toEqual([]);
    expect(readFileSync(mdx(), 'utf8')).toBe(edited);
  });

  it('--check reports a missing output and a file no manifest makes', () => {
    runIngest(paths);
    rmSync(report());
    writeFileSync(join(paths.outDir, 'old-document.mdx'), '旧文件\n');
    const res = runIngest(paths, { check: true });
    expect(res.differing).toEqual([report()]);
    expect(res.stale).toEqual([join(paths.outDir, 'old-document.mdx')]);
  });

  it('a normal run restores the edited file and removes stale ones', () => {
    const res = runIngest(paths);
    expect(res.stale).toEqual([join(paths.outDir, 'old-document.mdx')]);
    writeFileSync(mdx(), 'hand edit');
    expect(runIngest(paths).written).toEqual([mdx()]);
    expect(runIngest(paths, { check: true })).toEqual({ written: [], stale: [], differing: [] });
    expect(readdirSync(paths.outDir)).toEqual(['lasa-tixi-2025.mdx']);
  });
});
