/** Worker-thread rendering gives exactly what rendering in the loader's own thread gives. */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { renderFiles, type RenderSetup } from './render-files.ts';
import { renderInWorkers } from './parallel.ts';

const root = resolve('.');
const policiesDir = join(root, 'src/content/policies');
const ids = readdirSync(policiesDir)
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((f) => f.replace(/\.mdx$/, ''));
const tasks = ids.map((id) => ({ id, filePath: `src/content/policies/${id}.mdx`, key: `k-${id}` }));
const setup = (cacheDir: string): RenderSetup => ({
  root,
  base: '/',
  cacheDir,
  library: ids.map((id) => ({
    slug: id,
    shortTitle: id,
    region: { province: '' },
    ...JSON.parse(
      readFileSync(join(policiesDir, `${id}.mdx`), 'utf8')
        .split('\n---\n')[0]
        .replace(/^---\n/, ''),
    ),
  })),
});

test('two worker threads render the real documents as the loader thread does', async () => {
  const inline = mkdtempSync(join(tmpdir(), 'inline-'));
  const parallel = mkdtempSync(join(tmpdir(), 'workers-'));
  renderFiles(setup(inline), tasks);
  await renderInWorkers(tasks, setup(parallel), 2);
  for (const { key } of tasks) {
    for (const ext of ['html', 'json'])
      expect(readFileSync(join(parallel, `${key}.${ext}`), 'utf8')).toBe(
        readFileSync(join(inline, `${key}.${ext}`), 'utf8'),
      );
  }
  expect(readFileSync(join(inline, `${tasks[0].key}.html`), 'utf8')).toContain('class="provision"');
}, 60_000);

test('an error in a worker reaches the build with its file and line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'workers-bad-'));
  const { writeFileSync, mkdirSync } = await import('node:fs');
  mkdirSync(join(dir, 'src/content/policies'), { recursive: true });
  writeFileSync(join(dir, 'src/content/policies/bad.mdx'), '---\n{}\n---\n\n<Widget />\n');
  const bad = { id: 'bad', filePath: 'src/content/policies/bad.mdx', key: 'bad' };
  await expect(
    renderInWorkers(
      [bad, { ...bad, key: 'bad2' }],
      { root: dir, base: '/', cacheDir: join(dir, 'cache'), library: [] },
      2,
    ),
  ).rejects.toThrow(/src\/content\/policies\/bad\.mdx:5: unknown element <Widget>/);
});
