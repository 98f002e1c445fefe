/**
 * The add command's logic (ingest/add/cli.ts runs it; tests call it in-process).
 *
 * npm run add -- <raw file> [--slug <slug>] [--force] [--set field=value …] [--keep-draft]
 *
 * Adds one scraped page to the library: copies it into seeds/, drafts its
 * manifest, runs ingest and prints the review. Non-interactive; exit 0 when
 * the document is in the library, 1 with the file and the fix otherwise.
 */
import { parseArgs } from 'node:util';
import { IngestError } from '../errors.ts';
import { addDocument } from './add.ts';
import { SLUG } from '../manifest.ts';
import { PROJECT_ROOT } from '../../src/lib/data/paths.ts';
import { formatReview } from './review.ts';

const USAGE = 'usage: npm run add -- <raw file> [--slug <slug>] [--force] [--set field=value …] [--keep-draft]';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}
const stdio: Io = { out: (s) => console.log(s), err: (s) => console.error(s) };

/** The command: arguments in, exit code out; what it prints goes to `io` (tests pass their own). */
export function main(argv: string[], io: Io = stdio): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        slug: { type: 'string' },
        force: { type: 'boolean', default: false },
        'keep-draft': { type: 'boolean', default: false },
        set: { type: 'string', multiple: true },
        root: { type: 'string', default: PROJECT_ROOT },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    io.err(`add: ${(e as Error).message}\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    io.err(`add: give exactly one raw file (got ${positionals.length})\n${USAGE}`);
    return 1;
  }
  if (values.slug !== undefined && !SLUG.test(values.slug)) {
    io.err(
      `add: --slug "${values.slug}" is not a slug\n  hint: lower-case ASCII words joined by hyphens, with at least one letter, e.g. gonghe-yigongti-2024 (digits alone would clash with list pages such as /curation/2/)`,
    );
    return 1;
  }
  try {
    const res = addDocument({
      root: values.root,
      rawFile: positionals[0],
      slug: values.slug,
      force: values.force,
      set: values.set,
      keepDraft: values['keep-draft'],
    });
    io.out(formatReview(res, values.root));
    return 0;
  } catch (e) {
    if (e instanceof IngestError) {
      io.err(`add failed: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
