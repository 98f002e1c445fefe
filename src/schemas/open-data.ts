/**
 * The open-data files (/data/<slug>.json, /data/catalog.json): their shape is
 * the public contract, documented field by field in the README and checked
 * against the built files by the tests.
 */
import { z } from 'zod';

export const openAgenciesSchema = z.object({
  raw: z.string(),
  lead: z.array(z.object({ id: z.string(), name: z.string(), asWritten: z.string() })),
  partners: z.array(z.object({ id: z.string(), name: z.string(), asWritten: z.string() })),
  basis: z.string().optional(),
});

export type OpenClause = {
  id: string;
  kind: 'part' | 'provision' | 'para';
  depth?: number;
  num?: string;
  title?: string;
  cite: string;
  url: string;
  text: string;
  agencies?: z.infer<typeof openAgenciesSchema>;
  topics: string[];
  glossary: string[];
  children: OpenClause[];
};

export const openClauseSchema: z.ZodType<OpenClause> = z.lazy(() =>
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    kind: z.enum(['part', 'provision', 'para']),
    depth: z.number().int().min(0).max(4).optional(),
    num: z.string().optional(),
    title: z.string().optional(),
    cite: z.string(),
    url: z.url(),
    text: z.string(),
    agencies: openAgenciesSchema.optional(),
    topics: z.array(z.string()),
    glossary: z.array(z.string()),
    children: z.array(openClauseSchema),
  }),
);

export const openMetaSchema = z.object({
  slug: z.string(),
  title: z.string(),
  titleSupplied: z.boolean(),
  shortTitle: z.string(),
  issuer: z.string().optional(),
  docNumber: z.string().optional(),
  date: z.string().optional(),
  year: z.number().int(),
  region: z.object({ province: z.string(), city: z.string().optional(), district: z.string().optional() }),
  kind: z.string(),
  status: z.enum(['正式', '征求意见稿']),
  /** Absent until editors write one (a freshly added document). */
  summary: z.string().optional(),
  url: z.url(),
  files: z.object({ txt: z.url(), md: z.url(), json: z.url() }),
});

export const openDocumentSchema = z.object({
  format: z.literal('yigai-policy/1'),
  document: openMetaSchema.extend({ source: z.object({ site: z.string(), note: z.string().optional() }), editorialNotes: z.array(z.string()), truncated: z.string().optional() }),
  clauses: z.array(openClauseSchema),
});

export const catalogSchema = z.object({
  format: z.literal('yigai-catalog/1'),
  site: z.url(),
  documents: z.array(openMetaSchema),
});
