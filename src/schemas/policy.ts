/**
 * Metadata of a policy document: written by editors in the ingest manifest
 * (ingest/manifests/<slug>.json) and copied by ingest into the MDX frontmatter,
 * where src/content.config.ts validates it again. Messages speak to authors.
 */
import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    message:
      'Write dates as YYYY-MM-DD, e.g. 2019-10-13. Leave the field out when the text does not give the date; never guess.',
  })
  .refine(isCalendarDate, {
    message:
      'This date does not exist (month 01–12, day within the month). Copy it again from the text, e.g. 2019-10-13.',
  });

/** True for a YYYY-MM-DD string naming a real day (2025-02-30 and 2025-13-45 are not). */
export function isCalendarDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * The dates a document or its web page gives, each only when printed:
 * 成文 (under the signature), 发布 (the page's or table's publication date),
 * 生效 (施行/生效日期), 废止 (a 信息公开 table's 废止日期).
 */
export const datesSchema = z.object({
  written: isoDate.optional(),
  published: isoDate.optional(),
  effective: isoDate.optional(),
  repealed: isoDate.optional(),
});

/**
 * One field of the metadata a web page shows around the text (a 信息公开 table,
 * an encyclopedia infobox): label and value as printed, and where it stood.
 * Ingest takes these lines out of the text by a named rule; they are kept here.
 */
export const pageMetaSchema = z.object({
  label: z.string().min(1),
  value: z.string(),
  /** e.g. 信息公开表（原文第3行）or 百科信息框（原文第5行）. */
  from: z.string().min(1),
});

export const regionSchema = z.object({
  /** 省级：广东省、山西省、北京市、西藏自治区… */
  province: z.string().min(2, { message: 'region.province is the province-level unit, e.g. 广东省 or 北京市.' }),
  /** 地市级：大同市、拉萨市… (leave out for a province-wide document) */
  city: z.string().optional(),
  /** 区县级：昌平区… */
  district: z.string().optional(),
});

export const policyMetaSchema = z.object({
  /** Full official title. When the scraped text lost it, editors supply it and set `titleSupplied`. */
  title: z
    .string()
    .trim()
    .min(4, { message: 'title is the full official title of the document (it may not be blank).' }),
  /** True when the title is not in the source text and was supplied by editors. */
  titleSupplied: z.boolean().default(false),
  /** Why and how the title was supplied (shown next to the supplied title). */
  titleNote: z.string().optional(),
  /**
   * Short name used in lists, citations of related provisions and search results, e.g. 广东医共体方案.
   * Editor-supplied, so optional: without it the site labels the document with its title.
   */
  shortTitle: z
    .string()
    .min(2)
    .max(16, { message: 'shortTitle should be at most 16 characters; it labels links to this document.' })
    .optional(),
  /** Issuing body as the text gives it (joint issuers separated by a space). Leave out when the text does not say; never guess. */
  issuer: z.string().optional(),
  /** Each issuing body, when several issue the document jointly. */
  issuers: z.array(z.string().min(2)).optional(),
  /** Document number exactly as printed, e.g. 粤府办〔2019〕18号 (with 〔〕). */
  docNumber: z
    .string()
    .regex(/〔\d{4}〕\d+号$/, {
      message: 'docNumber must be written as printed, with 〔〕 brackets, e.g. 粤府办〔2019〕18号.',
    })
    .optional(),
  /** Date of issue (or of the text) when the text gives it. */
  date: isoDate.optional(),
  /** Every date the text or page gives (成文, 发布, 生效, 废止), when it gives more than one kind. */
  dates: datesSchema.optional(),
  /** The year the document belongs to, used for sorting and filters; explain estimates in `dateNote`. */
  year: z.number().int().min(1949).max(2100),
  /** How the date or year was established when the text does not print it. */
  dateNote: z.string().optional(),
  region: regionSchema,
  /** 文种：实施方案、工作举措、工作总结、通知 … */
  kind: z.string().min(2),
  /** 正式 for a published text, 征求意见稿 for a consultation draft. */
  status: z.enum(['正式', '征求意见稿'], { message: 'status is 正式 or 征求意见稿.' }),
  /** Where the scraped text came from. */
  source: z.object({
    /** The website the text was copied from, as far as the page shows it. */
    site: z.string(),
    /** Anything else known about the copy (reposted from, source line, …). */
    note: z.string().optional(),
    /** Address of the page the text was copied from, when it was recorded. */
    url: z
      .url({
        message:
          'source.url is the full address of the page the text was copied from, e.g. https://www.lasa.gov.cn/…; leave it out when it was not recorded.',
      })
      .optional(),
    /**
     * official: the issuing government's own publication (its website or gazette);
     * reprint: a copy on another site; unknown: cannot be told. Ingest derives it
     * when left out (ingest/source-publisher.ts); set it when the derivation is wrong.
     */
    publisher: z
      .enum(['official', 'reprint', 'unknown'], { message: 'source.publisher is official, reprint or unknown.' })
      .optional(),
  }),
  /**
   * One sentence for lists and the page description (about 60–120 characters).
   * Editor-supplied, so optional: a draft without it is listed without a summary.
   */
  summary: z
    .string()
    .min(20, { message: 'summary is one sentence of 20–160 characters saying what the document does.' })
    .max(160)
    .optional(),
  /** Editors' notes shown in the document's metadata block. */
  editorialNotes: z.array(z.string()).default([]),
  /** Metadata the web page showed in a table or infobox, with where it stood. */
  pageMeta: z.array(pageMetaSchema).optional(),
  /** Meta fields that editors supplied although the text does not give them (e.g. region.province). */
  supplied: z.array(z.string()).optional(),
});

export type PolicyMeta = z.infer<typeof policyMetaSchema>;

export const correctionSchema = z.object({
  n: z.number().int(),
  original: z.string(),
  corrected: z.string(),
  reason: z.string(),
  /** Anchor of the clause it is in ('' for the title block). */
  clause: z.string().default(''),
});

/** Frontmatter written by ingest into src/content/policies/<slug>.mdx. */
export const policyFrontmatterSchema = policyMetaSchema.extend({
  /** The seed file in seeds/ this document was made from. */
  seed: z.string(),
  /** Notice that the source text breaks off, when it does. */
  truncated: z.string().optional(),
  /** The corrections (repairs and editor's notes are in the cleaning report and the clause data). */
  corrections: z.array(correctionSchema).default([]),
});
export type PolicyFrontmatter = z.infer<typeof policyFrontmatterSchema>;
