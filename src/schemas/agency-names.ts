/**
 * The agency-name table (src/content/agency-names.json): how the texts'
 * short names become canonical agencies. Messages speak to editors.
 */
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'ids are lower-case ASCII words joined by hyphens, e.g. weijian or gongan-changping.' });

export const agencyFormSchema = z.object({
  /** The id part of the agency, after the place code: datong-<id>. */
  id,
  /** The body's full name without its place, e.g. 卫生健康委员会. */
  full: z.string().min(2, { message: 'full is the full name without the place, e.g. 卫生健康委员会.' }),
  /** Short forms the texts write after the level word (市卫健委 → 卫健委). The full name is always a form too. */
  forms: z.array(z.string().min(2, { message: 'a form of one character would match too much; use at least two.' })),
});

export const agencyExactSchema = z.object({
  /** The name exactly as a text writes it (no level word to read). */
  name: z.string().min(2),
  id,
  /** The canonical full name. */
  full: z.string().min(2),
});

export const agencyNamesSchema = z.object({
  $comment: z.string().optional(),
  forms: z.array(agencyFormSchema),
  exact: z.array(agencyExactSchema).default([]),
  /**
   * Readable codes for places, keyed by the place's full path as the
   * documents' regions give it (山西省大同市, 北京市昌平区, 广东省). A place not
   * listed gets a code made from a hash of its path (stable, but not
   * readable); add it here to give its agencies readable URLs.
   */
  places: z.record(z.string().min(2), id).default({}),
});
export type AgencyNames = z.infer<typeof agencyNamesSchema>;
