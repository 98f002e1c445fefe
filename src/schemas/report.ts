/**
 * The cleaning report of one document (src/content/reports/<slug>.json),
 * written by ingest next to its MDX (ingest/report.ts) and rendered as the
 * document page's provenance section: what each named rule changed, and
 * every repair, correction and note with the clause it is in.
 */
import { z } from 'zod';

export const ruleSummarySchema = z.object({
  /** The rule's name (its file in ingest/rules/). */
  rule: z.string(),
  /** What the rule does, for readers. */
  label: z.string(),
  edits: z.number(),
  removedChars: z.number(),
  addedChars: z.number(),
  /** Up to 12 of the rule's changes, only for rules whose removed text may be quoted. */
  examples: z.array(z.object({ from: z.string(), to: z.string() })),
});

export const cleaningReportSchema = z.object({
  /** The seed file in seeds/. */
  seed: z.string(),
  sourceChars: z.number(),
  cleanChars: z.number(),
  rules: z.array(ruleSummarySchema),
  /** One per repaired place, numbered as marked in the text (〔修n〕). */
  repairs: z.array(
    z.object({
      n: z.number(),
      find: z.string(),
      bytes: z.string(),
      replace: z.string(),
      reason: z.string(),
      uncertain: z.boolean(),
      clause: z.string(),
      check: z.object({
        status: z.enum(['verified', 'unverifiable']),
        confirmed: z.string().optional(),
        fromContext: z.string().optional(),
        why: z.string().optional(),
      }),
    }),
  ),
  /** One per editorial correction (〔校n〕). */
  corrections: z.array(
    z.object({ n: z.number(), find: z.string(), replace: z.string(), reason: z.string(), clause: z.string() }),
  ),
  /** One per editor's note (〔注n〕). */
  notes: z.array(z.object({ n: z.number(), text: z.string(), note: z.string(), clause: z.string() })),
});
export type CleaningReportData = z.infer<typeof cleaningReportSchema>;
