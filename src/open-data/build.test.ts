/**
 * The open-data step outside Astro: the real documents' files written over
 * two worker threads are the ones written in one thread, they read as the
 * open-data schema says, and a worker's error names the document.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { buildOpenData } from './build.ts';
import { documentIds, renderLibrary, tempDir } from '../test-support/rendered-library.ts';
import { RENDERINGS_MANIFEST, type RenderingsManifest } from '../lib/build-cache/paths.ts';
import { openDocumentSchema } from '../schemas/open-data.ts';

const ids = documentIds();
let cacheDir = '';

beforeAll(() => {
  cacheDir = tempDir('open-data-cache-');
  renderLibrary(ids, cacheDir, '/sub/');
  const manifest: RenderingsManifest = {
    base: '/sub/',
    site: 'https://policy.test',
    dataFiles: Object.fromEntries(ids.map((id) => [id, join(cacheDir, `${id}.json`)])),
  };
  writeFileSync(join(cacheDir, RENDERINGS_MANIFEST), JSON.stringify(manifest));
}, 60_000);

const files = (out: string) =>
  Object.fromEntries(readdirSync(join(out, 'data')).map((f) => [f, readFileSync(join(out, 'data', f), 'utf8')]));

test('two worker threads write the same files as one thread, as the schema says', async () => {
  const one = tempDir('open-data-1-');
  const two = tempDir('open-data-2-');
  expect(await buildOpenData({ out: one, cacheDir, threads: 1 })).toEqual({ documents: ids.length, threads: 1 });
  expect(await buildOpenData({ out: two, cacheDir, threads: 2 })).toEqual({ documents: ids.length, threads: 2 });
  const written = files(one);
  expect(Object.keys(written).sort()).toEqual(
    ids.flatMap((id) => ['json', 'md', 'txt'].map((e) => `${id}.${e}`)).sort(),
  );
  expect(files(two)).toEqual(written);
  for (const id of ids) {
    const doc = openDocumentSchema.parse(JSON.parse(written[`${id}.json`]));
    expect(doc.document.url).toBe(`https://policy.test/sub/policies/${id}/`);
    expect(written[`${id}.md`]).toContain(`- 来源：https://policy.test/sub/policies/${id}/`);
  }
}, 60_000);

test('only the documents asked for; an error names its document', async () => {
  const out = tempDir('open-data-only-');
  await buildOpenData({ out, cacheDir, only: new Set([ids[1]]), threads: 2 });
  expect(Object.keys(files(out)).sort()).toEqual([`${ids[1]}.json`, `${ids[1]}.md`, `${ids[1]}.txt`]);
  const bad = join(cacheDir, 'bad');
  mkdirSync(bad);
  const manifest = JSON.parse(readFileSync(join(cacheDir, RENDERINGS_MANIFEST), 'utf8')) as RenderingsManifest;
  manifest.dataFiles[ids[2]] = join(bad, 'missing.json');
  writeFileSync(join(bad, RENDERINGS_MANIFEST), JSON.stringify(manifest));
  await expect(buildOpenData({ out, cacheDir: bad, threads: 2 })).rejects.toThrow(
    `document ${ids[2]}: ${join(bad, 'missing.json')}`,
  );
}, 60_000);
