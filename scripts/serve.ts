/**
 * Serves the built site (scripts/lib/serve.ts) on loopback.
 *
 *   node scripts/serve.ts [--port 4321] [--base /sub/path/] [--dir dist]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cliArgs } from './lib/args.ts';
import { parsePort, serveOrExplain } from './lib/serve.ts';

const { values } = cliArgs('serve', 'npm run serve -- [--port 4321] [--base /sub/path/] [--dir dist]', {
  options: { port: { type: 'string' }, base: { type: 'string' }, dir: { type: 'string' } },
});
const port = parsePort(values.port ?? process.env.PORT);
if (typeof port === 'string') {
  console.error(`serve: ${port}`);
  process.exit(1);
}
const base = values.base ?? process.env.BASE ?? '/';
const dir = values.dir ?? 'dist';
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`serve: ${dir}/index.html not found — run \`npm run build\` first.`);
  process.exit(1);
}
await serveOrExplain({ dir, base, port });
console.log(`医改政策注释库: http://127.0.0.1:${port}${base.startsWith('/') ? base : `/${base}`}`);
