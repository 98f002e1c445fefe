/**
 * Similar provisions: for every provision, the few most similar provisions
 * in OTHER documents, by cosine similarity of TF-IDF vectors of character
 * bigrams, glossary terms and topics. Pure: units in, matches out.
 *
 * No all-pairs comparison (40,000 provisions at 1,000 documents):
 * 1. identical texts are grouped first and scored once (libraries copy
 *    provisions across documents word for word);
 * 2. an inverted index over the features, leaving out features in more than
 *    `maxDf` of the groups (they say nothing about a pair: 加强, 推进 …) and
 *    keeping only the `postingsCap` heaviest entries of each list;
 * 3. each group looks up only its `queryFeatures` heaviest features, which
 *    gives a partial score to a bounded set of candidates; the best
 *    `candidates` of them are scored exactly.
 * The cost is about groups × queryFeatures × postingsCap, linear in the library.
 */
import { bigramAt, bigramCounts, segments, sharedPhrases } from './text.ts';

export interface SimilarUnit {
  /** Unique key, e.g. "datong-gaozhiliang#s3-4-15". */
  key: string;
  /** The document; matches are only from other documents. */
  doc: string;
  /** The provision's text (its heading and body). */
  text: string;
  /** Its heading or lead sentence (counted `titleWeight` times more: it names the matter). */
  title?: string;
  /** Glossary entry ids found in the text. */
  terms?: string[];
  /** Topic ids an editor gave the provision. */
  topics?: string[];
}

export interface SimilarMatch {
  key: string;
  /** Cosine similarity, 0–1. */
  score: number;
  /** Glossary ids both provisions contain. */
  terms: string[];
  /** Longest verbatim phrases both contain (≥ 4 characters), most telling first. */
  phrases: string[];
}

export interface SimilarOptions {
  /** Matches kept per provision (at most one per other document). */
  k: number;
  /** Lowest score shown. */
  threshold: number;
  /** Features in more than this share of the groups are not indexed. */
  maxDf: number;
  /** Heaviest features of a provision looked up in the index. */
  queryFeatures: number;
  /** Entries kept per posting list (the heaviest). */
  postingsCap: number;
  /** Candidates scored exactly. */
  candidates: number;
  /** Weight of a glossary-term feature relative to a bigram of the same IDF. */
  termWeight: number;
  /** Weight of a topic feature relative to a bigram of the same IDF. */
  topicWeight: number;
  /** Extra counts of the heading's bigrams. */
  titleWeight: number;
  /** Matches kept from one other document (1: the best of each). */
  perDoc: number;
  /** Pairs never returned (editors' rejections, curated relations shown apart). */
  exclude?: (a: string, b: string) => boolean;
}

export const DEFAULTS: SimilarOptions = {
  k: 3,
  threshold: 0.1,
  maxDf: 0.5,
  queryFeatures: 24,
  postingsCap: 100,
  candidates: 24,
  termWeight: 2,
  topicWeight: 1,
  perDoc: 1,
  titleWeight: 2,
};

interface Group {
  runs: string[];
  /** The runs joined by "|" (phrases never span two). */
  text: string;
  members: number[];
  /** Feature ids ascending, with L2-normalised weights. */
  ids: Int32Array;
  ws: Float32Array;
  /** Bigram id at each position of `text` (-1 where none starts). */
  seq: Int32Array;
  terms: Set<string>;
}

function dot(a: Group, b: Group): number {
  let i = 0,
    j = 0,
    s = 0;
  const ai = a.ids,
    bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i],
      y = bi[j];
    if (x === y) s += a.ws[i++] * b.ws[j++];
    else if (x < y) i++;
    else j++;
  }
  return s;
}

/** The value a sorted copy would hold at rank n from the top (for cut-offs without sorting objects). */
function nthLargest(values: Float32Array, n: number): number {
  if (values.length <= n) return -Infinity;
  const sorted = values.slice().sort();
  return sorted[sorted.length - n];
}

export interface SimilarIndex {
  /** Ranked matches of one unit (best first), at most `perDoc` per other document; k, threshold and exclude default to the index's options. */
  matches(key: string, k?: number, threshold?: number, exclude?: SimilarOptions['exclude']): SimilarMatch[];
  /** Number of groups of identical texts (for reports). */
  groups: number;
}

