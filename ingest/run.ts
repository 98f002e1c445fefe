/**
 * Ingest for the whole library: every manifest with its seed → MDX and report.
 * All documents are built in memory first; files are written only when every
 * document succeeded, so a failure never leaves half the library rewritten.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { IngestError } from './errors.ts';
import { loadManifests, type Manifest } from './manifest.ts';
import { clean, decodeSeed } from './pipeline.ts';
import { parseOutline, provisions, type Node } from './structure/parse-outline.ts';
import { citations } from './structure/citation.ts';
import { renderMdx } from './mdx/render-mdx.ts';
import { buildReport } from './report.ts';
import { policyFrontmatterSchema } from '../src/schemas/policy.ts';
import { completeMeta } from './derive-meta.ts';

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

export interface Output { path: string; content: string }

/** Builds one document in memory: [MDX, cleaning report, clause data]. */
export function buildDocument(manifest: Manifest, manifestFile: string, seedsDir: string): [Output, Output, Output] {
  const seedPath = join(seedsDir, manifest.seed);
  const source = decodeSeed(readFileSync(seedPath), seedPath);
  const ctx = { manifest, manifestFile };
  const res = clean(source, ctx, seedPath);
  const tree = parseOutline(res.text, manifest, manifestFile);
  const cites = citations(tree);
  const list = tree.parts.flatMap((part) => {
    const partEntry = part.declared
      ? [{ id: part.id, depth: 0, num: part.label, title: part.titles.map((t) => res.text.slice(t.start, t.end)).filter((t) => t !== part.label).join('') || part.label, cite: part.label, part: part.label }]
      : [];
    const items = [...provisions(part.children)].map((p) => ({
      id: p.id,
      depth: p.depth,
      num: p.num,
      title: p.title,
      cite: cites.get(p.id) ?? '',
      ...(part.declared ? { part: part.label } : {}),
      ...(p.agencies ? { agencies: p.agencies } : {}),
    }));
    return [...partEntry, ...items];
  });
  // Parent links, from the id scheme's nesting.
  const byDepth: Record<number, string> = {};
  const provisionsWithParents = list.map((p) => {
    byDepth[p.depth] = p.id;
    for (const d of Object.keys(byDepth).map(Number)) if (d > p.depth) delete byDepth[d];
    const parentDepth = Object.keys(byDepth).map(Number).filter((d) => d < p.depth).sort((a, b) => b - a)[0];
    return parentDepth === undefined ? p : { ...p, parent: byDepth[parentDepth] };
  });
  const frontmatter = {
    ...completeMeta(manifest.meta, manifestFile),
    seed: manifest.seed,
    ...(manifest.truncated ? { truncated: manifest.truncated } : {}),
    provisions: provisionsWithParents,
    corrections: res.marks.map((m) => ({ n: m.n, original: m.context.find, corrected: m.context.replace, reason: m.reason })),
  };
  // Validate what we are about to write with the same schema the site uses.
  const check = policyFrontmatterSchema.safeParse(frontmatter);
  if (!check.success) {
    const i = check.error.issues[0];
    throw new IngestError(`frontmatter ${i.path.join('.')}: ${i.message}`, { file: manifestFile });
  }
  const clauses = clauseList(tree, res.text, cites);
  const mdx = renderMdx({ text: res.text, cites, tree, marks: res.marks, frontmatter, seed: manifest.seed, slug: manifest.slug, truncated: manifest.truncated });
  const report = buildReport(manifest, res);
  return [
    { path: `${manifest.slug}.mdx`, content: mdx },
    { path: `${manifest.slug}.json`, content: JSON.stringify(report, null, 2) + '\n' },
    { path: `${manifest.slug}.json`, content: JSON.stringify(clauses, null, 1) + '\n' },
  ];
}

/**
 * Every anchored unit of the document as data: provisions with their own text
 * (heading line and own paragraphs) and paragraphs. Used by topic pages and
 * the open-data files; the MDX stays the reading text.
 */
export interface ClauseData {
  id: string;
  kind: 'part' | 'provision' | 'para';
  parent?: string;
  depth?: number;
  num?: string;
  title?: string;
  cite: string;
  text: string;
  agencies?: { lead: string[]; partners: string[]; raw: string; basis?: string };
}

