/**
 * The per-document manifest (ingest/manifests/<slug>.json): the document's
 * metadata plus every document-specific decision ingest takes, each with a
 * reason. Validated with zod; errors name the file and the field.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { policyMetaSchema } from '../src/schemas/policy.ts';
import { IngestError } from './errors.ts';

const reason = z.string().min(4, { message: 'Every decision needs a reason of a few words, shown in the provenance report.' });

export const manifestSchema = z.object({
  /** File name of the raw seed in seeds/, copied byte for byte and never edited. */
  seed: z.string().regex(/^[\w.-]+\.txt$/, { message: 'seed is a file name in seeds/, e.g. 000_da7eb2e767899d25.txt.' }),
  /** URL slug: lower-case ASCII letters, digits and hyphens. */
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'slug must be lower-case ASCII words joined by hyphens, e.g. guangdong-yigongti.' }),
  /** `traditional` when the text reached us converted to Traditional characters. */
  script: z.enum(['simplified', 'traditional']).default('simplified'),
  meta: policyMetaSchema,
  /** Mojibake repairs on the raw text: `find` is copied byte for byte from the seed. */
  repairs: z.array(z.object({ find: z.string().min(1), replace: z.string(), reason, count: z.number().int().min(1).default(1) })).default([]),
  /** Whole lines of page furniture no generic rule recognises (site name …). */
  furniture: z.array(z.object({ line: z.string().min(1), reason })).default([]),
  /** Editorial corrections on the clean text, shown on the page as corrections. */
  corrections: z.array(z.object({ find: z.string().min(1), replace: z.string(), reason, count: z.number().int().min(1).default(1) })).default([]),
  /** Notice shown where the source text breaks off. */
  truncated: z.string().optional(),
  /**
   * Parts of the document after the first (the notice is first when there is one):
   * `start` is the first line of the part as it reads after cleaning, `titleLines`
   * how many lines form its heading.
   */
  parts: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9]*$/, { message: 'part id is a short ASCII prefix for anchors, e.g. fj1 (or empty for the main text).' }),
        label: z.string(),
        kind: z.enum(['notice', 'main', 'attachment', 'table']),
        start: z.string().min(1),
        titleLines: z.number().int().min(0).default(0),
        /** Overrides the document's `agencyRoles` inside this part. */
        agencyRoles: z.enum(['explicit', 'first-leads', 'all-lead']).optional(),
        /** Shown as the basis of the roles, e.g. the attachment's own note 排在第一位的为牵头单位. */
        agencyBasis: z.string().optional(),
      }),
    )
    .default([]),
  /** Lines at the start of the text that are what survives of the title block (kept, shown as the original heading). */
  headLines: z.number().int().min(0).default(0),
  /** How to read agency parentheticals that do not name the lead: `first-leads` or `all-lead`. */
  agencyRoles: z.enum(['explicit', 'first-leads', 'all-lead']).default('explicit'),
});
export type Manifest = z.infer<typeof manifestSchema>;

export function parseManifest(json: string, file: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new IngestError(`not valid JSON: ${(e as Error).message}`, { file, hint: 'Check commas and quotes; JSON allows no comments.' });
  }
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new IngestError(`${first.path.join('.') || '(root)'}: ${first.message}`, {
      file,
      hint: 'See ingest/README.md for the manifest fields.',
    });
  }
  return parsed.data;
}

export function loadManifests(dir: string): { manifest: Manifest; file: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const manifest = parseManifest(readFileSync(file, 'utf8'), file);
      if (`${manifest.slug}.json` !== f) {
        throw new IngestError(`slug "${manifest.slug}" does not match the file name`, { file, hint: `Rename the file to ${manifest.slug}.json or change the slug.` });
      }
      return { manifest, file };
    });
}
