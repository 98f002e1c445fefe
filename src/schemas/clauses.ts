/**
 * The clause data of one document (src/content/clauses/<slug>.json), written
 * by ingest (never by hand): every anchored unit — parts, provisions at every
 * depth, paragraphs — in document order, with its own text, its citation label
 * and its editorial apparatus. Read by the topic pages, targets, agencies,
 * similar provisions, the curation report, the provision pages and the open
 * data. A hand edit that breaks it stops the build with the field named; the
 * fix is always `npm run ingest`.
 */
import { z } from 'zod';
import { apparatusSchema } from './open-data.ts';

const anchor = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
  message:
    'an anchor is lower-case ASCII words and numbers joined by hyphens (s3-4-15); run `npm run ingest` instead of editing clause data.',
});

// Strict: a field ingest starts writing must be added here first, so nothing is written that no reader knows of.
export const clauseRecordSchema = z.strictObject({
  /** The anchor (#s3-4-15), from the document's own numbering; never changes once published. */
  id: anchor,
  /** part (附件1, 印发通知), provision (a numbered clause) or para (an unnumbered paragraph). */
  kind: z.enum(['part', 'provision', 'para']),
  /** The enclosing clause's id (a provision's parent provision, or its part). */
  parent: anchor.optional(),
  /** Nesting depth of a provision (1 = 一、). */
  depth: z.number().int().min(0).max(7).optional(),
  /** The printed number (一、 （一） 1.), or a part's printed label line. */
  num: z.string().optional(),
  /** The provision's heading, or the part's title. */
  title: z.string().optional(),
  /**
   * A provision's heading as printed (its number and title or lead sentence,
   * 15.改革薪酬分配制度。): how many characters (code points) of `text` it is.
   * The page sets it as the heading and the rest of the line as body text;
   * the search index does the same.
   */
  head: z.number().int().min(0).optional(),
  /** The citation label: 第三部分（四）第15项. */
  cite: z.string(),
  /** The clause's own text: a provision's heading line and its own paragraphs, one per line. */
  text: z.string(),
  /** Responsible agencies as the 责任单位 line writes them. */
  agencies: z
    .object({ lead: z.array(z.string()), partners: z.array(z.string()), raw: z.string(), basis: z.string().optional() })
    .optional(),
  /** Old anchors kept for this clause (manifest `aliases`). */
  aliases: z.array(anchor).optional(),
  /** Corrections, repairs, notes … at their place in `text` (src/schemas/open-data.ts). */
  apparatus: z.array(apparatusSchema).optional(),
});
export type ClauseRecord = z.infer<typeof clauseRecordSchema>;

export const clauseDataSchema = z.array(clauseRecordSchema);
