/**
 * Content collections. The policy documents are written by `npm run ingest`
 * (never by hand); their frontmatter is checked against the same schema ingest
 * used, so a hand edit that breaks it stops the build with the field named.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { policyLoader } from './loaders/policies.ts';
import { z } from 'astro/zod';
import { policyFrontmatterSchema } from './schemas/policy.ts';
import { glossaryEntrySchema } from './schemas/glossary.ts';

/**
 * Rendered to HTML by the loader (src/loaders/policies.ts), not compiled to
 * JavaScript. Besides the frontmatter, each entry carries where the loader
 * put what rendering produced (set by the loader, not by authors; kept out
 * of the store, which Astro inlines into its server bundle).
 */
const policies = defineCollection({
  loader: policyLoader(),
  schema: policyFrontmatterSchema.extend({
    rendering: z.object({
      /** The rendered text (read it with policyHtml()). */
      htmlFile: z.string(),
      /** Glossary terms marked in the text and documents it cites, with anchors (read them with policyRendering()). */
      dataFile: z.string(),
      /** Digest of everything the document's own pages are made from (incremental builds: src/build/changed-documents.ts). */
      pages: z.string(),
    }),
  }),
});

/** Cleaning reports written by ingest next to each document (rendered as the provenance section). */
const reports = defineCollection({
  loader: glob({ pattern: '*.json', base: './src/content/reports' }),
  schema: z.object({
    seed: z.string(),
    sourceChars: z.number(),
    cleanChars: z.number(),
    rules: z.array(
      z.object({
        rule: z.string(),
        label: z.string(),
        edits: z.number(),
        removedChars: z.number(),
        addedChars: z.number(),
        examples: z.array(z.object({ from: z.string(), to: z.string() })),
      }),
    ),
    /** One per repaired place, numbered as marked in the text (〔修n〕). */
    repairs: z.array(z.object({
      n: z.number(), find: z.string(), bytes: z.string(), replace: z.string(), reason: z.string(), uncertain: z.boolean(), clause: z.string(),
      check: z.object({ status: z.enum(['verified', 'unverifiable']), confirmed: z.string().optional(), fromContext: z.string().optional(), why: z.string().optional() }),
    })),
    corrections: z.array(z.object({ n: z.number(), find: z.string(), replace: z.string(), reason: z.string(), clause: z.string() })),
    notes: z.array(z.object({ n: z.number(), text: z.string(), note: z.string(), clause: z.string() })),
  }),
});

/**
 * Glossary entries, one JSON file each; the file name is the id and URL.
 * Cross-entry checks (aliases claimed twice, unknown related terms) run in
 * src/lib/glossary/load.ts when the remark plugin starts.
 */
const glossary = defineCollection({
  loader: glob({ pattern: '*.json', base: './src/content/glossary' }),
  schema: glossaryEntrySchema,
});

export const collections = { policies, reports, glossary };
