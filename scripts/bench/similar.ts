/**
 * Similar provisions (自动推荐): quality against the editors' work and cost
 * at scale. Run by `npm run bench` (quality on the real library) and
 * `npm run bench -- --similar` (quality, then the similarity step alone on
 * 1,000 synthetic documents, ~40,000 provisions).
 *
 * - Recall: every curated relation pair (relations.json, both directions,
 *   both provisions long enough to be compared) is looked for in the top k
 *   of the automatic list computed WITH curated pairs left in; k counts at
 *   most `perDoc` matches per other document, as the page does (1).
 * - Precision: the judged sample in similar-judgements.json (pairs that are
 *   not curated, judged related or not with a reason); for each threshold,
 *   the share of judged pairs at or above it that are related. Pairs the
 *   engine now ranks differently stay judged; unjudged shown pairs are counted.
 */
import { readFileSync } from 'node:fs';
import { loadSimilar, pairKey, provisionUnits, termMatcher } from '../../src/lib/similar/library.ts';
import { buildSimilarIndex, DEFAULTS, type SimilarUnit } from '../../src/lib/similar/engine.ts';
import { loadGlossary } from '../../src/lib/glossary/load.ts';
import { loadTopicData } from '../../src/lib/topics/load.ts';
import { CONTENT } from '../../src/lib/data/paths.ts';

interface Judged {
  pair: [string, string];
  related: boolean;
  reason: string;
}
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');

export function similarQuality(
  root: string = CONTENT.content,
  judgementsFile = 'scripts/bench/similar-judgements.json',
) {
  const t0 = Date.now();
  const lib = loadSimilar({ root, keepCurated: true, engine: { threshold: 0, k: 10 } });
  const ms = Date.now() - t0;
  const unitKeys = new Set(lib.units.map((u) => u.key));
  const curated = [...lib.curated]
    .map((p) => p.split(' ') as [string, string])
    .filter(([a, b]) => unitKeys.has(a) && unitKeys.has(b));
  const lines: string[] = [
    `Similar provisions (${lib.units.length} provisions compared, ${lib.index.groups} distinct texts, ${ms} ms; threshold ${DEFAULTS.threshold}, ${DEFAULTS.k} shown, one per other document)`,
  ];
  const recallAt = (k: number, threshold: number) => {
    let found = 0;
    for (const [a, b] of curated)
      for (const [x, y] of [
        [a, b],
        [b, a],
      ])
        if (lib.index.matches(x, k, threshold).some((m) => m.key === y)) found++;
    return pct(found, curated.length * 2);
  };
  lines.push(
    `  ground truth: ${curated.length} curated cross-document pairs (of ${lib.curated.size}; the others involve a paragraph or a bare heading, which are not compared)`,
  );
  lines.push(
    `  recall of curated pairs in the top k, no threshold: ${[1, 3, 5, 10].map((k) => `@${k} ${recallAt(k, 0)}`).join(', ')} (at most one per document, so @4 is the ceiling with 5 documents)`,
  );
  // Provisions with a curated partner that get at least one of them in their top 3.
  const partners = new Map<string, Set<string>>();
  for (const [a, b] of curated) {
    partners.set(a, (partners.get(a) ?? new Set()).add(b));
    partners.set(b, (partners.get(b) ?? new Set()).add(a));
  }
  const hit = [...partners].filter(([x, ps]) => lib.index.matches(x, 3, 0).some((m) => ps.has(m.key))).length;
  lines.push(
    `  provisions with a curated partner that have one in their top 3: ${pct(hit, partners.size)} (${hit}/${partners.size})`,
  );

  const judged = (JSON.parse(readFileSync(judgementsFile, 'utf8')) as { judged: Judged[] }).judged;
  const verdict = new Map(judged.map((j) => [pairKey(j.pair[0], j.pair[1]), j.related]));
  // The automatic pairs as the page shows them (curated pairs removed), with their scores.
  const shown = loadSimilar({ root, engine: { threshold: 0 } });
  const scores = new Map<string, number>();
  const best = new Map<string, number>();
  for (const u of shown.units)
    for (const m of shown.index.matches(u.key)) {
      scores.set(pairKey(u.key, m.key), m.score);
      best.set(u.key, Math.max(best.get(u.key) ?? 0, m.score));
    }
  const rows = [
    ['threshold', 'curated recall@3', 'automatic pairs', 'judged', 'related', 'precision', 'provisions with 自动推荐'],
  ];
  for (const t of [0.07, 0.1, 0.12, 0.15, 0.2]) {
    const at = [...scores].filter(([, s]) => s >= t);
    const j = at.filter(([k]) => verdict.has(k));
    const rel = j.filter(([k]) => verdict.get(k)).length;
    const covered = [...best.values()].filter((s) => s >= t).length;
    rows.push([
      `≥ ${t}${t === DEFAULTS.threshold ? ' (used)' : ''}`,
      recallAt(3, t),
      String(at.length),
      String(j.length),
      String(rel),
      pct(rel, j.length),
      pct(covered, shown.units.length),
    ]);
  }
  lines.push(
    `  by threshold (${judged.length} judgements in ${judgementsFile}: every pair ≥ 0.1 and every third of 0.07–0.1 when judged):`,
  );
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) lines.push('    ' + r.map((c, i) => c.padEnd(w[i])).join('  '));
  return lines.join('\n');
}

/** mulberry32 */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The similarity step alone on `docs` synthetic documents of `perDoc`
 * provisions drawn from the real ones: as copies (what scripts/lib/synth.ts
 * builds), and as perturbed copies (sentences dropped, characters replaced),
 * so that identical-text grouping cannot do the work.
 */
export function similarCost(docs = 1000, perDoc = 40, root: string = CONTENT.content) {
  const data = loadTopicData(root);
  const terms = termMatcher(loadGlossary(`${root}/glossary`));
  const real = provisionUnits(data, terms);
  const chars = [...new Set(real.flatMap((u) => [...u.text].filter((c) => /\p{Script=Han}/u.test(c))))];
  const out: string[] = [];
  for (const mode of ['copies', 'perturbed'] as const) {
    const rand = rng(7);
    const units: SimilarUnit[] = [];
    for (let d = 0; d < docs; d++) {
      for (let i = 0; i < perDoc; i++) {
        const src = real[Math.floor(rand() * real.length)];
        let text = src.text;
        if (mode === 'perturbed') {
          text = text
            .split('。')
            .filter(() => rand() > 0.2)
            .join('。');
          text = [...text].map((c) => (rand() < 0.05 ? chars[Math.floor(rand() * chars.length)] : c)).join('');
        }
        units.push({ key: `synth-${d}#s${i}`, doc: `synth-${d}`, text, title: src.title, terms: terms(text) });
      }
    }
    globalThis.gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    let peak = heap0;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 20);
    const t0 = Date.now();
    const index = buildSimilarIndex(units);
    const t1 = Date.now();
    let shown = 0;
    for (const u of units) shown += index.matches(u.key).length;
    const t2 = Date.now();
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    out.push(
      `  ${docs} documents × ${perDoc} provisions (${mode}): ${units.length} provisions, ${index.groups} distinct texts; index ${t1 - t0} ms, matches for all ${t2 - t1} ms, total ${t2 - t0} ms; heap +${Math.round((peak - heap0) / 2 ** 20)} MiB; ${(shown / units.length).toFixed(2)} shown per provision`,
    );
  }
  return `Similarity step alone (no all-pairs comparison):\n${out.join('\n')}`;
}
