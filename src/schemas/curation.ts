/**
 * The curation report (`npm run curate -- json`, the /curation/ pages): per
 * document, the suggestions an editor can accept and the agency names to
 * check. Built by src/lib/curation/report.ts; its ids are what
 * `npm run curate -- accept <id>` takes (src/lib/curation/apply.ts).
 */
import { z } from 'zod';
import { targetSchema } from './targets.ts';

export const topicSuggestionSchema = z.object({
  /** The suggested topic's id. */
  topic: z.string(),
  /** Its name. */
  name: z.string(),
  /** Evidence weight; higher is more certain. */
  score: z.number(),
  /** What speaks for it (similar provisions on the topic, shared terms, wording). */
  reasons: z.array(z.string()),
});
export type TopicSuggestion = z.infer<typeof topicSuggestionSchema>;

export const agencyFindingSchema = z.object({
  /** The name as the text writes it. */
  name: z.string(),
  /** The clauses naming it. */
  clauses: z.array(z.string()),
  /** How it was read by pattern (for a place not yet curated). */
  resolved: z.object({ id: z.string(), name: z.string() }).optional(),
  /** Why it could not be read, and what to add. */
  hint: z.string().optional(),
});
export type AgencyFinding = z.infer<typeof agencyFindingSchema>;

/** A provision without a topic, with the topics suggested for it. Accept id: topic:<slug>#<clause>. */
export const topicItemSchema = z.object({
  id: z.string(),
  clause: z.string(),
  cite: z.string(),
  title: z.string().optional(),
  suggestions: z.array(topicSuggestionSchema),
});
/** A figure found in the text, ready for targets.json. Accept id: target:<slug>#<clause>:<hash>. */
export const targetItemSchema = z.object({
  id: z.string(),
  clause: z.string(),
  cite: z.string(),
  context: z.string(),
  target: targetSchema,
});
/** A variant form of a glossary term. Accept id: alias:<term id>:<variant>. */
export const aliasItemSchema = z.object({
  id: z.string(),
  termId: z.string(),
  term: z.string(),
  variant: z.string(),
  clauses: z.array(z.string()),
});

export const docReportSchema = z.object({
  slug: z.string(),
  title: z.string(),
  /** Number of provisions, for scale. */
  provisions: z.number().int(),
  topics: z.array(topicItemSchema),
  targets: z.array(targetItemSchema),
  aliases: z.array(aliasItemSchema),
  agencies: z.object({ unresolved: z.array(agencyFindingSchema), pattern: z.array(agencyFindingSchema) }),
});

export const curationReportSchema = z.object({
  format: z.literal('yigai-curation/1'),
  documents: z.array(docReportSchema),
});

export type TopicItem = z.infer<typeof topicItemSchema>;
export type TargetItem = z.infer<typeof targetItemSchema>;
export type AliasItem = z.infer<typeof aliasItemSchema>;
export type DocReport = z.infer<typeof docReportSchema>;
export type CurationReport = z.infer<typeof curationReportSchema>;
