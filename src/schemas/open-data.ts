/**
 * The open-data files (/data/<slug>.json, /data/catalog.json): their shape is
 * the public contract, documented field by field in the README and checked
 * against the built files by the tests.
 */
import { z } from 'zod';

/**
 * A page or file of the site: an absolute URL when the build knew the site's
 * address (SITE), else its path from the host's root (/policies/x/), never a
 * made-up host (src/lib/url.ts absolute()).
 */
const siteUrl = z.string().refine((s) => s.startsWith('/') || URL.canParse(s), {
  message: 'a URL, or a path from the root when the site was built without SITE',
});

/**
 * One responsible agency of a clause. `match` says how its canonical name was
 * found: `exact` (listed in the agency table), `pattern` (read from the
 * document's region and a known short form: 州卫健委 → 海南藏族自治州卫生健康委员会)
 * or `unresolved` (not read: `name` is the name as written and there is no `id`).
 */
export const openAgencySchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional(),
    name: z.string(),
    asWritten: z.string(),
    match: z.enum(['exact', 'pattern', 'unresolved']),
  })
  .refine((a) => (a.match === 'unresolved') === (a.id === undefined), {
    message: 'an agency has an id exactly when its name was read (match exact or pattern).',
  });
export type OpenAgency = z.infer<typeof openAgencySchema>;

export const openAgenciesSchema = z.object({
  raw: z.string(),
  lead: z.array(openAgencySchema),
  partners: z.array(openAgencySchema),
  basis: z.string().optional(),
});

/**
 * The editorial apparatus of a clause: everything editors changed, reconstructed,
 * doubted or supplied at that place, with the original and the reason. `at` and
 * `length` count characters (Unicode code points) of the clause's `text`; a
 * provision's marks lie in its first line (heading and body), a paragraph's in
 * its own text. Written by ingest into the clause data, published in
 * /data/<slug>.json unchanged.
 */
export const repairCheckSchema = z.union([
  z.object({
    status: z.literal('verified'),
    encoding: z.literal('gbk'),
    confirmed: z.string(),
    fromContext: z.string(),
  }),
  z.object({ status: z.literal('unverifiable'), why: z.string() }),
]);
export const apparatusSchema = z.discriminatedUnion('type', [
  /** An editorial correction: `text` is the corrected reading, `original` what the source had. */
  z.object({
    type: z.literal('correction'),
    n: z.number().int(),
    at: z.number().int(),
    length: z.number().int(),
    text: z.string(),
    original: z.string(),
    context: z.object({ original: z.string(), corrected: z.string() }),
    reason: z.string(),
  }),
  /** A mojibake repair: `text` is the reconstruction, `original` the damaged text of the seed. */
  z.object({
    type: z.literal('repair'),
    n: z.number().int(),
    at: z.number().int(),
    length: z.number().int(),
    text: z.string(),
    original: z.string(),
    uncertain: z.boolean(),
    check: repairCheckSchema,
    reason: z.string(),
  }),
  /** An editor's note on a reading kept as printed. */
  z.object({
    type: z.literal('note'),
    n: z.number().int(),
    at: z.number().int(),
    length: z.number().int(),
    text: z.string(),
    note: z.string(),
  }),
  /** An image the scraped page lost: only its file name survives. */
  z.object({ type: z.literal('missing-image'), file: z.string(), note: z.string() }),
  /** A label or title supplied by editors because the source has none. */
  z.object({ type: z.literal('supplied-title'), text: z.string(), reason: z.string() }),
  /** The source text breaks off here. */
  z.object({ type: z.literal('truncated'), at: z.number().int(), note: z.string() }),
]);
export type Apparatus = z.infer<typeof apparatusSchema>;

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
  /** Old anchors that still lead to this clause (a structural fix moved them). */
  aliases?: string[];
  apparatus: Apparatus[];
  topics: string[];
  glossary: string[];
  children: OpenClause[];
};

export const openClauseSchema: z.ZodType<OpenClause> = z.lazy(() =>
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    kind: z.enum(['part', 'provision', 'para']),
    depth: z.number().int().min(0).max(7).optional(),
    num: z.string().optional(),
    title: z.string().optional(),
    cite: z.string(),
    url: siteUrl,
    text: z.string(),
    agencies: openAgenciesSchema.optional(),
    aliases: z.array(z.string().regex(/^[a-z0-9-]+$/)).optional(),
    apparatus: z.array(apparatusSchema),
    topics: z.array(z.string()),
    glossary: z.array(z.string()),
    children: z.array(openClauseSchema),
  }),
);

export const openMetaSchema = z.object({
  slug: z.string(),
  title: z.string(),
  titleSupplied: z.boolean(),
  shortTitle: z.string().optional(),
  issuer: z.string().optional(),
  docNumber: z.string().optional(),
  date: z.string().optional(),
  year: z.number().int(),
  region: z.object({ province: z.string(), city: z.string().optional(), district: z.string().optional() }),
  kind: z.string(),
  status: z.enum(['正式', '征求意见稿']),
  /** Absent until editors write one (a freshly added document). */
  summary: z.string().optional(),
  url: siteUrl,
  files: z.object({ txt: siteUrl, md: siteUrl, json: siteUrl }),
});

export const openDocumentSchema = z.object({
  format: z.literal('yigai-policy/1'),
  document: openMetaSchema.extend({
    source: z.object({
      site: z.string(),
      note: z.string().optional(),
      url: z.url().optional(),
      publisher: z.enum(['official', 'reprint', 'unknown']).optional(),
    }),
    editorialNotes: z.array(z.string()),
    truncated: z.string().optional(),
    /** Document-level apparatus (a supplied document title); the rest sits at its clause. */
    apparatus: z.array(apparatusSchema),
  }),
  clauses: z.array(openClauseSchema),
});

/** Documents per catalog file (≈ 0.7 KiB each: a file stays near 1 MiB however large the library). */
export const CATALOG_PAGE = 1000;

/**
 * /data/catalog.json and, for a library of more than CATALOG_PAGE documents, its
 * further files (/data/catalog-2.json …): at most CATALOG_PAGE documents each,
 * newest first; `next` and `previous` link the files (like the pages of an
 * RFC 5005 feed), so a reader follows `next` until there is none.
 */
export const catalogSchema = z
  .object({
    format: z.literal('yigai-catalog/1'),
    site: siteUrl,
    /** Documents in the library, over all catalog files. */
    total: z.number().int().min(0),
    /** This file's number (1 for catalog.json) and how many files there are. */
    page: z.number().int().min(1),
    pages: z.number().int().min(1),
    /** The URL of the file before this one; absent on the first. */
    previous: siteUrl.optional(),
    /** The URL of the file after this one; absent on the last. */
    next: siteUrl.optional(),
    documents: z.array(openMetaSchema).max(CATALOG_PAGE, {
      message: 'a catalog file holds at most 1,000 documents; the rest go to the file `next` names.',
    }),
  })
  .refine((c) => c.page <= c.pages, { message: "page is one of the catalog's files: at most `pages`." })
  .refine((c) => c.page > 1 === (c.previous !== undefined) && c.page < c.pages === (c.next !== undefined), {
    message: 'every catalog file but the first names its `previous`, every one but the last its `next`.',
  });
