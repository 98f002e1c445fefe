/**
 * `npm run add -- <raw file>`: puts one scraped page into the library.
 *
 *   raw bytes ─ decodeSeed ─ clean (provisional manifest) ─ draftManifest ─▶ manifest
 *   seeds/<n>_<hash>.txt (byte for byte) + ingest/manifests/<slug>.json ─ runIngest ─▶ MDX
 *
 * The seed and manifest are written only together with a successful ingest of
 * the whole library: when ingest fails, both are taken back and the error
 * says which file to fix. An existing manifest is replaced only with `force`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import * as OpenCC from 'opencc-js';
import { IngestError } from '../errors.ts';
import { manifestSchema, parseManifest } from '../manifest.ts';
import { clean, decodeSeed, type CleanResult } from '../pipeline.ts';
import { ingestPaths, runIngest } from '../run.ts';
import { detectScript } from '../rules/detect-script.ts';
import { readPageMeta } from '../rules/strip-metadata-table.ts';
import { sourceOf } from '../rules/strip-source-line.ts';
import { splitLines } from '../ledger.ts';
import { taiwanCorrections } from '../rules/taiwan-wording.ts';
import { normalizeNewlines } from '../rules/normalize-newlines.ts';
import { draftManifest, type Draft } from './extract.ts';
import { deriveSlug } from './slug.ts';
import { sourceLines } from './source-lines.ts';

export interface AddOptions {
  /** The project folder (the library): seeds/, ingest/manifests/, src/content/. */
  root: string;
  rawFile: string;
  slug?: string;
  force?: boolean;
  /** Editor-supplied meta fields, `path=value` (region.province=青海省, year=2024), marked as supplied. */
  set?: string[];
  /**
   * When ingest refuses the draft (mojibake that needs a repair, a field the
   * text lacks): keep the seed and the draft manifest for the editor to finish,
   * instead of taking them back. The library content is not touched.
   */
  keepDraft?: boolean;
}

export interface AddResult {
  slug: string;
  seed: string;
  manifestFile: string;
  manifest: Record<string, unknown>;
  draft: Draft;
  script: { script: 'simplified' | 'traditional'; detected: boolean; changed: number; han: number };
  clean: CleanResult;
  written: string[];
}

const t2s = OpenCC.Converter({ from: 't', to: 'cn' });

/** Sets meta.<path> = value for --set, with numbers for year. */
function applySet(meta: Record<string, unknown>, assignment: string): string {
  const m = /^([a-zA-Z.]+)=(.*)$/u.exec(assignment);
  if (!m)
    throw new IngestError(`--set ${assignment}: write it as field=value`, {
      hint: 'e.g. --set region.province=青海省 or --set year=2024',
    });
  const [path, raw] = [m[1], m[2]];
  const keys = path.replace(/^meta\./u, '').split('.');
  let o = meta;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  const last = keys.at(-1)!;
  o[last] = last === 'year' ? Number(raw) : raw === 'true' ? true : raw === 'false' ? false : raw;
  return keys.join('.');
}

