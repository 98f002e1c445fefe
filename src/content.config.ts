/**
 * Content collections. The policy documents are written by `npm run ingest`
 * (never by hand); their frontmatter is checked against the same schema ingest
 * used, so a hand edit that breaks it stops the build with the field named.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { policyLoader } from './loaders/policies.ts';
import { policyFrontmatterSchema } from './schemas/policy.ts';
import { glossaryEntrySchema } from './schemas/glossary.ts';
import { cleaningReportSchema } from './schemas/report.ts';
import { renderingSchema } from './schemas/rendering.ts';
import { CONTENT } from './lib/data/paths.ts';

/**
 * Rendered to HTML by the loader (src/loaders/policies.ts), not compiled to
 * JavaScript. Besides the frontmatter, each entry carries where the loader
 * put what rendering produced (set by the loader, not by authors; kept out
 * of the store, which Astro inlines into its server bundle).
 */
const policies = defineCollection({
  loader: policyLoader(),
  schema: policyFrontmatterSchema.extend({
    rendering: renderingSchema,
  }),
});

/** Cleaning reports written by ingest next to each document (rendered as the provenance section). */
const reports = defineCollection({
  loader: glob({ pattern: '*.json', base: CONTENT.reports }),
  schema: cleaningReportSchema,
});

/**
 * Glossary entries, one JSON file each; the file name is the id and URL.
 * Cross-entry checks (aliases claimed twice, unknown related terms) run in
 * src/lib/glossary/load.ts when the remark plugin starts.
 */
const glossary = defineCollection({
  loader: glob({ pattern: '*.json', base: CONTENT.glossary }),
  schema: glossaryEntrySchema,
});

export const collections = { policies, reports, glossary };
