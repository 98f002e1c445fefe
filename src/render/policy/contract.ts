/**
 * The element contract: every element a policy MDX document may hold, with
 * the attributes each takes. The one home of what ingest's MDX writer
 * (ingest/mdx/render-mdx.ts) writes and what the renderer (render.ts,
 * elements.ts) reads:
 *
 * - the writer builds every element through `mdxElement` / `mdxOpen`
 *   (ingest/mdx/element.ts), which check the attributes here before writing
 *   them, so ingest cannot write an attribute nothing reads, nor leave one out;
 * - the renderer checks every element it parses with `checkElement`
 *   (render.ts), so a hand edit with an unknown, missing or malformed
 *   attribute stops the build with the file, the line and a hint;
 * - remark-glossary builds its <Term> nodes with `jsxTextElement`
 *   (mdx-jsx.ts), checked here too.
 *
 * Values are strings, whole numbers, flags (a bare attribute: `supplied`) or
 * lists of strings, never code: the renderer reads {…} values as JSON.
 * Plain data, no file access (ingest and the render workers both load it).
 */
import { z } from 'zod';

/** The kinds of a document's parts (manifest `parts[].kind`): 通知, 正文, 附件, 表格, 版记 (colophon, the 抄送/印发 lines of a printed document). */
export const PART_KINDS = ['notice', 'main', 'attachment', 'table', 'colophon'] as const;
export type PartKind = (typeof PART_KINDS)[number];

/** A clause anchor, written by ingest from the document's own numbering: s3-4-15, fj1-p2, tz-p3. */
const anchor = z
  .string()
  .regex(/^[a-z0-9-]+$/, { message: 'an anchor is lower-case ASCII letters, digits and hyphens, e.g. s3-4-15' });
/** A part's id: the manifest's part id (fj1, zw), which may be empty for the main text. */
const partId = z
  .string()
  .regex(/^[a-z0-9-]*$/, { message: 'a part id is lower-case ASCII letters, digits and hyphens, e.g. fj1' });
/** Heading level: h1 is the page title, so parts and provisions start at 2. */
const level = z.number().int().min(2).max(6);
/** The number of an editorial mark, as in 〔校n〕, #corr-n. */
const markNumber = z.number().int().positive();
/** A bare attribute (`supplied`, `list`, `uncertain`): present or left out. */
const flag = z.literal(true).optional();
/** Old anchors a structural fix moved (manifest `aliases`); left out when there are none. */
const aliases = z.array(anchor).min(1).optional();
/** How the clause is cited (第三部分（四）第15项), for the permalink's label and 复制引用. */
const cite = z.string();

const element = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);

/** The elements, each with its attributes in the order the writer writes them. */
export const ELEMENTS = {
  /** What survives of the original title block. */
  TitleBlock: element({}),
  TitleLine: element({}),
  /** A part of the document: notice, main text, attachment or table. */
  Part: element({ id: partId, kind: z.enum(PART_KINDS) }),
  /** A part's heading: its title lines or, when the text has none, the editors' label (`supplied`, with `note` saying why). */
  PartHeading: element({ id: partId, level, label: z.string(), supplied: flag, note: z.string().optional(), aliases }),
  PartTitle: element({}),
  /** A part's printed label line (附件1). */
  PartLabel: element({}),
  /** A numbered provision and everything under it; `depth` is its outline depth (1 for 一、). */
  Provision: element({ id: anchor, depth: z.number().int().positive() }),
  /** Number and title or lead sentence; `lead`/`partners` the responsible agencies as written, `basis` why they are read so. */
  ProvisionHeading: element({
    level,
    id: anchor,
    cite,
    lead: z.array(z.string()).optional(),
    partners: z.array(z.string()).optional(),
    basis: z.string().optional(),
    aliases,
  }),
  ProvisionBody: element({}),
  /** An unnumbered paragraph; `list` when it is an item of a part's attachment list. */
  Para: element({ id: anchor, cite, list: flag, aliases }),
  /** An editorial correction: the children are the corrected text, `original` what the source printed. */
  Correction: element({ n: markNumber, original: z.string(), reason: z.string() }),
  /** A mojibake repair: the children are the reconstruction, `original` the damaged text. */
  Repair: element({ n: markNumber, original: z.string(), reason: z.string(), uncertain: flag }),
  /** An editor's note on a reading kept as printed. */
  EditorNote: element({ n: markNumber, note: z.string() }),
  /** An image the scraped page lost; the children are its file name. */
  MissingImage: element({ id: anchor, cite, aliases }),
  /** Where the source text breaks off; the children are the editors' notice. */
  Truncated: element({}),
  /** A glossary term, added by remark-glossary (not by ingest): `id` the entry, `uid` the tooltip's id in the page. */
  Term: element({ id: z.string().min(1), uid: z.string().regex(/^g\d+$/) }),
} as const;

export type ElementName = keyof typeof ELEMENTS;
/** The attributes of an element as the renderer reads them. */
export type Attributes<N extends ElementName> = z.output<(typeof ELEMENTS)[N]>;

export const isElementName = (name: string | null | undefined): name is ElementName =>
  !!name && Object.hasOwn(ELEMENTS, name);

export const ELEMENT_NAMES = Object.keys(ELEMENTS) as ElementName[];

/** The attribute names of an element, for hints. */
export const attributeNames = (name: ElementName): string[] => Object.keys(ELEMENTS[name].shape);

/** What is wrong with an element's attributes, in words for whoever edited the file. */
function describe(name: ElementName, values: Record<string, unknown>, error: z.ZodError): string {
  const issue = error.issues[0];
  const key = String(issue.path[0] ?? '');
  if (issue.code === 'unrecognized_keys')
    return `<${name}> has an unknown attribute ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && values[key] === undefined) return `<${name}> is missing the attribute "${key}"`;
  if (issue.code === 'invalid_value' && issue.values.length === 1 && issue.values[0] === true)
    return `<${name} ${key}>: "${key}" is a bare attribute (present or left out), not a value`;
  return `<${name}> attribute "${key}": ${issue.message}`;
}

/** A contract violation: the problem, and the hint listing what the element takes. */
export class ElementContractError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.name = 'ElementContractError';
    this.hint = hint;
  }
}

/** Checks an element's attribute values (already read from the MDX) against the contract; throws ElementContractError. */
export function checkElement<N extends ElementName>(name: N, values: Record<string, unknown>): Attributes<N> {
  const result = ELEMENTS[name].safeParse(values);
  if (result.success) return result.data as Attributes<N>;
  const names = attributeNames(name);
  throw new ElementContractError(
    describe(name, values, result.error),
    names.length
      ? `<${name}> takes ${names.join(', ')} (src/render/policy/contract.ts).`
      : `<${name}> takes no attributes (src/render/policy/contract.ts).`,
  );
}
