/**
 * Ingest for the whole library: every manifest with its seed → MDX and report.
 * All documents are built in memory first; files are written only when every
 * document succeeded, so a failure never leaves half the library rewritten.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { IngestError } from './errors.ts';
import { loadManifests, type Manifest } from './manifest.ts';
import { clean, decodeSeed, type TextMark } from './pipeline.ts';
import type { Apparatus } from '../src/schemas/open-data.ts';
import { parseOutline, type DocTree, type Node, type Span } from './structure/parse-outline.ts';
import { citations } from './structure/citation.ts';
import { sourcePublisher } from './source-publisher.ts';
import { renderMdx } from './mdx/render-mdx.ts';
import { buildReport } from './report.ts';
import { stageWrites } from './write-files.ts';
import { policyFrontmatterSchema } from '../src/schemas/policy.ts';
import { clauseDataSchema, type ClauseRecord } from '../src/schemas/clauses.ts';
import { cleaningReportSchema } from '../src/schemas/report.ts';
import { completeMeta } from './derive-meta.ts';
import { PROJECT_ROOT, projectPaths } from '../src/lib/data/paths.ts';

export interface IngestPaths {
  seedsDir: string;
  manifestsDir: string;
  /** Where the MDX documents go (src/content/policies). */
  outDir: string;
  /** Where the cleaning reports go (src/content/reports). */
  reportsDir: string;
  /** Where the clause data goes (src/content/clauses). */
  clausesDir: string;
}

/** The ingest folders of the project at `root` (default: this project, whatever the working directory). */
export function ingestPaths(root: string = PROJECT_ROOT): IngestPaths {
  const p = projectPaths(root);
  return {
    seedsDir: p.seeds,
    manifestsDir: p.manifests,
    outDir: p.policies,
    reportsDir: p.reports,
    clausesDir: p.clauses,
  };
}

export interface Output {
  path: string;
  content: string;
}

/** Builds one document in memory: [MDX, cleaning report, clause data]. */
export function buildDocument(manifest: Manifest, manifestFile: string, seedsDir: string): [Output, Output, Output] {
  const seedPath = join(seedsDir, manifest.seed);
  const source = decodeSeed(readFileSync(seedPath), seedPath);
  const ctx = { manifest, manifestFile };
  const res = clean(source, ctx, seedPath);
  const tree = parseOutline(res.text, manifest, manifestFile);
  const cites = citations(tree);
  const where = clauseLocator(tree);
  const byKind = <K extends TextMark['kind']>(k: K) =>
    res.marks.filter((m): m is Extract<TextMark, { kind: K }> => m.kind === k).sort((a, b) => a.n - b.n);
  const meta = completeMeta(manifest.meta, manifestFile);
  const frontmatter = {
    ...meta,
    source: { ...meta.source, publisher: sourcePublisher(meta) },
    seed: manifest.seed,
    ...(manifest.truncated ? { truncated: manifest.truncated } : {}),
    corrections: byKind('correction').map((m) => ({
      n: m.n,
      original: m.context.find,
      corrected: m.context.replace,
      reason: m.reason,
      clause: where(m.start),
    })),
  };
  // Validate what we are about to write with the same schema the site uses.
  const check = policyFrontmatterSchema.safeParse(frontmatter);
  if (!check.success) {
    const i = check.error.issues[0];
    throw new IngestError(`frontmatter ${i.path.join('.')}: ${i.message}`, { file: manifestFile });
  }
  const clauses = clauseList(tree, res.text, cites, res.marks, manifest);
  // The clause data's readers check it with this strict schema: a field nothing reads is never written.
  const clauseCheck = clauseDataSchema.safeParse(clauses);
  if (!clauseCheck.success) {
    const i = clauseCheck.error.issues[0];
    throw new IngestError(`clause data ${i.path.join('.')}: ${i.message}`, {
      file: manifestFile,
      hint: 'Ingest wrote a clause the schema does not describe: declare the field in src/schemas/clauses.ts, or stop writing it.',
    });
  }
  const report = buildReport(manifest, res, where);
  const reportCheck = cleaningReportSchema.safeParse(report);
  if (!reportCheck.success) {
    const i = reportCheck.error.issues[0];
    throw new IngestError(`cleaning report ${i.path.join('.')}: ${i.message}`, {
      file: manifestFile,
      hint: 'The report no longer matches src/schemas/report.ts, which the document page reads it with.',
    });
  }
  const mdx = renderMdx({
    text: res.text,
    cites,
    tree,
    marks: res.marks,
    frontmatter,
    seed: manifest.seed,
    slug: manifest.slug,
    truncated: manifest.truncated,
  });
  return [
    { path: `${manifest.slug}.mdx`, content: mdx },
    { path: `${manifest.slug}.json`, content: JSON.stringify(report, null, 2) + '\n' },
    { path: `${manifest.slug}.json`, content: JSON.stringify(clauses, null, 1) + '\n' },
  ];
}

