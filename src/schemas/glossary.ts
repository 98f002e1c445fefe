/**
 * A glossary entry: src/content/glossary/<id>.json. The file name is the id
 * and the URL (/glossary/<id>/). Messages speak to the author of the entry.
 */
import { z } from 'zod';

export const GLOSSARY_CATEGORIES = [
  '医保支付',
  '人事薪酬',
  '党建',
  '服务体系',
  '医院管理',
  '公共卫生',
  '中医药',
  '信息化',
  '人才队伍',
  '医疗服务',
  '药品耗材',
  '绩效考核',
  '改革机制',
] as const;

/** No leading or trailing whitespace (also not the full-width space U+3000). */
const unpadded = (s: string) => s === s.trim();

export const glossaryEntrySchema = z.object({
  /** The term as readers know it, e.g. 两个允许, DRG. */
  term: z
    .string()
    .refine((t) => [...t].length >= 2, {
      message:
        'term is the word or phrase itself, e.g. 两个允许; a term of one character would be marked everywhere it occurs (every 院 in 医院), so use at least two.',
    })
    .refine(unpadded, {
      message: 'term has spaces before or after it; write it without them (the text is matched as written).',
    }),
  /**
   * Other forms that occur in the texts: abbreviations, full names and
   * spelled-out forms. Each is marked in the text and leads to this entry.
   */
  aliases: z
    .array(
      z
        .string()
        .refine(unpadded, {
          message:
            'this alias has spaces before or after it; write it without them (" DRG" would never match the text, or match only next to a space).',
        })
        .refine((a) => [...a].length >= 2, {
          message: 'An alias of one character would match everywhere; use at least two.',
        }),
    )
    .default([]),
  /** Tooltip definition: one or two sentences, about 80 characters. */
  short: z.string().min(8, { message: 'short is the tooltip definition: one or two sentences.' }).max(100, {
    message: 'short is shown in a tooltip: keep it under 100 characters and move detail to `explanation`.',
  }),
  /** Fuller explanation for the term page. */
  explanation: z.string().min(20, { message: 'explanation is the fuller text for the term page (a few sentences).' }),
  /** The English term used in the literature. */
  english: z.string().min(2, {
    message: 'english is the English term used in the literature, e.g. Diagnosis-Related Groups (DRG) payment.',
  }),
  /** One of the glossary's categories. */
  category: z.enum(GLOSSARY_CATEGORIES, { message: `category must be one of ${GLOSSARY_CATEGORIES.join('、')}.` }),
  /** The national policy that introduced or defines the term, when known. Never guess a number or date. */
  source: z
    .object({
      title: z.string().min(2),
      docNumber: z
        .string()
        .regex(/〔\d{4}〕\d+号$/, {
          message: 'docNumber is written as printed, e.g. 国办发〔2021〕18号; leave it out if unsure.',
        })
        .optional(),
      note: z.string().optional(),
    })
    .optional(),
  /** Ids (file names without .json) of related entries. */
  related: z
    .array(
      z.string().regex(/^[a-z0-9-]+$/, { message: 'related lists entry ids (file names without .json), e.g. drg.' }),
    )
    .default([]),
});

export type GlossaryEntryData = z.infer<typeof glossaryEntrySchema>;
export interface GlossaryEntry extends GlossaryEntryData {
  id: string;
}
