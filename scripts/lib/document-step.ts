/**
 * The command line of a per-document build step run after `astro build`
 * (scripts/provision-pages.ts, scripts/open-data.ts): `[dir] [--only <file>]`,
 * the built site (default dist/) and, in an incremental build, a JSON file
 * listing the documents to write (an array of slugs; all when absent). Prints
 * the step's summary line, or its error and exit code 1.
 */
import { readFileSync } from 'node:fs';
import { cliArgs } from './args.ts';

export async function runDocumentStep(
  tool: string,
  step: (options: { out: string; only?: Set<string> }) => Promise<{ summary: string; threads: number }>,
): Promise<void> {
  const parsed = cliArgs(
    tool,
    `node scripts/${tool}.ts [dir] [--only <file with a JSON array of slugs>]`,
    { options: { only: { type: 'string' } }, allowPositionals: true },
    ({ positionals }) =>
      positionals.length > 1 ? `one built site at a time, not ${positionals.join(' ')}` : undefined,
  );
  const out = parsed.positionals[0] ?? 'dist';
  const t0 = Date.now();
  try {
    const only = parsed.values.only
      ? new Set(JSON.parse(readFileSync(parsed.values.only, 'utf8')) as string[])
      : undefined;
    const { summary, threads } = await step({ out, ...(only ? { only } : {}) });
    console.log(`${tool}: ${summary} in ${Date.now() - t0} ms${threads > 1 ? ` (${threads} threads)` : ''}`);
  } catch (e) {
    console.error(`${tool}: ${(e as Error).message}`);
    process.exit(1);
  }
}
