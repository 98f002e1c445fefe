/**
 * The rejection list of automatic similar provisions
 * (src/content/similar-rejected.json): pairs an editor has judged wrong, so
 * they are never shown. Messages speak to editors.
 */
import { z } from 'zod';

const clauseRef = z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, {
  message: 'write clauses as document-slug#clause-id, e.g. datong-gaozhiliang#s3-4-15.',
});

export const rejectedPairSchema = z.object({
  /** The two provisions, in either order (the pair is suppressed both ways). */
  pair: z.tuple([clauseRef, clauseRef], {
    message: 'pair is two clauses, e.g. ["datong-gaozhiliang#s3-4-15", "lasa-tixi-2025#s2-3-19"].',
  }),
  /** Why the pair is wrong, for the next editor. */
  reason: z.string().min(4, { message: 'reason says in a few words why the two provisions are not related.' }),
});

export const similarRejectedSchema = z.object({
  $comment: z.string().optional(),
  rejected: z.array(rejectedPairSchema),
});
export type RejectedPair = z.infer<typeof rejectedPairSchema>;