/** Anchor of the clause holding a clean-text offset ('' for the title block). */
function clauseLocator(tree: DocTree): (pos: number) => string {
  const spans: { start: number; end: number; id: string }[] = [];
  for (const part of tree.parts) {
    if (part.declared)
      for (const t of [...(part.labelLine ? [part.labelLine] : []), ...part.titles]) spans.push({ ...t, id: part.id });
    const walk = (nodes: Node[]) => {
      for (const n of nodes) {
        if (n.type === 'para') spans.push({ ...n.span, id: n.id });
        else {
          spans.push({ start: n.heading.start, end: n.body.end, id: n.id });
          walk(n.children);
        }
      }
    };
    walk(part.children);
  }
  return (pos) => spans.find((s) => pos >= s.start && pos <= s.end)?.id ?? '';
}

/**
 * Every anchored unit of the document as data: provisions with their own text
 * (heading line and own paragraphs) and paragraphs, each with its editorial
 * apparatus. Used by topic pages and the open-data files; the MDX stays the
 * reading text.
 */
export type ClauseData = ClauseRecord;

const cp = (s: string) => [...s].length;

function clauseList(
  tree: DocTree,
  text: string,
  cites: Map<string, string>,
  marks: TextMark[],
  manifest: Manifest,
): ClauseData[] {
  const out: ClauseData[] = [];
  const slice = (s: Span) => text.slice(s.start, s.end);
  /** The marks inside one line of the clause's text, `base` being where that line starts in the clean text. */
  const marksIn = (line: Span, base: number): Apparatus[] =>
    marks
      .filter((m) => m.start >= line.start && m.end <= line.end)
      .map((m) => {
        const at = cp(text.slice(base, m.start));
        const length = cp(text.slice(m.start, m.end));
        switch (m.kind) {
          case 'correction':
            return {
              type: 'correction',
              n: m.n,
              at,
              length,
              text: m.corrected,
              original: m.original,
              context: { original: m.context.find, corrected: m.context.replace },
              reason: m.reason,
            };
          case 'repair':
            return {
              type: 'repair',
              n: m.n,
              at,
              length,
              text: m.text,
              original: m.original,
              uncertain: m.uncertain,
              check: m.check,
              reason: m.reason,
            };
          case 'note':
            return { type: 'note', n: m.n, at, length, text: m.text, note: m.note };
        }
      });
  const withApparatus = (c: ClauseData, a: Apparatus[]): ClauseData => (a.length ? { ...c, apparatus: a } : c);
  const walk = (nodes: Node[], parent?: string) => {
    for (const n of nodes) {
      if (n.type === 'para') {
        const a = marksIn(n.span, n.span.start);
        if (n.image)
          a.push({
            type: 'missing-image',
            file: slice(n.span),
            note: '原文此处为图片，转载网页只留下文件名，图片内容未能取得。',
          });
        out.push(
          withApparatus(
            {
              id: n.id,
              kind: 'para',
              ...(parent ? { parent } : {}),
              cite: cites.get(n.id) ?? '',
              text: slice(n.span),
              ...(n.aliases ? { aliases: n.aliases } : {}),
            },
            a,
          ),
        );
        continue;
      }
      const line = { start: n.heading.start, end: n.body.end };
      const own = [
        slice(line),
        ...n.children.filter((c) => c.type === 'para').map((c) => slice((c as { span: Span }).span)),
      ];
      out.push(
        withApparatus(
          {
            id: n.id,
            kind: 'provision',
            ...(parent ? { parent } : {}),
            depth: n.depth,
            num: n.num,
            title: n.title,
            head: cp(slice(n.heading)),
            cite: cites.get(n.id) ?? '',
            text: own.join('\n'),
            ...(n.agencies ? { agencies: n.agencies } : {}),
            ...(n.aliases ? { aliases: n.aliases } : {}),
          },
          marksIn(line, line.start),
        ),
      );
      walk(n.children, n.id);
    }
  };
  for (const part of tree.parts) {
    if (part.declared) {
      const lines = [...(part.labelLine ? [part.labelLine] : []), ...part.titles];
      const apparatus: Apparatus[] = [];
      let base = 0;
      for (const l of lines) {
        apparatus.push(...marksIn(l, l.start).map((a) => ('at' in a ? { ...a, at: a.at + base } : a)));
        base += cp(slice(l)) + 1;
      }
      if (!lines.length)
        apparatus.push({
          type: 'supplied-title',
          text: part.label,
          reason: part.titleNote ?? '原文此部分没有标题，标签为编者所加。',
        });
      out.push(
        withApparatus(
          {
            id: part.id,
            kind: 'part',
            cite: part.label,
            ...(part.labelLine ? { num: slice(part.labelLine) } : {}),
            title: part.titles.map(slice).join(''),
            text: lines.map(slice).join('\n'),
            ...(part.aliases ? { aliases: part.aliases } : {}),
          },
          apparatus,
        ),
      );
    }
    walk(part.children, part.declared ? part.id : undefined);
  }
  // The source breaks off at the end of the last clause.
  if (manifest.truncated && out.length) {
    const last = out[out.length - 1];
    out[out.length - 1] = {
      ...last,
      apparatus: [...(last.apparatus ?? []), { type: 'truncated', at: cp(last.text), note: manifest.truncated }],
    };
  }
  return out;
}

