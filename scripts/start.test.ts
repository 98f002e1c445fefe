/** npm start never serves a build that failed, and says so. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

test('a stale dist/ whose rebuild fails is not served: start stops with the reason, and dist/ is left as it was', () => {
  // A copy of the project's scripts without Astro installed: the real build fails at its first step.
  const root = mkdtempSync(join(tmpdir(), 'start-'));
  cpSync('scripts', join(root, 'scripts'), { recursive: true });
  mkdirSync(join(root, 'src/lib'), { recursive: true });
  cpSync('src/lib/decode.ts', join(root, 'src/lib/decode.ts'));
  cpSync('src/lib/csp', join(root, 'src/lib/csp'), { recursive: true });
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist/index.html'), 'old site');
  const out = spawnSync(process.execPath, ['scripts/start.ts'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PORT: '0' },
  });
  expect(out.stdout).toContain('start: building the site (dist/ was not made by `npm run build`');
  expect(out.stderr).toContain('start: the build failed (see above), so nothing is served.');
  expect(out.stdout).not.toContain('is served at');
  expect(out.status).toBe(1);
  expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('old site');
}, 90_000);
