/** npm start's "is the build current?" and npm run build's swap: a failed build leaves the old site. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildAtomically } from './atomic.ts';
import { inputsDigest, staleReason, STAMP } from '../lib/build-inputs.ts';

/** A tiny project: one file in each kind of input. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'build-'));
  for (const d of ['seeds', 'ingest/manifests', 'src/content/glossary', 'public', 'scripts'])
    mkdirSync(join(root, d), { recursive: true });
  const files: Record<string, string> = {
    'seeds/a.txt': '一、总体要求',
    'ingest/manifests/a.json': '{}',
    'ingest/run.ts': '//',
    'src/content/glossary/drg.json': '{}',
    'src/pages.ts': '//',
    'public/robots.txt': '',
    'scripts/build.ts': '//',
    'package-lock.json': '{}',
    'package.json': '{}',
    'astro.config.mjs': '//',
  };
  for (const [f, text] of Object.entries(files)) writeFileSync(join(root, f), text);
  return { root, files: Object.keys(files) };
}

describe('the inputs digest', () => {
  test.each(project().files)('changes when %s changes, even with an older modification time', (file) => {
    const { root } = project();
    const before = inputsDigest(root, {});
    writeFileSync(join(root, file), 'changed');
    utimesSync(join(root, file), new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(inputsDigest(root, {})).not.toBe(before);
  });

  test('changes with BASE or SITE, not with a test file', () => {
    const { root } = project();
    const before = inputsDigest(root, {});
    expect(inputsDigest(root, { BASE: '/sub/' })).not.toBe(before);
    expect(inputsDigest(root, { SITE: 'https://x.example' })).not.toBe(before);
    writeFileSync(join(root, 'src/pages.test.ts'), 'test');
    expect(inputsDigest(root, {})).toBe(before);
  });
});

describe('building atomically', () => {
  test('a successful build replaces the folder and records its inputs; a later change makes it stale', async () => {
    const { root } = project();
    const out = join(root, 'dist');
    await buildAtomically(
      out,
      (tmp) => {
        mkdirSync(tmp);
        writeFileSync(join(tmp, 'index.html'), 'new');
      },
      inputsDigest(root, {}),
    );
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
    expect(staleReason(out, root, {})).toBeNull();
    writeFileSync(join(root, 'seeds/a.txt'), '二、');
    expect(staleReason(out, root, {})).toMatch(/changed since the last build/);
  });

  test('a build that fails midway leaves the old site whole, with no temporary folder', async () => {
    const { root } = project();
    const out = join(root, 'dist');
    await buildAtomically(
      out,
      (tmp) => {
        mkdirSync(tmp);
        writeFileSync(join(tmp, 'index.html'), 'old');
      },
      'd1',
    );
    await expect(
      buildAtomically(
        out,
        (tmp) => {
          mkdirSync(tmp);
          writeFileSync(join(tmp, 'index.html'), 'half');
          throw new Error('astro build failed');
        },
        'd2',
      ),
    ).rejects.toThrow('astro build failed');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old');
    expect(JSON.parse(readFileSync(join(out, STAMP), 'utf8')).digest).toBe('d1');
    expect(existsSync(join(root, '.dist.building'))).toBe(false);
  });

  test('a folder not made by npm run build (no stamp) is stale', () => {
    const { root } = project();
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist/index.html'), 'x');
    expect(staleReason(join(root, 'dist'), root, {})).toMatch(/not made by `npm run build`/);
    expect(staleReason(join(root, 'nothing'), root, {})).toMatch(/has no site yet/);
  });
});