export interface IngestResult {
  written: string[];
  stale: string[];
  differing: string[];
}

/**
 * Work over the whole library (listing a folder, a pass over every manifest)
 * happens a fixed number of times per run, never once per document: at ten
 * thousand documents a per-document pass makes ingest quadratic. Counted, so
 * a test can hold the line (ingest/scale.test.ts).
 */
export interface IngestStats {
  documents: number;
  libraryPasses: number;
}

/** One document's files, compared with the committed ones: `content` only where it differs. */
export interface DocumentFiles {
  files: { path: string; content?: string }[];
}

/**
 * One document end to end, short of writing: built, checked against its
 * committed clause data (keepAnchors) and compared with its committed files.
 * Reads only this document's files, so documents are independent (and can be
 * built in worker threads: parallel.ts).
 */
export function ingestDocument(manifest: Manifest, file: string, paths: IngestPaths): DocumentFiles {
  const [mdx, report, clauses] = buildDocument(manifest, file, paths.seedsDir);
  const outputs = [
    { path: join(paths.outDir, mdx.path), content: mdx.content },
    { path: join(paths.reportsDir, report.path), content: report.content },
    { path: join(paths.clausesDir, clauses.path), content: clauses.content },
  ];
  const committed = outputs.map((o) => readIfExists(o.path));
  keepAnchorsOf(committed[2], outputs[2].path, clauses.content, file);
  return { files: outputs.map((o, i) => (committed[i] === o.content ? { path: o.path } : o)) };
}

export interface IngestOptions {
  /** Compare with the committed files instead of writing. */
  check?: boolean;
  /** Filled in with the run's counts (scale.test.ts). */
  stats?: IngestStats;
}

/**
 * The library side of a run, shared by the in-process and the worker-thread
 * runs: the library checks, then each document's files taken in manifest
 * order (`accept`) and staged when they differ (so memory holds one document,
 * not the library), then the stale files and the commit. Nothing is renamed
 * into place until every document succeeded; `abort` undoes the staging.
 */
export interface LibraryRun {
  manifests: readonly { manifest: Manifest; file: string }[];
  accept(doc: DocumentFiles): void;
  abort(): void;
  finish(): IngestResult;
}

export function startRun(paths: IngestPaths, opts: IngestOptions = {}): LibraryRun {
  const stats = opts.stats ?? { documents: 0, libraryPasses: 0 };
  const pass = () => {
    stats.libraryPasses++;
  };
  const manifests = loadManifests(paths.manifestsDir);
  pass();
  checkLibrary(paths, manifests, pass);
  const made = opts.check ? [] : mkdirs(paths);
  const tx = opts.check ? undefined : stageWrites();
  const expected = new Set<string>();
  const differing: string[] = [];
  pass(); // the documents, one by one
  return {
    manifests,
    accept(doc) {
      stats.documents++;
      for (const f of doc.files) {
        expected.add(f.path);
        if (f.content === undefined) continue;
        differing.push(f.path);
        tx?.stage({ path: f.path, content: f.content });
      }
    },
    abort() {
      tx?.abort();
      for (const d of made) rmSync(d, { recursive: true, force: true });
    },
    finish() {
      pass();
      const stale = [paths.outDir, paths.reportsDir, paths.clausesDir]
        .filter(existsSync)
        .flatMap((d) =>
          readdirSync(d)
            .filter((f) => /\.(mdx|json)$/u.test(f))
            .map((f) => join(d, f)),
        )
        .filter((p) => !expected.has(p));
      if (!tx) return { written: [], stale, differing };
      // Temporary files renamed into place only now that all are written: a failure changes nothing.
      tx.commit(stale);
      return { written: differing, stale, differing };
    },
  };
}

