/**
 * Quality of the curation report's suggestions, measured against what
 * editors curated for the real documents (run by `npm run bench` and
 * `npm run bench -- --similar`):
 * - topics: each document in turn is treated as new (its topics hidden);
 *   is the first suggestion one of the topics editors gave, and is the
 *   editors' main topic among the three suggested?
 * - targets: the share of the curated targets (targets.json) whose value
 *   the extractor finds in the same clause (or its parent or child).
 */
import { existsSync } from 'node:fs';
import { loadTopicData } from '../../src/lib/topics/load.ts';
import { loadSimilar } from '../../src/lib/similar/library.ts';
import { termTopicModel } from '../../src/lib/curation/topics.ts';
import { docMeta, ownText, topicSuggestions, TOPIC_NEIGHBOURS } from '../../src/lib/curation/report.ts';
import { extractTargets, isReport } from '../../src/lib/curation/targets.ts';
import { targetsSchema, type Target } from '../../src/schemas/targets.ts';
import { CONTENT, contentFiles } from '../../src/lib/data/paths.ts';
import { readJsonFile } from '../../src/lib/data/read-json.ts';

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');

export function curationQuality(root: string = CONTENT.content): string {
  const data = loadTopicData(root);
  let n = 0,
    first = 0,
    main3 = 0;
  for (const slug of data.clauses.keys()) {
    const truth = data.map[slug] ?? {};
    if (!Object.keys(truth).length) continue;
    const { [slug]: _hidden, ...rest } = data.map;
    const held = { ...data, map: rest };
    const similar = loadSimilar({ root, data: held, keepCurated: true, engine: TOPIC_NEIGHBOURS });
    const model = termTopicModel(
      similar.units.filter((u) => u.topics?.length).map((u) => ({ terms: u.terms ?? [], topics: u.topics! })),
      data.topics,
    );
    for (const u of similar.units.filter((x) => x.doc === slug)) {
      const topics = truth[u.key.split('#')[1]];
      if (!topics) continue;
      const got = topicSuggestions(u.key, u.text, similar, model, u.terms ?? []);
      n++;
      if (got[0] && topics.includes(got[0].topic)) first++;
      if (got.some((s) => s.topic === topics[0])) main3++;
    }
  }
  const file = contentFiles(root).targets;
  const curated: Target[] = existsSync(file) ? readJsonFile(file, targetsSchema, 'src/schemas/targets.ts') : [];
  let found = 0,
    suggested = 0;
  const byDoc = new Map<string, { clause: string; value: string }[]>();
  for (const [slug, clauses] of data.clauses) {
    const meta = docMeta(root, slug);
    const list = [...clauses.values()];
    const paras = new Map<string, Set<string>>();
    for (const c of list)
      if (c.kind === 'para' && c.parent) paras.set(c.parent, (paras.get(c.parent) ?? new Set()).add(c.text));
    const out = list.flatMap((c) =>
      extractTargets(ownText(c, paras.get(c.id)), meta.year, isReport(meta.title, meta.kind)).map((t) => ({
        clause: c.id,
        value: t.value,
        parent: c.parent,
      })),
    );
    suggested += out.length;
    byDoc.set(slug, out);
  }
  const parent = (slug: string, id: string) => data.clauses.get(slug)?.get(id)?.parent;
  for (const t of curated)
    if (
      byDoc
        .get(t.doc)
        ?.some(
          (x) =>
            x.value === t.value &&
            (x.clause === t.clause || parent(t.doc, x.clause) === t.clause || parent(t.doc, t.clause) === x.clause),
        )
    )
      found++;
  return [
    'Curation suggestions (against the editors’ own curation of the real documents):',
    `  topics, each document treated as new: first suggestion is an editor's topic for ${pct(first, n)} of ${n} provisions; the editor's main topic is among the three suggested for ${pct(main3, n)}`,
    `  targets: ${pct(found, curated.length)} of the ${curated.length} curated targets found with the same value in the same clause (${suggested} figures extracted in all; those not curated are listed for editors to judge)`,
  ].join('\n');
}
