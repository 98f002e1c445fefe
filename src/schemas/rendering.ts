/**
 * What rendering a document finds, cached beside its rendered HTML
 * (src/loaders/policies.ts, data.rendering names the files) and read by the glossary term
 * pages and the cited-documents page: where each glossary term occurs, and
 * which other documents the text refers to. Written by the remark plugins
 * (remark-glossary, remark-references), whose types these schemas check.
 */
import { z } from 'zod';

/** One glossary term marked in the text. */
export const glossaryOccurrenceSchema = z.object({
  /** The glossary entry's id. */
  term: z.string(),
  /** Anchor of the paragraph or provision where the term occurs. */
  anchor: z.string(),
  /** The form found in the text. */
  form: z.string(),
  /** About 40 characters around the match. */
  snippet: z.string(),
  /** Citation label of a paragraph (provisions' labels are in the frontmatter outline). */
  cite: z.string().optional(),
});
export type GlossaryOccurrenceData = z.infer<typeof glossaryOccurrenceSchema>;

/** One reference to another document (a 《…》 title or a number such as 国办发〔2021〕18号). */
export const documentReferenceSchema = z.object({
  /** Stable id of the cited document (anchor on /cited/). */
  cid: z.string(),
  title: z.string().optional(),
  number: z.string().optional(),
  /** Issuing body as the title gives it (国务院办公厅关于… → 国务院办公厅). */
  issuer: z.string().optional(),
  /** Slug of the library document, when the cited document is in the library. */
  library: z.string().optional(),
  /** Where it is cited. */
  anchor: z.string(),
  /** The citation label of that place. */
  cite: z.string().optional(),
});
export type DocumentReferenceData = z.infer<typeof documentReferenceSchema>;

/** What rendering found in a document's text (the loader's cache file `<key>.json`, read with policyRendering()). */
export const renderedDataSchema = z.object({
  /** Glossary terms marked in the text, with anchors (for the term pages). */
  glossaryOccurrences: z.array(glossaryOccurrenceSchema),
  /** Documents the text cites, with anchors (for the cited-documents page). */
  references: z.array(documentReferenceSchema),
});
export type RenderedDataFile = z.infer<typeof renderedDataSchema>;

/**
 * data.rendering of a policy entry in Astro's data store: paths of the cached
 * files and the pages digest. The rendered text and what rendering found stay
 * out of the store, which Astro inlines into its server bundle.
 */
export const renderingSchema = z.object({
  /** The rendered text (read it with policyHtml()). */
  htmlFile: z.string(),
  /** Glossary terms marked in the text and documents it cites, with anchors (read them with policyRendering()). */
  dataFile: z.string(),
  /** Digest of everything the document's own pages are made from (incremental builds: src/build/changed-documents.ts). */
  pages: z.string(),
});
