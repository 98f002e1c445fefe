/**
 * Loads and checks topics, the topic map and the relations. Any unknown
 * topic, document or clause id stops the build with the file, the id and a
 * hint (ids that do exist nearby). Linear in the number of clauses.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { relationsSchema, topicMapSchema, topicSchema, type Relation, type Topic } from '../../schemas/topics.ts';
import type { ClauseRecord } from '../../schemas/clauses.ts';
import { checkIdFileName, readJsonDocument, readJsonFile, type JsonDocument } from '../data/read-json.ts';
import { readClauseData } from '../data/clauses.ts';
import { CONTENT, contentFiles } from '../data/paths.ts';

/** A clause as the clause data has it (src/schemas/clauses.ts). */
export type ClauseInfo = ClauseRecord;

/**
 * The clause files (src/content/clauses/<slug>.json), read when asked for and
 * not all kept: they hold every document's full text (≈ 32 MB of JSON per
 * 1,000 documents), and holding all of them made each render worker and the
 * page build run out of memory at 10,000 documents. The last few documents
 * asked for stay cached (pages ask for one document's clauses many times).
 */
export class ClauseStore {
  private readonly recent = new Map<string, Map<string, ClauseInfo> | null>();
  private slugs: Set<string> | undefined;
  private readonly dir: string;
  private readonly keep: number;
  constructor(dir: string, keep = 32) {
    this.dir = dir;
    this.keep = keep;
  }

  /** Every document that has a clause file. */
  keys(): IterableIterator<string> {
    this.slugs ??= new Set(
      existsSync(this.dir)
        ? readdirSync(this.dir)
            .filter((x) => x.endsWith('.json'))
            .map((x) => x.replace(/\.json$/, ''))
            .sort()
        : [],
    );
    return this.slugs.values();
  }

  /** Every document's clauses, one file at a time (none kept beyond the cache). */
  *[Symbol.iterator](): IterableIterator<[string, Map<string, ClauseInfo>]> {
    for (const slug of [...this.keys()]) {
      const doc = this.get(slug);
      if (doc) yield [slug, doc];
    }
  }

  has(slug: string): boolean {
    return this.get(slug) !== undefined;
  }

  /** clause id → clause, in document order; undefined for a document without a clause file. */
  get(slug: string): Map<string, ClauseInfo> | undefined {
    if (this.recent.has(slug)) {
      const hit = this.recent.get(slug)!;
      this.recent.delete(slug);
      this.recent.set(slug, hit);
      return hit ?? undefined;
    }
    const file = join(this.dir, `${slug}.json`);
    const doc =
      /^[a-z0-9-]+$/.test(slug) && existsSync(file) ? new Map(readClauseData(file).map((c) => [c.id, c])) : null;
    this.recent.set(slug, doc);
    if (this.recent.size > this.keep) this.recent.delete(this.recent.keys().next().value!);
    return doc ?? undefined;
  }
}

export interface TopicData {
  topics: Topic[];
  /** slug → clause id → topic ids */
  map: Record<string, Record<string, string[]>>;
  relations: Relation[];
  clauses: ClauseStore;
}

const SCHEMA = 'src/schemas/topics.ts';

