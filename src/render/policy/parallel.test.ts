/** Worker-thread rendering gives exactly what rendering in the loader's own thread gives. */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { renderFiles, type RenderJob } from './render-files.ts';
import { renderInWorkers } from './parallel.ts';

test('two worker threads render the real documents as the loader thread does', async () => {
  const policiesDir = resolve('src/content/policies');
  const files = readdirSync(policiesDir).filter((f) => f.endsWith('.mdx')).sort().map((f) => ({
    id: f.replace(/\.mdx$/, ''), filePath: `src/content/policies/${f}`, source: readFileSync(join(policiesDir, f), 'utf8'),
  }));
  const job = (htmlDir: string): Omit<RenderJob, 'files'> => ({ base: '/', htmlDir, library: files.map((f) => ({ slug: f.id, shortTitle: f.id, region: { province: '' }, ...JSON.parse(f.source.split('\n---\n')[0].replace(/^---\n/, '')) })) });
  const inline = renderFiles({ ...job(mkdtempSync(join(tmpdir(), 'inline-'))), files });
  const parallel = await renderInWorkers(files, job(mkdtempSync(join(tmpdir(), 'workers-'))), 2);
  expect(parallel.map((r) => r.id).sort()).toEqual(files.map((f) => f.id));
  for (const a of inline) {
    const b = parallel.find((r) => r.id === a.id)!;
    expect(readFileSync(b.htmlFile, 'utf8')).toBe(readFileSync(a.htmlFile, 'utf8'));
    expect(b.glossaryOccurrences).toEqual(a.glossaryOccurrences);
    expect(b.references).toEqual(a.references);
  }
  expect(readFileSync(inline[0].htmlFile, 'utf8')).toContain('class="provision"');
}, 60_000);

test('an error in a worker reaches the build with its file and line', async () => {
  const htmlDir = mkdtempSync(join(tmpdir(), 'workers-'));
  const bad = { id: 'bad', filePath: 'src/content/policies/bad.mdx', source: '---\n{}\n---\n\n<Widget />\n' };
  await expect(renderInWorkers([bad, { ...bad, id: 'bad2' }], { base: '/', htmlDir, library: [] }, 2))
    .rejects.toThrow(/src\/content\/policies\/bad\.mdx:5: unknown element <Widget>/);
});