export function buildSimilarIndex(units: SimilarUnit[], options: Partial<SimilarOptions> = {}): SimilarIndex {
  const o = { ...DEFAULTS, ...options };
  // 1. Group identical texts (with the same heading and topics).
  const groups: Group[] = [];
  const groupOf = new Int32Array(units.length);
  const byText = new Map<string, number>();
  const titles: string[][] = [];
  units.forEach((u, i) => {
    const runs = segments(u.text);
    const text = runs.join('|');
    const title = segments(u.title ?? '');
    const sig = `${text}\u0000${title.join('|')}\u0000${[...(u.topics ?? [])].sort().join(',')}`;
    let g = byText.get(sig);
    if (g === undefined) {
      g = groups.length;
      byText.set(sig, g);
      groups.push({
        runs,
        text,
        members: [],
        ids: new Int32Array(0),
        ws: new Float32Array(0),
        seq: new Int32Array(0),
        terms: new Set(u.terms ?? []),
      });
      titles.push(title);
    }
    groups[g].members.push(i);
    groupOf[i] = g;
  });
  byText.clear();
  const G = groups.length;

  // 2. Features (bigrams as numbers, glossary terms, topics) and document frequencies over groups.
  const bigramId = new Map<number, number>();
  const nameId = new Map<string, number>();
  const df: number[] = [];
  const boost: number[] = [];
  const idOf = (map: Map<number, number> | Map<string, number>, key: number | string, weight: number) => {
    let id = (map as Map<typeof key, number>).get(key);
    if (id === undefined) {
      id = df.length;
      (map as Map<typeof key, number>).set(key, id);
      df.push(0);
      boost.push(weight);
    }
    return id;
  };
  const tfs: { ids: Int32Array; tf: Float32Array }[] = groups.map((g, gi) => {
    const counts = bigramCounts(g.runs);
    bigramCounts(titles[gi], counts, o.titleWeight);
    const ids: number[] = [];
    const tf: number[] = [];
    for (const [b, n] of counts) {
      ids.push(idOf(bigramId, b, 1));
      tf.push(n);
    }
    for (const t of g.terms) {
      ids.push(idOf(nameId, `g:${t}`, o.termWeight));
      tf.push(1);
    }
    for (const t of units[g.members[0]].topics ?? []) {
      ids.push(idOf(nameId, `t:${t}`, o.topicWeight));
      tf.push(1);
    }
    for (const id of ids) df[id]++;
    return { ids: Int32Array.from(ids), tf: Float32Array.from(tf) };
  });
  titles.length = 0;
  const F = df.length;
  const idf = new Float32Array(F);
  const indexed = new Uint8Array(F);
  for (let f = 0; f < F; f++) {
    idf[f] = Math.log(1 + G / df[f]);
    indexed[f] = df[f] <= Math.max(8, o.maxDf * G) ? 1 : 0;
  }

  groups.forEach((g, gi) => {
    const { ids, tf } = tfs[gi];
    // Sort by feature id with a numeric typed-array sort (id · 2^16 + position): no closures per group.
    // A feature of this group alone adds to its norm but can match nothing: it is not stored.
    let norm = 0;
    let shared = 0;
    for (let k = 0; k < ids.length; k++) {
      const w = (1 + Math.log(tf[k])) * idf[ids[k]] * boost[ids[k]];
      norm += w * w;
      if (df[ids[k]] > 1) shared++;
    }
    norm = Math.sqrt(norm) || 1;
    const keys = new Float64Array(shared);
    for (let k = 0, j = 0; k < ids.length; k++) if (df[ids[k]] > 1) keys[j++] = ids[k] * 65536 + k;
    keys.sort();
    g.ids = new Int32Array(shared);
    g.ws = new Float32Array(shared);
    keys.forEach((key, j) => {
      const k = key % 65536;
      g.ids[j] = ids[k];
      g.ws[j] = ((1 + Math.log(tf[k])) * idf[ids[k]] * boost[ids[k]]) / norm;
    });
    // The bigram ids along the runs, for explaining matches without string lookups.
    g.seq = Int32Array.from(g.runs.join('|'), () => -1);
    let at = 0;
    for (const r of g.runs) {
      for (let i = 0; i + 1 < r.length; i++) {
        const id = bigramId.get(bigramAt(r, i))!;
        g.seq[at + i] = df[id] > 1 ? id : -1;
      }
      at += r.length + 1;
    }
  });
  tfs.length = 0;

  // 3. Inverted index (CSR arrays), each list cut to its heaviest `postingsCap` entries.
  const len = new Int32Array(F);
  for (const g of groups) for (const id of g.ids) if (indexed[id]) len[id]++;
  const start = new Int32Array(F + 1);
  for (let f = 0; f < F; f++) start[f + 1] = start[f] + len[f];
  const pg = new Int32Array(start[F]);
  const pw = new Float32Array(start[F]);
  const fill = new Int32Array(F);
  groups.forEach((g, gi) =>
    g.ids.forEach((id, k) => {
      if (!indexed[id]) return;
      const at = start[id] + fill[id]++;
      pg[at] = gi;
      pw[at] = g.ws[k];
    }),
  );
  for (let f = 0; f < F; f++) {
    if (len[f] <= o.postingsCap) continue;
    const s = start[f];
    const keep = Array.from({ length: len[f] }, (_, i) => s + i)
      .sort((a, b) => pw[b] - pw[a] || pg[a] - pg[b])
      .slice(0, o.postingsCap)
      .map((at) => [pg[at], pw[at]] as const);
    keep.forEach(([g, w], i) => {
      pg[s + i] = g;
      pw[s + i] = w;
    });
    len[f] = o.postingsCap;
  }

  // 4. Candidate groups of each group, scored exactly (computed on demand, cached).
  const acc = new Float32Array(G);
  const touched = new Int32Array(G);
  const ranked = new Map<number, { g: number; score: number }[]>();
  const candidatesOf = (q: number): { g: number; score: number }[] => {
    const hit = ranked.get(q);
    if (hit) return hit;
    const grp = groups[q];
    // The query's heaviest indexed features.
    const qw: number[] = [];
    for (let k = 0; k < grp.ids.length; k++) if (indexed[grp.ids[k]]) qw.push(k);
    const cut = nthLargest(
      Float32Array.from(qw, (k) => grp.ws[k]),
      o.queryFeatures,
    );
    let n = 0;
    let used = 0;
    for (const k of qw) {
      if (grp.ws[k] < cut || used >= o.queryFeatures) continue;
      used++;
      const f = grp.ids[k],
        w = grp.ws[k];
      for (let at = start[f], end = start[f] + len[f]; at < end; at++) {
        const g = pg[at];
        if (g === q) continue;
        if (acc[g] === 0) touched[n++] = g;
        acc[g] += w * pw[at];
      }
    }
    const partial = new Float32Array(n);
    for (let i = 0; i < n; i++) partial[i] = acc[touched[i]];
    const keep = nthLargest(partial, o.candidates);
    const best: { g: number; score: number }[] = [];
    for (let i = 0; i < n; i++) {
      const g = touched[i];
      if (acc[g] >= keep && best.length < o.candidates * 2) best.push({ g, score: Math.min(1, dot(grp, groups[g])) });
      acc[g] = 0;
    }
    // The group itself (identical text in other documents) comes first.
    best.push({ g: q, score: 1 });
    best.sort((a, b) => b.score - a.score || (a.g === q ? -1 : b.g === q ? 1 : a.g - b.g));
    ranked.set(q, best);
    return best;
  };

  const keyIndex = new Map(units.map((u, i) => [u.key, i]));
  const explained = new Map<string, Pick<SimilarMatch, 'terms' | 'phrases'>>();
  const mark = new Uint8Array(F);
  const explain = (qa: number, qb: number): Pick<SimilarMatch, 'terms' | 'phrases'> => {
    const k = `${qa} ${qb}`;
    const hit = explained.get(k);
    if (hit) return hit;
    const ga = groups[qa],
      gb = groups[qb];
    for (const id of gb.ids) mark[id] = 1;
    const out = {
      terms: [...ga.terms].filter((t) => gb.terms.has(t)).sort(),
      phrases: sharedPhrases(ga.text, ga.seq, gb.text, (id) => (mark[id] ? idf[id] : 0))
        .slice(0, 5)
        .map((p) => p.phrase),
    };
    for (const id of gb.ids) mark[id] = 0;
    explained.set(k, out);
    return out;
  };

  const matches = (key: string, k = o.k, threshold = o.threshold, exclude = o.exclude): SimilarMatch[] => {
    const a = keyIndex.get(key);
    if (a === undefined) return [];
    const unit = units[a];
    const perDoc = new Map<string, number>([[unit.doc, Infinity]]);
    const out: SimilarMatch[] = [];
    for (const { g, score } of candidatesOf(groupOf[a])) {
      if (score < threshold || out.length >= k) break;
      for (const m of groups[g].members) {
        const other = units[m];
        const n = perDoc.get(other.doc) ?? 0;
        if (n >= o.perDoc || exclude?.(unit.key, other.key)) continue;
        perDoc.set(other.doc, n + 1);
        out.push({ key: other.key, score: Math.round(score * 1000) / 1000, ...explain(groupOf[a], g) });
        if (out.length >= k) break;
      }
    }
    return out;
  };

  return { matches, groups: G };
}
