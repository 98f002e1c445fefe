/**
 * One document's open-data files: given its slug and its rendering data file,
 * reads its frontmatter and writes /data/<slug>.json, .md and .txt
 * (src/lib/open-data/build.ts makes them). The same in build.ts's own thread
 * or in a worker thread (worker.ts, src/lib/worker-pool.ts): it needs only
 * the plain data of OpenDataSetup.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentJson, markdown, plainText, type OpenDataDoc } from '../lib/open-data/build.ts';
import { CONTENT, contentFiles } from '../lib/data/paths.ts';
import { readPolicyFrontmatter } from '../lib/data/frontmatter.ts';
import type { SiteAddress } from '../lib/site-address.ts';

export interface OpenDataSetup {
  /** The built site's data folder, e.g. dist/data. */
  dataDir: string;
  /** The base path, e.g. / or /sub/path/. */
  base: string;
  /** SITE, when set. */
  site?: string;
}

export interface OpenDataTask {
  slug: string;
  /** What its rendering found (src/lib/policy-rendering.ts), as the policy loader recorded it. */
  dataFile: string;
}

/** Writes one document's three files. */
export function openDataOf(setup: OpenDataSetup, at: SiteAddress, { slug, dataFile }: OpenDataTask): void {
  const doc: OpenDataDoc = {
    id: slug,
    data: { ...readPolicyFrontmatter(contentFiles(CONTENT.content).policyFile(slug)), rendering: { dataFile } },
  };
  for (const [ext, text] of [
    ['json', documentJson(doc, at)],
    ['md', markdown(doc, at)],
    ['txt', plainText(doc)],
  ]) {
    const file = join(setup.dataDir, `${slug}.${ext}`);
    // A new file, never a write into the old one: in an incremental build the old one is a hard link into the previous site.
    rmSync(file, { force: true });
    writeFileSync(file, text);
  }
}

/** The task handler of the worker pool. */
export const openDataWriter = (setup: OpenDataSetup) => {
  const at: SiteAddress = { base: setup.base, site: setup.site ? new URL(setup.site) : undefined };
  mkdirSync(setup.dataDir, { recursive: true });
  return (task: OpenDataTask) => openDataOf(setup, at, task);
};
