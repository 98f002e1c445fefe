/**
 * The per-document manifest (ingest/manifests/<slug>.json): the document's
 * metadata plus every document-specific decision ingest takes, each with a
 * reason. Validated with zod; errors name the file and the field.
 */
import { PART_KINDS } from '../src/render/policy/contract.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { policyMetaSchema, regionSchema } from '../src/schemas/policy.ts';
import { IngestError } from './errors.ts';

/**
 * The manifest's `meta`: the site's metadata schema, but refusing unknown keys
 * (a misspelt field would otherwise vanish silently), and with the fields a
 * freshly drafted manifest may not have yet: `shortTitle` (ingest derives one
 * from the title), `year` (ingest takes it from the dates or the 文号) and
 * `source` (shown as 未注明).
 */
export const manifestMetaSchema = policyMetaSchema
  .extend({
    shortTitle: policyMetaSchema.shape.shortTitle.optional(),
    year: policyMetaSchema.shape.year.optional(),
    source: policyMetaSchema.shape.source.strict().optional(),
    region: regionSchema.strict(),
  })
  .strict();
export type ManifestMeta = z.infer<typeof manifestMetaSchema>;

const reason = z
  .string()
  .min(4, { message: 'Every decision needs a reason of a few words, shown in the provenance report.' });

/**
 * A document's URL slug: lower-case ASCII words joined by hyphens, with at
 * least one letter. A slug of digits only (`2`) would be the address of a
 * list's second page (/curation/2/, /agencies/2/).
 */
export const SLUG = /^(?=[a-z0-9-]*[a-z])[a-z0-9]+(-[a-z0-9]+)*$/u;
export const SLUG_HINT =
  'slug must be lower-case ASCII words joined by hyphens, with at least one letter, e.g. guangdong-yigongti (digits alone would clash with list pages such as /curation/2/).';

export const manifestSchema = z
  .object({
    /** File name of the raw seed in seeds/, copied byte for byte and never edited. */
    seed: z
      .string()
      .regex(/^[\w.-]+\.txt$/, { message: 'seed is a file name in seeds/, e.g. 000_da7eb2e767899d25.txt.' }),
    /** URL slug: lower-case ASCII letters, digits and hyphens, with at least one letter. */
    slug: z.string().regex(SLUG, { message: SLUG_HINT }),
    /**
     * `traditional` when the text reached us converted to Traditional characters;
     * left out, ingest tells from the text itself (see rules/detect-script.ts).
     */
    script: z.enum(['simplified', 'traditional']).optional(),
    meta: manifestMetaSchema,
    /**
     * Mojibake repairs on the raw text: `find` is copied byte for byte from the seed,
     * `replace` is the reconstruction (Simplified). Ingest re-encodes each reconstruction
     * in GBK in the page's script and refuses one whose bytes cannot give the damaged
     * text (ingest/repair-verify.ts). Repairs are numbered 〔修1〕… in the order listed
     * here, so adding one never renumbers the others.
     */
    repairs: z
      .array(
        z
          .object({
            find: z.string().min(1),
            replace: z.string(),
            reason,
            count: z.number().int().min(1).default(1),
            /** The reconstruction is a guess the bytes do not settle: shown as 存疑 on the page and in the data. */
            uncertain: z.boolean().default(false),
            /** `none` when the damage is not a GBK byte shift, so the bytes cannot check the repair (say why in `reason`). */
            check: z.enum(['gbk', 'none']).default('gbk'),
          })
          .strict(),
      )
      .default([]),
    /** Whole lines of page furniture no generic rule recognises (site name …). */
    furniture: z.array(z.object({ line: z.string().min(1), reason }).strict()).default([]),
    /**
     * Editorial corrections of clear slips on the clean text, shown on the page as
     * corrections 〔校1〕… numbered in the order listed here.
     */
    corrections: z
      .array(
        z
          .object({ find: z.string().min(1), replace: z.string(), reason, count: z.number().int().min(1).default(1) })
          .strict(),
      )
      .default([]),
    /**
     * Editor's notes on readings that look wrong but are not certain enough to
     * correct: the text stays as printed, `find` (written as the clean text reads,
     * like a correction) is marked 〔注1〕… and the note is shown with it.
     */
    notes: z
      .array(
        z
          .object({
            find: z.string().min(1),
            note: z
              .string()
              .min(4, { message: "An editor's note says in a sentence what looks wrong and what the text may mean." }),
            count: z.number().int().min(1).default(1),
          })
          .strict(),
      )
      .default([]),
    /**
     * Old anchors that a structural fix moved: `from` (the old id) keeps working
     * as an alias of `to` on the page and is listed in the clause data. Ingest
     * refuses to drop an anchor the committed clause data has without one.
     */
    aliases: z
      .array(
        z
          .object({
            from: z.string().regex(/^[a-z0-9-]+$/u, { message: 'an alias is an old anchor id (a-z, 0-9, hyphens).' }),
            to: z.string().regex(/^[a-z0-9-]+$/u),
            reason,
          })
          .strict(),
      )
      .default([]),
    /** Notice shown where the source text breaks off. */
    truncated: z.string().optional(),
    /**
     * Parts of the document after the first (the notice is first when there is one):
     * `start` is the first line of the part as it reads after cleaning, `titleLines`
     * how many lines form its heading. `colophon` is the 版记 of a printed document
     * (抄送：…, the office and date it was printed, 联系人): official text, kept after
     * the text as a part of its own rather than as paragraphs of the last provision.
     */
    parts: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9]*$/, {
              message: 'part id is a short ASCII prefix for anchors, e.g. fj1 (or empty for the main text).',
            }),
            label: z.string(),
            kind: z.enum(PART_KINDS),
            start: z.string().min(1),
            titleLines: z.number().int().min(0).default(0),
            /** Overrides the document's `agencyRoles` inside this part. */
            agencyRoles: z.enum(['explicit', 'first-leads', 'all-lead']).optional(),
            /** Shown as the basis of the roles, e.g. the attachment's own note 排在第一位的为牵头单位. */
            agencyBasis: z.string().optional(),
            /** Why a part without title lines has none (shown with its supplied label), e.g. 原网页未载通知标题. */
            titleNote: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
    /** Lines at the start of the text that are what survives of the title block (kept, shown as the original heading). */
    headLines: z.number().int().min(0).default(0),
    /** How to read agency parentheticals that do not name the lead: `first-leads` or `all-lead`. */
    agencyRoles: z.enum(['explicit', 'first-leads', 'all-lead']).default('explicit'),
  })
  .strict();