function clauseList(tree: ReturnType<typeof parseOutline>, text: string, cites: Map<string, string>): ClauseData[] {
  const out: ClauseData[] = [];
  const slice = (s: { start: number; end: number }) => text.slice(s.start, s.end);
  const walk = (nodes: Node[], parent?: string) => {
    for (const n of nodes) {
      if (n.type === 'para') {
        out.push({ id: n.id, kind: 'para', ...(parent ? { parent } : {}), cite: cites.get(n.id) ?? '', text: slice(n.span) });
        continue;
      }
      const own = [slice({ start: n.heading.start, end: n.body.end }), ...n.children.filter((c) => c.type === 'para').map((c) => slice((c as { span: { start: number; end: number } }).span))];
      out.push({
        id: n.id, kind: 'provision', ...(parent ? { parent } : {}), depth: n.depth, num: n.num, title: n.title, cite: cites.get(n.id) ?? '',
        text: own.join('\n'), ...(n.agencies ? { agencies: n.agencies } : {}),
      });
      walk(n.children, n.id);
    }
  };
  for (const part of tree.parts) {
    if (part.declared) out.push({ id: part.id, kind: 'part', cite: part.label, title: part.titles.map(slice).join(''), text: part.titles.map(slice).join('\n') });
    walk(part.children, part.declared ? part.id : undefined);
  }
  return out;
}

export interface IngestResult { written: string[]; stale: string[]; differing: string[] }

export function runIngest(paths: IngestPaths, opts: { check?: boolean } = {}): IngestResult {
  const manifests = loadManifests(paths.manifestsDir);
  const seeds = readdirSync(paths.seedsDir).filter((f) => !f.startsWith('.') && f.endsWith('.txt'));
  for (const seed of seeds) {
    if (!manifests.some((m) => m.manifest.seed === seed)) {
      throw new IngestError('this seed has no manifest entry', {
        file: join(paths.seedsDir, seed),
        hint: `Add ingest/manifests/<slug>.json with "seed": "${seed}" and the document's metadata (see ingest/README.md).`,
      });
    }
  }
  for (const { manifest, file } of manifests) {
    if (!existsSync(join(paths.seedsDir, manifest.seed))) {
      throw new IngestError(`the seed "${manifest.seed}" does not exist in ${paths.seedsDir}`, {
        file,
        hint: 'Copy the raw text into seeds/ unchanged, or fix the `seed` field.',
      });
    }
  }
  const seen = new Map<string, string>();
  for (const { manifest, file } of manifests) {
    if (seen.has(manifest.seed)) throw new IngestError(`seed ${manifest.seed} is already used by ${seen.get(manifest.seed)}`, { file });
    seen.set(manifest.seed, file);
  }

  // Build everything first.
  const outputs: Output[] = [];
  for (const { manifest, file } of manifests) {
    const [mdx, report, clauses] = buildDocument(manifest, file, paths.seedsDir);
    outputs.push({ path: join(paths.outDir, mdx.path), content: mdx.content });
    outputs.push({ path: join(paths.reportsDir, report.path), content: report.content });
    outputs.push({ path: join(paths.clausesDir, clauses.path), content: clauses.content });
  }
  const expected = new Set(outputs.map((o) => o.path));
  const stale = [paths.outDir, paths.reportsDir, paths.clausesDir]
    .filter(existsSync)
    .flatMap((d) => readdirSync(d).filter((f) => /\.(mdx|json)$/u.test(f)).map((f) => join(d, f)))
    .filter((p) => !expected.has(p));
  const differing = outputs.filter((o) => !existsSync(o.path) || readFileSync(o.path, 'utf8') !== o.content).map((o) => o.path);

  if (opts.check) return { written: [], stale, differing };
  for (const d of [paths.outDir, paths.reportsDir, paths.clausesDir]) mkdirSync(d, { recursive: true });
  for (const o of outputs) if (differing.includes(o.path)) writeFileSync(o.path, o.content);
  for (const s of stale) rmSync(s);
  return { written: differing, stale, differing };
}