export function addDocument(opts: AddOptions): AddResult {
  const paths = ingestPaths(opts.root);
  if (!existsSync(opts.rawFile))
    throw new IngestError('no such file', {
      file: opts.rawFile,
      hint: 'Give the path of the scraped page saved as a UTF-8 .txt file.',
    });
  const bytes = readFileSync(opts.rawFile);
  const source = decodeSeed(bytes, opts.rawFile);

  // The same bytes already in the library?
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const seeds = existsSync(paths.seedsDir) ? readdirSync(paths.seedsDir).filter((f) => f.endsWith('.txt')) : [];
  // Sizes first: at thousands of seeds, reading every one for each page added is the cost.
  const same = seeds.find(
    (f) =>
      f.endsWith(`_${hash}.txt`) ||
      (statSync(join(paths.seedsDir, f)).size === bytes.length && readFileSync(join(paths.seedsDir, f)).equals(bytes)),
  );
  if (same && !opts.force) {
    throw new IngestError(`this page is already in the library as seeds/${same}`, {
      file: opts.rawFile,
      hint: 'Edit the manifest that names that seed, or pass --force to draft it again.',
    });
  }
  const seed = same ?? `${String(seeds.length).padStart(3, '0')}_${hash}.txt`;

  // Clean once with a provisional manifest (no parts) to read the text.
  const verdict = detectScript(source);
  const provisional = manifestSchema.parse({
    seed,
    slug: 'draft',
    meta: { title: '草稿标题', region: { province: '草稿' }, kind: '草稿', status: '正式' },
  });
  const res = clean(source, { manifest: provisional, manifestFile: '(draft manifest)' }, opts.rawFile, { draft: true });
  const normalized = normalizeNewlines.apply(source, { manifest: provisional, manifestFile: '' }).text;
  const table = readPageMeta(normalized).map((f) =>
    verdict.script === 'traditional' ? { ...f, label: t2s(f.label), value: t2s(f.value) } : f,
  );
  const rawLines = sourceLines(source, res.text, res.stages);
  const draft = draftManifest(
    res.text,
    table,
    (f) => f.valueLine,
    (i) => rawLines[i] ?? i,
  );

  // The page's 来源 line (which strip-source-line takes out of the text) says where the copy came from.
  const from = sourceOf(splitLines(normalized));
  if (from && draft.meta.source === undefined) {
    const site = verdict.script === 'traditional' ? t2s(from.site) : from.site;
    draft.meta.source = { site };
    draft.found.push({ field: 'source.site', value: site, from: `原文第${from.line + 1}行：${from.text}` });
  }
  const meta: Record<string, unknown> = { ...draft.meta };
  const supplied = (opts.set ?? []).map((s) => applySet(meta, s));
  if (supplied.length) meta.supplied = supplied;
  const title = String(meta.title ?? '');
  const year =
    (meta.year as number | undefined) ??
    Number(
      String(meta.date ?? (meta.dates as Record<string, string> | undefined)?.published ?? '').slice(0, 4) ||
        /〔(\d{4})〕/u.exec(String(meta.docNumber ?? ''))?.[1] ||
        NaN,
    );
  const slug =
    opts.slug ??
    deriveSlug({ title, region: meta.region as { province: string }, year: Number.isFinite(year) ? year : undefined });
  const manifestFile = join(paths.manifestsDir, `${slug}.json`);
  if (existsSync(manifestFile) && !opts.force) {
    throw new IngestError('a manifest with this slug exists already; it is never overwritten silently', {
      file: manifestFile,
      hint: `Choose another slug with --slug <slug>, or pass --force to replace ${relative(opts.root, manifestFile)}.`,
    });
  }

  // Taiwan wording left after character conversion: drafted as editorial corrections.
  const corrections = verdict.script === 'traditional' ? taiwanCorrections(res.text) : [];
  const manifest: Record<string, unknown> = {
    seed,
    slug,
    ...(verdict.script === 'traditional' ? { script: 'traditional' } : {}),
    meta,
    ...(corrections.length ? { corrections } : {}),
    ...(draft.notes.length ? { notes: draft.notes } : {}),
    ...(draft.truncated ? { truncated: draft.truncated } : {}),
    ...(draft.parts.length ? { parts: draft.parts } : {}),
    ...(draft.headLines ? { headLines: draft.headLines } : {}),
  };
  const json = JSON.stringify(manifest, null, 2) + '\n';
  const failed = (e: IngestError, kept = false) =>
    new IngestError(
      `${basename(opts.rawFile)} could not be added, ${kept ? `the draft is kept as ${relative(opts.root, manifestFile)} (seed seeds/${seed}); the library content is unchanged` : 'nothing was written'}:\n  ${e.message.replace(/\n/gu, '\n  ')}${kept ? '' : `\n  the draft manifest was:\n${json.replace(/^/gmu, '    ')}`}`,
      {
        hint: kept
          ? `Fix ${relative(opts.root, manifestFile)} as the message says (e.g. add the repair), then run npm run ingest.`
          : 'Give a field the text lacks with --set field=value (e.g. --set region.province=青海省 --set year=2024; it is marked as supplied); for mojibake, run again with --keep-draft, add the repair to the kept manifest and run npm run ingest.',
      },
    );
  // Fail on schema problems before anything is written.
  const lacking = [
    !meta.title &&
      'meta.title: the text has no line that reads as its title (--set title=… --set titleSupplied=true --set titleNote=…)',
    !meta.region &&
      'meta.region: the text names no province, city or county that the division list knows (--set region.province=… [--set region.city=…])',
    !meta.kind && 'meta.kind: the title does not end in a kind of document such as 实施方案 or 意见 (--set kind=…)',
    !Number.isFinite(year) &&
      'meta.year: the text gives no date and no 文号 with a year (--set year=… --set dateNote=…)',
  ].filter(Boolean);
  if (lacking.length) {
    throw failed(
      new IngestError(`the text does not give what every document needs:\n  ${lacking.join('\n  ')}`, {
        file: manifestFile,
      }),
    );
  }
  try {
    parseManifest(json, manifestFile);
  } catch (e) {
    throw e instanceof IngestError ? failed(e) : e;
  }

  const seedFile = join(paths.seedsDir, seed);
  const hadSeed = existsSync(seedFile);
  const oldManifest = existsSync(manifestFile) ? readFileSync(manifestFile) : undefined;
  if (!hadSeed) writeFileSync(seedFile, bytes);
  writeFileSync(manifestFile, json);
  let written: string[];
  try {
    written = runIngest(paths).written;
  } catch (e) {
    if (e instanceof IngestError && opts.keepDraft) throw failed(e, true);
    if (!hadSeed) rmSync(seedFile);
    if (oldManifest) writeFileSync(manifestFile, oldManifest);
    else rmSync(manifestFile);
    throw e instanceof IngestError ? failed(e) : e;
  }
  const final = parseManifest(json, manifestFile);
  const finalRes = clean(source, { manifest: final, manifestFile }, seedFile);
  return {
    slug,
    seed,
    manifestFile,
    manifest,
    draft,
    script: { ...verdict, detected: true },
    clean: finalRes,
    written,
  };
}
