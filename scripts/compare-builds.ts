/**
 * Compares two built sites file by file, byte for byte: the proof that a
 * refactoring left the site as it was (issue 18), or the list of what it
 * changed. Nothing is normalised: two builds of the same sources are
 * byte-identical, so any difference is real. Only `.build-inputs.json` (the
 * digest of the build's own inputs, which differs whenever a source file
 * does) is left out unless `--ignore` says otherwise.
 *
 *   node scripts/compare-builds.ts <before> <after> [--ignore path]… [--lines 3]
 * Exit code 1 when any file differs, is missing or is new.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export const DEFAULT_IGNORE = ['.build-inputs.json'];

export interface LineDiff {
  /** 1-based line of the first difference. */
  line: number;
  before: string;
  after: string;
}

export interface FileDiff {
  file: string;
  /** The first differing lines (text files), or undefined for a binary file. */
  lines?: LineDiff[];
  /** Sizes in bytes, for binary files and as a hint. */
  sizes: [number, number];
}

export interface Comparison {
  /** Files present in both and byte-identical. */
  same: number;
  onlyBefore: string[];
  onlyAfter: string[];
  differ: FileDiff[];
}

/** Every file under dir, as paths relative to it with forward slashes, sorted. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk('');
  return out.sort();
}

/** An ignore entry is a file path, or a folder when it ends with "/". */
const ignored = (file: string, ignore: string[]) =>
  ignore.some((i) => (i.endsWith('/') ? file.startsWith(i) : file === i));

/** Text unless it has a NUL byte in its first 8 KiB (the heuristic git uses). */
const isText = (b: Buffer) => !b.subarray(0, 8192).includes(0);

/**
 * The first `max` differing lines of two texts, compared line by line at the
 * same line numbers (enough to show what changed; a full diff is for `diff -u`).
 * Long lines (minified HTML) are cut to the region around the first differing
 * character, so the report stays readable.
 */
export function firstDifferingLines(a: string, b: string, max = 3): LineDiff[] {
  const la = a.split('\n');
  const lb = b.split('\n');
  const out: LineDiff[] = [];
  for (let i = 0; i < Math.max(la.length, lb.length) && out.length < max; i++) {
    const x = la[i] ?? '';
    const y = lb[i] ?? '';
    if (x === y && i < la.length && i < lb.length) continue;
    let at = 0;
    while (at < x.length && x[at] === y[at]) at++;
    const from = Math.max(0, at - 60);
    const cut = (s: string) => `${from > 0 ? '…' : ''}${s.slice(from, at + 120)}${s.length > at + 120 ? '…' : ''}`;
    out.push({
      line: i + 1,
      before: i < la.length ? cut(x) : '(no line)',
      after: i < lb.length ? cut(y) : '(no line)',
    });
  }
  return out;
}

export function compareBuilds(
  before: string,
  after: string,
  options: { ignore?: string[]; lines?: number } = {},
): Comparison {
  const ignore = options.ignore ?? DEFAULT_IGNORE;
  const a = listFiles(before).filter((f) => !ignored(f, ignore));
  const b = listFiles(after).filter((f) => !ignored(f, ignore));
  const inB = new Set(b);
  const inA = new Set(a);
  const result: Comparison = {
    same: 0,
    onlyBefore: a.filter((f) => !inB.has(f)),
    onlyAfter: b.filter((f) => !inA.has(f)),
    differ: [],
  };
  for (const file of a) {
    if (!inB.has(file)) continue;
    const x = readFileSync(join(before, file));
    const y = readFileSync(join(after, file));
    if (x.equals(y)) {
      result.same++;
      continue;
    }
    const text = isText(x) && isText(y);
    result.differ.push({
      file,
      sizes: [x.length, y.length],
      ...(text ? { lines: firstDifferingLines(x.toString('utf8'), y.toString('utf8'), options.lines) } : {}),
    });
  }
  return result;
}

/** The report a reader sees: one block per differing file, then a summary line. */
export function formatComparison(c: Comparison): string {
  const out: string[] = [];
  for (const f of c.onlyBefore) out.push(`only in before: ${f}`);
  for (const f of c.onlyAfter) out.push(`only in after: ${f}`);
  for (const d of c.differ) {
    out.push(`differs: ${d.file} (${d.sizes[0]} → ${d.sizes[1]} bytes)${d.lines ? '' : ', binary'}`);
    for (const l of d.lines ?? []) out.push(`  line ${l.line}`, `    - ${l.before}`, `    + ${l.after}`);
  }
  const total = c.same + c.differ.length;
  out.push(
    `compare-builds: ${c.same} of ${total} common files identical, ${c.differ.length} differ, ${c.onlyBefore.length} only before, ${c.onlyAfter.length} only after`,
  );
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { ignore: { type: 'string', multiple: true }, lines: { type: 'string', default: '3' } },
  });
  if (positionals.length !== 2) {
    console.error(
      'usage: node scripts/compare-builds.ts <before-dir> <after-dir> [--ignore path]… [--lines 3]\n  hint: build once before your change and copy dist/ aside (cp -a dist /tmp/before), then build again and compare.',
    );
    process.exit(2);
  }
  const c = compareBuilds(positionals[0], positionals[1], {
    ignore: values.ignore ?? DEFAULT_IGNORE,
    lines: Number(values.lines),
  });
  console.log(formatComparison(c));
  process.exit(c.differ.length || c.onlyBefore.length || c.onlyAfter.length ? 1 : 0);
}