/** The whole library in this thread (the add command, the tests, small libraries). */
export function runIngest(paths: IngestPaths, opts: IngestOptions = {}): IngestResult {
  const run = startRun(paths, opts);
  try {
    for (const { manifest, file } of run.manifests) run.accept(ingestDocument(manifest, file, paths));
  } catch (e) {
    run.abort();
    throw e;
  }
  return run.finish();
}

/** Every seed has one manifest, every manifest's seed exists, no seed is used twice. */
function checkLibrary(paths: IngestPaths, manifests: { manifest: Manifest; file: string }[], pass: () => void): void {
  const seeds = readdirSync(paths.seedsDir).filter((f) => !f.startsWith('.') && f.endsWith('.txt'));
  pass();
  const used = new Set(manifests.map((m) => m.manifest.seed));
  pass();
  for (const seed of seeds) {
    if (!used.has(seed)) {
      throw new IngestError('this seed has no manifest entry', {
        file: join(paths.seedsDir, seed),
        hint: `Add ingest/manifests/<slug>.json with "seed": "${seed}" and the document's metadata (see ingest/README.md).`,
      });
    }
  }
  pass();
  for (const { manifest, file } of manifests) {
    if (!existsSync(join(paths.seedsDir, manifest.seed))) {
      throw new IngestError(`the seed "${manifest.seed}" does not exist in ${paths.seedsDir}`, {
        file,
        hint: 'Copy the raw text into seeds/ unchanged, or fix the `seed` field.',
      });
    }
  }
  pass();
  const seen = new Map<string, string>();
  for (const { manifest, file } of manifests) {
    if (seen.has(manifest.seed))
      throw new IngestError(`seed ${manifest.seed} is already used by ${seen.get(manifest.seed)}`, { file });
    seen.set(manifest.seed, file);
  }
}

/** Creates the output folders; returns the ones it made, which a failed run removes again. */
function mkdirs(paths: IngestPaths): string[] {
  return [paths.outDir, paths.reportsDir, paths.clausesDir].flatMap((d) => mkdirSync(d, { recursive: true }) ?? []);
}

/** The committed file, or undefined when there is none (asked first: a thrown ENOENT per new file is dear at scale). */
function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/**
 * Shared links must keep working: every anchor the committed clause data has
 * (ids and aliases) must still exist, as an id or as an alias in the manifest.
 * The hint proposes the alias when a clause with the same text has a new id.
 */
export function keepAnchors(previousFile: string, next: string, manifestFile: string): void {
  keepAnchorsOf(readIfExists(previousFile), previousFile, next, manifestFile);
}

/** keepAnchors on the committed file's content, read once by the caller (undefined: no such file). */
function keepAnchorsOf(previous: string | undefined, previousFile: string, next: string, manifestFile: string): void {
  if (previous === undefined) return;
  let before: ClauseData[];
  try {
    before = JSON.parse(previous) as ClauseData[];
  } catch {
    return; // A broken generated file is rewritten; nothing to compare with.
  }
  const after = JSON.parse(next) as ClauseData[];
  const now = new Set(after.flatMap((c) => [c.id, ...(c.aliases ?? [])]));
  const lost = before
    .filter((c) => !now.has(c.id))
    .map((c) => c.id)
    .concat(before.flatMap((c) => c.aliases ?? []).filter((a) => !now.has(a)));
  if (!lost.length) return;
  const suggest = lost.map((id) => {
    const old = before.find((c) => c.id === id);
    const same = old && after.find((c) => c.text === old.text);
    return `{ "from": "${id}", "to": "${same?.id ?? '<new anchor>'}", "reason": "…" }`;
  });
  throw new IngestError(`anchor(s) ${lost.join(', ')} would disappear (they are in ${previousFile})`, {
    file: manifestFile,
    hint: `Links to them are shared; keep them as aliases in the manifest's "aliases": ${suggest.join(', ')}.`,
  });
}
