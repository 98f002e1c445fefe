/**
 * npm start: build the site if dist/ is missing or older than its sources,
 * then serve it on http://127.0.0.1:4321/ (PORT and BASE are honoured).
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './serve.ts';

function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((max, f) => {
    const p = join(dir, f);
    const s = statSync(p);
    return Math.max(max, s.isDirectory() ? newest(p) : s.mtimeMs);
  }, 0);
}

const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0;
const sources = Math.max(newest('src'), newest('public'), statSync('astro.config.mjs').mtimeMs);
if (!built || sources > built || process.argv.includes('--rebuild')) {
  console.log('start: building the site…');
  execSync('npm run build', { stdio: 'inherit' });
}
const port = Number(process.env.PORT ?? 4321);
const base = process.env.BASE ?? '/';
await serve({ port, base });
console.log(`医改政策注释库 is served at http://127.0.0.1:${port}${base}  (Ctrl+C to stop)`);
