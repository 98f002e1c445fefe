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
import { bigramCounts, segments, sharedPhrases } from './text.ts';

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
  threshold: 0.3,
  maxDf: 0.25,
  queryFeatures: 40,
  postingsCap: 300,
  candidates: 60,
  termWeight: 2,
  topicWeight: 1,
  perDoc: 1,
  titleWeight: 2,
};

interface Group {
  runs: string[];
  title: string[];
  text: string;
  bigrams: Set<string>;
  members: number[];
  /** Feature ids ascending, with L2-normalised weights. */
  ids: Int32Array;
  ws: Float32Array;
  terms: Set<string>;
}

function dot(a: Group, b: Group): number {
  let i = 0, j = 0, s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i] === b.ids[j]) s += a.ws[i++] * b.ws[j++];
    else if (a.ids[i] < b.ids[j]) i++;
    else j++;
  }
  return s;
}

export interface SimilarIndex {
  /** Ranked matches of one unit (best first), at most `perDoc` per other document. */
  matches(key: string, k?: number, threshold?: number): SimilarMatch[];
  /** Every unit's matches with the index's options. */
  all(): Map<string, SimilarMatch[]>;
  /** Number of groups of identical texts (for reports). */
  groups: number;
}

export function buildSimilarIndex(units: SimilarUnit[], options: Partial<SimilarOptions> = {}): SimilarIndex {
  const o = { ...DEFAULTS, ...options };
  // 1. Group identical texts (with the same topics).
  const groups: Group[] = [];
  const groupOf = new Int32Array(units.length);
  const byText = new Map<string, number>();
  units.forEach((u, i) => {
    const runs = segments(u.text);
    const text = runs.join('|');
    const title = segments(u.title ?? '');
    const sig = `${text}\u0000${title.join('|')}\u0000${[...(u.topics ?? [])].sort().join(',')}`;
    let g = byText.get(sig);
    if (g === undefined) {
      g = groups.length;
      byText.set(sig, g);
      groups.push({ runs, title, text, bigrams: new Set(), members: [], ids: new Int32Array(0), ws: new Float32Array(0), terms: new Set(u.terms ?? []) });
    }
    groups[g].members.push(i);
    groupOf[i] = g;
  });

  // 2. Features and document frequencies (over groups).
  const featureId = new Map<string, number>();
  const df: number[] = [];
  const raw: Map<number, number>[] = groups.map((g) => {
    const counts = bigramCounts(g.runs);
    g.bigrams = new Set(counts.keys());
    for (const [b, n] of bigramCounts(g.title)) counts.set(b, (counts.get(b) ?? 0) + n * o.titleWeight);
    const f = new Map<number, number>();
    const add = (name: string, tf: number) => {
      let id = featureId.get(name);
      if (id === undefined) { id = df.length; featureId.set(name, id); df.push(0); }
      f.set(id, tf);
    };
    for (const [b, n] of counts) add(b, n);
    for (const t of g.terms) add(`g:${t}`, 1);
    for (const t of units[g.members[0]].topics ?? []) add(`t:${t}`, 1);
    for (const id of f.keys()) df[id]++;
    return f;
  });
  const G = groups.length;
  const idf = df.map((n) => Math.log(1 + G / n));
  const names = [...featureId.keys()];
  const boost = names.map((n) => (n.startsWith('g:') ? o.termWeight : n.startsWith('t:') ? o.topicWeight : 1));
  const indexed = df.map((n) => n <= Math.max(2, o.maxDf * G));

  groups.forEach((g, gi) => {
    const entries = [...raw[gi]].map(([id, tf]) => [id, (1 + Math.log(tf)) * idf[id] * boost[id]] as const).filter(([, w]) => w > 0).sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((s, [, w]) => s + w * w, 0)) || 1;
    g.ids = Int32Array.from(entries.map(([id]) => id));
    g.ws = Float32Array.from(entries.map(([, w]) => w / norm));
  });
  raw.length = 0;

  // 3. Inverted index, capped per list to the heaviest entries.
  const postings: { g: number; w: number }[][] = names.map(() => []);
  groups.forEach((g, gi) => g.ids.forEach((id, k) => { if (indexed[id]) postings[id].push({ g: gi, w: g.ws[k] }); }));
  for (const p of postings) if (p.length > o.postingsCap) { p.sort((a, b) => b.w - a.w); p.length = o.postingsCap; }

  // 4. Candidate groups of each group, scored exactly (computed on demand, cached).
  const acc = new Float32Array(G);
  const ranked = new Map<number, { g: number; score: number }[]>();
  const candidatesOf = (q: number): { g: number; score: number }[] => {
    const hit = ranked.get(q);
    if (hit) return hit;
    const grp = groups[q];
    const order = [...grp.ids.keys()].filter((k) => indexed[grp.ids[k]]).sort((a, b) => grp.ws[b] - grp.ws[a]).slice(0, o.queryFeatures);
    const touched: number[] = [];
    for (const k of order) {
      for (const p of postings[grp.ids[k]]) {
        if (p.g === q) continue;
        if (acc[p.g] === 0) touched.push(p.g);
        acc[p.g] += grp.ws[k] * p.w;
      }
    }
    touched.sort((a, b) => acc[b] - acc[a] || a - b);
    const best = touched.slice(0, o.candidates).map((g) => ({ g, score: Math.min(1, dot(grp, groups[g])) }));
    for (const g of touched) acc[g] = 0;
    // The group itself (identical text in other documents) comes first.
    best.push({ g: q, score: 1 });
    best.sort((a, b) => b.score - a.score || (a.g === q ? -1 : b.g === q ? 1 : a.g - b.g));
    ranked.set(q, best);
    return best;
  };

  const weightOf = (b: string) => { const id = featureId.get(b); return id === undefined ? 0 : idf[id]; };
  const keyIndex = new Map(units.map((u, i) => [u.key, i]));
  const explain = (a: number, b: number): Pick<SimilarMatch, 'terms' | 'phrases'> => {
    const ga = groups[groupOf[a]], gb = groups[groupOf[b]];
    return {
      terms: [...ga.terms].filter((t) => gb.terms.has(t)).sort(),
      phrases: sharedPhrases(ga.runs, gb.text, gb.bigrams, weightOf).slice(0, 5).map((p) => p.phrase),
    };
  };

  const matches = (key: string, k = o.k, threshold = o.threshold): SimilarMatch[] => {
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
        if (n >= o.perDoc || o.exclude?.(unit.key, other.key)) continue;
        perDoc.set(other.doc, n + 1);
        out.push({ key: other.key, score: Math.round(score * 1000) / 1000, ...explain(a, m) });
        if (out.length >= k) break;
      }
    }
    return out;
  };

  return {
    matches,
    all: () => new Map(units.map((u) => [u.key, matches(u.key)])),
    groups: G,
  };
}
