/**
 * npm start: build the site when dist/ is missing, was not made by
 * `npm run build`, or was made from other inputs (seeds, ingest, content,
 * code, configuration, lockfile: scripts/lib/build-inputs.ts), then serve it on
 * http://127.0.0.1:4321/ (PORT and BASE are honoured). A failed build is
 * never served: the build swaps dist/ only on success, and start stops.
 */
import { spawnSync } from 'node:child_process';
import { staleReason } from './lib/build-inputs.ts';
import { parsePort, serveOrExplain } from './lib/serve.ts';

const port = parsePort(process.env.PORT);
if (typeof port === 'string') {
  console.error(`start: ${port}`);
  process.exit(1);
}
const base = process.env.BASE ?? '/';
const reason = process.argv.includes('--rebuild') ? '--rebuild was given' : staleReason('dist');
if (reason) {
  console.log(`start: building the site (${reason})…`);
  const build = spawnSync(process.execPath, ['scripts/build.ts'], {
    stdio: 'inherit',
    env: { ...process.env, OUT_DIR: './dist' },
  });
  if (build.status !== 0) {
    console.error(
      'start: the build failed (see above), so nothing is served. Fix the error and run `npm start` again.',
    );
    process.exit(1);
  }
}
await serveOrExplain({ port, base });
console.log(`医改政策注释库 is served at http://127.0.0.1:${port}${base}  (Ctrl+C to stop)`);
