/**
 * A temporary copy of the project with scraped pages added through `npm run
 * add`, then built with `npm run build` (astro build, search index, link
 * check). Used by the end-to-end tests of adding documents.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
const SKIP = new Set(['node_modules', 'dist', 'dist-sub', '.git', 'screenshots', '.astro']);

export interface AddedLibrary {
  dir: string;
  adds: SpawnSyncReturns<string>[];
  build?: SpawnSyncReturns<string>;
  remove(): void;
}

export function buildWithAdded(pages: string[]): AddedLibrary {
  const dir = mkdtempSync(join(tmpdir(), 'library-'));
  cpSync(ROOT, dir, { recursive: true, filter: (src) => !SKIP.has(relative(ROOT, src).split('/')[0]) });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const run = (args: string[]) =>
    spawnSync('npm', ['run', ...args], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 1_200_000,
      env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` },
    });
  const adds = pages.map((p) => run(['add', '--', p]));
  const build = adds.every((a) => a.status === 0) ? run(['build']) : undefined;
  return { dir, adds, build, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The reading text: no scripts, no permalinks, no correction marks or tooltips (data-pagefind-ignore), no tags, no spaces. */
export const readingText = (h: string) =>
  h
    .replace(/<script[\s\S]*?<\/script>/gu, '')
    .replace(/<style[\s\S]*?<\/style>/gu, '')
    .replace(/<span class="clause-tools">[\s\S]*?<\/span>/gu, '')
    .replace(/<(a|span)\b[^>]*data-pagefind-ignore[^>]*>[\s\S]*?<\/\1>/gu, '')
    .replace(/<[^>]+>/gu, '')
    .replace(/&quot;/gu, '"')
    .replace(/&amp;/gu, '&')
    .replace(/\s+/gu, '');

/** The document text of a built policy page (between the text's start and the provenance section). */
export const policyBody = (html: string) =>
  readingText(html.split('<div class="policy-text">')[1].split('id="provenance"')[0]);

export const buildLog = (r?: SpawnSyncReturns<string>) =>
  r ? `${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}` : 'not built: npm run add failed';
