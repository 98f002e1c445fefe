/**
 * Quantitative targets and reported figures (src/content/targets.json), each
 * tied to the clause whose text states it. `value` is copied verbatim from the
 * text; tests check that it is really there.
 */
import { z } from 'zod';

export const targetSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, { message: 'id is a unique lower-case ASCII slug.' }),
  /** The indicator as the text words it, e.g. 县域内就诊率. */
  indicator: z.string().min(2),
  /** The same key for comparable indicators across documents, e.g. xianyu-jiuzhenlv. */
  key: z
    .string()
    .regex(/^[a-z0-9-]+$/, { message: 'key is an ASCII slug shared by comparable indicators, e.g. xianyu-jiuzhenlv.' }),
  /** The figure exactly as written in the clause, e.g. 90%左右. */
  value: z.string().min(1),
  number: z.number(),
  unit: z.string(),
  comparison: z.enum(['min', 'max', 'about', 'exact']),
  year: z.number().int().min(1990).max(2100),
  /** The deadline words of the text, e.g. 到2020年底. */
  deadline: z.string(),
  status: z.enum(['target', 'achieved', 'baseline']),
  doc: z.string(),
  clause: z.string(),
  topic: z.string().optional(),
  note: z.string().optional(),
});
export const targetsSchema = z.array(targetSchema);
export type Target = z.infer<typeof targetSchema>;