export function loadTopicData(root: string = CONTENT.content): TopicData {
  const files = contentFiles(root);
  const topicDir = files.topics;
  const topics: Topic[] = existsSync(topicDir)
    ? readdirSync(topicDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => {
          const id = checkIdFileName(topicDir, f, 'topic', 'xinchou-zhidu.json');
          return { ...readJsonFile(join(topicDir, f), topicSchema, SCHEMA), id };
        })
    : [];
  topics.sort((a, b) => a.order - b.order);
  const topicIds = new Set(topics.map((t) => t.id));

  const clauses = new ClauseStore(files.clauses);
  const checkClause = (doc: JsonDocument<unknown>, at: PropertyKey[], slug: string, id: string) => {
    const clausesOf = clauses.get(slug);
    if (!clausesOf)
      throw doc.error(
        at,
        `unknown document "${slug}"`,
        `Use a document slug (a file name in src/content/clauses/), e.g. ${[...clauses.keys()].slice(0, 8).join(', ')}.`,
      );
    if (!clausesOf.has(id)) {
      const near = [...clausesOf.keys()].filter((k) => k.startsWith(id.split('-').slice(0, 2).join('-'))).slice(0, 8);
      throw doc.error(
        at,
        `clause "${id}" does not exist in ${slug}`,
        `Use an anchor from the document${near.length ? `, e.g. ${near.join(', ')}` : ''} (src/content/clauses/${slug}.json lists them all).`,
      );
    }
  };
  const checkTopic = (doc: JsonDocument<unknown>, at: PropertyKey[], topic: string, where: string) => {
    if (!topicIds.has(topic))
      throw doc.error(
        at,
        `unknown topic "${topic}" (${where})`,
        `Add src/content/topics/${topic}.json or use one of: ${[...topicIds].slice(0, 12).join(', ')}….`,
      );
  };

  const mapDoc = existsSync(files.topicMap) ? readJsonDocument(files.topicMap, topicMapSchema, SCHEMA) : undefined;
  const map = mapDoc?.data ?? {};
  for (const [slug, entries] of Object.entries(map)) {
    for (const [id, ts] of Object.entries(entries)) {
      checkClause(mapDoc!, [slug, id], slug, id);
      ts.forEach((t, i) => checkTopic(mapDoc!, [slug, id, i], t, `${slug}#${id}`));
    }
  }

  const relDoc = existsSync(files.relations) ? readJsonDocument(files.relations, relationsSchema, SCHEMA) : undefined;
  const relations = relDoc?.data ?? [];
  const groupIds = new Set<string>();
  relations.forEach((r, n) => {
    if (groupIds.has(r.id))
      throw relDoc!.error([n, 'id'], `relation id "${r.id}" is used twice`, 'Give every group its own id.');
    groupIds.add(r.id);
    checkTopic(relDoc!, [n, 'topic'], r.topic, `relation ${r.id}`);
    r.clauses.forEach((c, i) => {
      const [slug, id] = c.split('#');
      checkClause(relDoc!, [n, 'clauses', i], slug, id);
    });
    if (new Set(r.clauses.map((c) => c.split('#')[0])).size < 2) {
      throw relDoc!.error(
        [n, 'clauses'],
        `relation "${r.id}" links clauses of one document only`,
        'A relation lines up how different documents handle the same matter: add a clause from another document.',
      );
    }
  });
  return { topics, map, relations, clauses };
}

let cached: TopicData | undefined;
/** The site's topic data, loaded once per build. */
export function topicData(): TopicData {
  cached ??= loadTopicData();
  return cached;
}

export interface RelatedLink {
  slug: string;
  id: string;
  label: string;
}

/** Clauses in other documents related to slug#id, in relation order, without repeats. */
const byClause = new WeakMap<TopicData, Map<string, Relation[]>>();
export function relatedTo(data: TopicData, slug: string, id: string): { relation: Relation; links: RelatedLink[] }[] {
  const key = `${slug}#${id}`;
  if (!byClause.has(data)) {
    const index = new Map<string, Relation[]>();
    for (const r of data.relations) for (const c of r.clauses) index.set(c, [...(index.get(c) ?? []), r]);
    byClause.set(data, index);
  }
  return (byClause.get(data)!.get(key) ?? []).map((relation) => ({
    relation,
    links: relation.clauses
      .filter((c) => c.split('#')[0] !== slug)
      .map((c) => {
        const [s, i] = c.split('#');
        const info = data.clauses.get(s)!.get(i)!;
        return { slug: s, id: i, label: `${info.cite} ${info.title ?? ''}`.trim() };
      }),
  }));
}

/** Clause ids of one document on a topic, in document order. */
export function clausesOnTopic(data: TopicData, topic: string): Map<string, ClauseInfo[]> {
  const out = new Map<string, ClauseInfo[]>();
  for (const [slug, entries] of Object.entries(data.map)) {
    const doc = data.clauses.get(slug)!;
    const ids = new Set(
      Object.entries(entries)
        .filter(([, ts]) => ts.includes(topic))
        .map(([i]) => i),
    );
    const list = [...doc.values()].filter((c) => ids.has(c.id));
    if (list.length) out.set(slug, list);
  }
  return out;
}
