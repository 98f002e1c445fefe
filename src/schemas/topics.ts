/**
 * Topics (src/content/topics/<id>.json), the topic map
 * (src/content/topic-map.json: which clause is on which topic) and the
 * relations (src/content/relations.json: groups of clauses in different
 * documents that answer the same question). Messages speak to editors.
 */
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
  message: 'ids are lower-case ASCII words joined by hyphens, e.g. xinchou-zhidu.',
});

export const topicSchema = z.object({
  /** Display name, e.g. 薪酬制度改革. */
  name: z.string().min(2, { message: 'name is the topic as readers know it, e.g. 薪酬制度改革.' }),
  /** One or two sentences on what the topic covers across the documents. */
  description: z.string().min(10, { message: 'description says in a sentence or two what the topic covers.' }),
  /** Position in the topic list (1 = first). */
  order: z.number().int().min(1),
});
export type Topic = z.infer<typeof topicSchema> & { id: string };

/** { "<document slug>": { "<clause id>": ["<topic id>", …] } } — the first topic is the main one. */
export const topicMapSchema = z.record(
  z.string(),
  z.record(z.string(), z.array(id).min(1, { message: 'give each clause at least one topic, or remove it.' })),
);

export const relationSchema = z.object({
  id,
  /** The topic the group belongs to. */
  topic: id,
  /** The shared question, in a few words, e.g. 落实“两个允许”、改革薪酬分配. */
  label: z.string().min(2),
  /** Clauses as "<document slug>#<clause id>", from at least two documents. */
  clauses: z
    .array(
      z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, {
        message: 'write clauses as document-slug#clause-id, e.g. datong-gaozhiliang#s3-4-15.',
      }),
    )
    .min(2),
});
export const relationsSchema = z.array(relationSchema);
export type Relation = z.infer<typeof relationSchema>;
