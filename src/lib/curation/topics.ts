/**
 * Suggested topics for provisions an editor has not put on a topic, from
 * three kinds of evidence, each named in the suggestion so the editor sees why:
 * - the topics of similar provisions that are on topics (src/lib/similar/),
 *   weighted by similarity (the first topic of a clause counts most);
 * - the glossary terms in the text, by how the curated map uses them
 *   (a term that occurs mostly in clauses on 医保支付 suggests 医保支付);
 * - the topic's name in the wording (薪酬 for 薪酬制度改革).
 * Pure: the caller hands in the evidence.
 */
import type { TopicSuggestion } from '../../schemas/curation.ts';

export type { TopicSuggestion };
export interface TopicEvidence {
  /** Similar provisions with their topics and similarity score. */
  neighbours: { key: string; score: number; topics: string[] }[];
  /** Glossary ids in the text. */
  terms: string[];
  text: string;
}
export interface TopicModel {
  topics: { id: string; name: string }[];
  /** term id → topic id → share of the term's curated clauses on that topic. */
  termTopics: Map<string, Map<string, number>>;
}

/** Learns which topics each glossary term goes with, from the curated clauses. */
export function termTopicModel(
  curated: { terms: string[]; topics: string[] }[],
  topics: { id: string; name: string }[],
): TopicModel {
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  for (const c of curated) {
    for (const t of c.terms) {
      totals.set(t, (totals.get(t) ?? 0) + 1);
      const m = counts.get(t) ?? new Map<string, number>();
      c.topics.forEach((topic, i) => m.set(topic, (m.get(topic) ?? 0) + (i === 0 ? 1 : 0.5)));
      counts.set(t, m);
    }
  }
  const termTopics = new Map(
    [...counts].map(([t, m]) => [t, new Map([...m].map(([topic, n]) => [topic, n / totals.get(t)!]))]),
  );
  return { topics, termTopics };
}

/** The core of a topic's name for the wording check: 薪酬制度改革 → 薪酬. */
const core = (name: string) => name.replace(/(制度改革|体制改革|改革|建设|管理|体系|机制|能力|服务|保障)+$/u, '');

const cores = new Map<string, string>();
const coreOf = (name: string) => {
  let c = cores.get(name);
  if (c === undefined) {
    c = core(name);
    cores.set(name, c);
  }
  return c;
};

export function suggestTopics(e: TopicEvidence, model: TopicModel, max = 3, minScore = 0.15): TopicSuggestion[] {
  const name = new Map(model.topics.map((t) => [t.id, t.name]));
  const score = new Map<string, number>();
  const reasons = new Map<string, string[]>();
  const add = (topic: string, s: number, why: string) => {
    if (!name.has(topic) || s <= 0) return;
    score.set(topic, (score.get(topic) ?? 0) + s);
    const r = reasons.get(topic) ?? [];
    if (!r.includes(why)) r.push(why);
    reasons.set(topic, r);
  };
  const total = e.neighbours.reduce((s, n) => s + n.score, 0);
  for (const n of e.neighbours)
    n.topics.forEach((t, i) => add(t, (0.6 * n.score * (i === 0 ? 1 : 0.5)) / (total || 1), `相似条款 ${n.key}`));
  const withTopics = e.terms.filter((t) => model.termTopics.has(t));
  for (const t of withTopics)
    for (const [topic, share] of model.termTopics.get(t)!) add(topic, (0.3 * share) / withTopics.length, `术语 ${t}`);
  for (const t of model.topics) {
    const c = coreOf(t.name);
    if (c.length >= 2 && e.text.includes(c)) add(t.id, 0.15, `用语“${c}”`);
  }
  return [...score]
    .map(([topic, s]) => ({
      topic,
      name: name.get(topic)!,
      score: Math.round(s * 1000) / 1000,
      reasons: reasons.get(topic)!,
    }))
    .filter((s) => s.score >= minScore)
    .sort((a, b) => b.score - a.score || (a.topic < b.topic ? -1 : 1))
    .slice(0, max);
}