export type Manifest = z.infer<typeof manifestSchema>;

export function parseManifest(json: string, file: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new IngestError(`not valid JSON: ${(e as Error).message}`, {
      file,
      hint: 'Check commas and quotes; JSON allows no comments.',
    });
  }
  const bad = findUnsafeChars(data);
  if (bad) {
    throw new IngestError(`${bad.path || '(root)'}: holds the invisible character U+${bad.code} (${bad.what})`, {
      file,
      hint: 'Retype the value without it: control and bidi-override characters would corrupt the pages and feed.xml, or make text read differently from how it is stored.',
    });
  }
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const unknown =
      first.code === 'unrecognized_keys'
        ? ` (unknown field${first.keys.length > 1 ? 's' : ''} ${first.keys.map((k) => JSON.stringify(k)).join(', ')})`
        : '';
    throw new IngestError(`${first.path.join('.') || '(root)'}: ${first.message}${unknown}`, {
      file,
      hint: unknown
        ? 'Check the spelling against the fields in ingest/manifest.ts; unknown fields are refused, not ignored.'
        : 'See ingest/README.md for the manifest fields.',
    });
  }
  const m = parsed.data;
  // The date a document was written belongs to its year; publication and
  // effect may fall in the next one, so only these two are checked.
  const dated: [string, string | undefined][] = [
    ['meta.date', m.meta.date],
    ['meta.dates.written', m.meta.dates?.written],
  ];
  for (const [path, v] of dated) {
    if (v && m.meta.year !== undefined && Number(v.slice(0, 4)) !== m.meta.year) {
      throw new IngestError(`${path}: ${v} lies outside the document's year ${m.meta.year}`, {
        file,
        hint: 'Correct the date or the year; when the year is an estimate, explain it in meta.dateNote.',
      });
    }
  }
  return m;
}

/**
 * C0/C1 control characters (other than tab and newline) and the bidi
 * overrides/isolates (Trojan Source) in any string of the manifest.
 */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
export function findUnsafeChars(value: unknown, path = ''): { path: string; code: string; what: string } | undefined {
  if (typeof value === 'string') {
    const m = UNSAFE.exec(value);
    if (!m) return undefined;
    const c = m[0].codePointAt(0)!;
    return {
      path,
      code: c.toString(16).toUpperCase().padStart(4, '0'),
      what: c >= 0x200e ? 'a bidi control' : 'a control character',
    };
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const r = findUnsafeChars(v, `${path}[${i}]`);
      if (r) return r;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const r = findUnsafeChars(k, path) ?? findUnsafeChars(v, path ? `${path}.${k}` : k);
      if (r) return r;
    }
  }
  return undefined;
}

export function loadManifests(dir: string): { manifest: Manifest; file: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const manifest = parseManifest(readFileSync(file, 'utf8'), file);
      if (`${manifest.slug}.json` !== f) {
        throw new IngestError(`slug "${manifest.slug}" does not match the file name`, {
          file,
          hint: `Rename the file to ${manifest.slug}.json or change the slug.`,
        });
      }
      return { manifest, file };
    });
}
