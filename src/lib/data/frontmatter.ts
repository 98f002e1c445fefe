/**
 * Reading the JSON frontmatter ingest writes between --- lines at the top of
 * each policy MDX file: the one reader for the loader, the provision pages,
 * the agency review and the curation report. A broken frontmatter names the
 * file and line; the fix is to change the manifest and run ingest again.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { policyFrontmatterSchema, type PolicyFrontmatter } from '../../schemas/policy.ts';
import { checkJson, DataFileError } from './read-json.ts';

const REGENERATE = 'Change ingest/manifests/<slug>.json and run `npm run ingest` instead of editing the frontmatter.';
const FRONTMATTER = /^---\n([\s\S]*?)\n---\n/;

function frontmatterText(source: string, file: string): string {
  const m = FRONTMATTER.exec(source);
  if (!m)
    throw new DataFileError(
      file,
      1,
      'no frontmatter (--- … ---) at the top of the file',
      'The policy MDX is written by `npm run ingest`; run it again.',
    );
  return m[1];
}

/** The frontmatter as JSON, unchecked (the collection schema checks it where Astro loads it). */
export function readFrontmatter(source: string, file: string): Record<string, unknown> {
  const text = frontmatterText(source, file);
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new DataFileError(
      file,
      2,
      `the frontmatter is not the JSON ingest writes (${(e as Error).message})`,
      REGENERATE,
    );
  }
}

/**
 * The file's text as far as the end of its frontmatter, read 16 KiB at a
 * time: the readers here need the metadata, not the body (at 10,000
 * documents the bodies are half a gigabyte). A UTF-8 character cut at the
 * end of what was read lies after the frontmatter and is not used.
 */
function frontmatterSource(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let read = 0;
    for (;;) {
      const buf = Buffer.alloc(16384);
      const n = readSync(fd, buf, 0, buf.length, read);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      read += n;
      const text = Buffer.concat(chunks).toString('utf8');
      if (FRONTMATTER.test(text)) return text;
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** A policy file's frontmatter as JSON, unchecked: for orderings that must not stop a build the loader's schema check stops with a better message. */
export const readPolicyFrontmatterUnchecked = (file: string): Record<string, unknown> =>
  readFrontmatter(frontmatterSource(file), file);

/** One policy file's frontmatter, checked against the schema ingest writes it with (src/schemas/policy.ts); errors name the line (counting the opening ---). */
export function readPolicyFrontmatter(file: string): PolicyFrontmatter {
  const text = frontmatterText(frontmatterSource(file), file);
  try {
    return checkJson(text, file, policyFrontmatterSchema, 'src/schemas/policy.ts', REGENERATE);
  } catch (e) {
    // Lines of the frontmatter are lines of the file after the opening ---.
    if (e instanceof DataFileError && e.line) throw new DataFileError(file, e.line + 1, e.detail, e.hint);
    throw e;
  }
}
