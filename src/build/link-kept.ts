/**
 * The part of an incremental build that keeps what did not change
 * (scripts/build.ts): `astro build` wrote the changed documents' pages and
 * every shared page into the new folder; this adds the unchanged documents'
 * own files (their page, provision pages and open-data files: documentOf()
 * in src/lib/build-cache/paths.ts) and the unchanged keyed pages' folders
 * (src/build/changed-documents.ts) from the previous output as hard links.
 * The documents' files are linked ahead, in a process of their own
 * (link-kept-cli.ts) while `astro build` writes into a folder beside, for
 * every document of the previous output: tens of thousands of folders cost
 * seconds to make on a real disk. Those whose pages were rendered again (or
 * that were removed) are then dropped, and Astro's output merged in
 * (mergeRendered).
 *
 * Hard links, not copies: 40,000 provision pages at 1,000 documents cost
 * seconds to copy and nothing to link. They are safe because no later step
 * writes into a kept document's files: the provision pages are written only
 * for the changed documents (and then as new files, not through the link),
 * and the sitemap and search steps write only their own paths. A file system
 * without hard links gets copies.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under a folder, as paths relative to it (/-separated). */
export function filesIn(dir: string, rel = ''): string[] {
  if (!existsSync(join(dir, rel))) return [];
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesIn(dir, `${rel}${e.name}/`) : [`${rel}${e.name}`],
  );
}

/** A document's own files in a built folder, relative to it. */
export function documentFiles(out: string, slug: string): string[] {
  return [
    ...filesIn(out, `policies/${slug}/`),
    ...['json', 'md', 'txt'].map((ext) => `data/${slug}.${ext}`).filter((f) => existsSync(join(out, f))),
  ];
}

/**
 * Links the documents' files from `from` into `to`. A file `to` already has
 * is an error: `astro build` rendered a page of a document said to be
 * unchanged, and the two would disagree on which is right.
 */
export function linkKept(from: string, to: string, slugs: Iterable<string>): number {
  return linkFiles(
    from,
    to,
    [...slugs].flatMap((slug) => documentFiles(from, slug).map((f) => [f, slug] as const)),
  );
}

/** Links whole folders (relative paths, e.g. curation/x) of kept keyed pages (changedPages(), src/build/changed-documents.ts). */
export function linkKeptFolders(from: string, to: string, folders: string[]): number {
  return linkFiles(
    from,
    to,
    folders.flatMap((dir) => filesIn(from, `${dir}/`).map((f) => [f, dir] as const)),
  );
}

function linkFiles(from: string, to: string, files: (readonly [file: string, owner: string])[]): number {
  let linked = 0;
  const made = new Set<string>();
  for (const [f, owner] of files) {
    const target = join(to, f);
    const dir = target.slice(0, target.lastIndexOf('/'));
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    if (existsSync(target))
      throw new Error(
        `${target} was rendered again although ${owner} is unchanged\n  hint: a route that makes pages per document must pass its documents through changedDocuments() (src/build/changed-documents.ts), a keyed route its items through changedPages(); or run npm run build -- --clean.`,
      );
    try {
      linkSync(join(from, f), target);
    } catch {
      copyFileSync(join(from, f), target);
    }
    linked++;
  }
  return linked;
}

/** Removes documents' own files from a built folder (those linked ahead whose pages were then rendered again, or removed). */
export function dropDocuments(dir: string, slugs: Iterable<string>): void {
  for (const slug of slugs) {
    rmSync(join(dir, 'policies', slug), { recursive: true, force: true });
    for (const ext of ['json', 'md', 'txt']) rmSync(join(dir, 'data', `${slug}.${ext}`), { force: true });
  }
}

/**
 * Moves what `astro build` wrote (`from`) into the folder that holds the kept
 * documents' files (`to`): entries `to` lacks are renamed in whole (a
 * document's folder is one rename), folders both have are merged. A file in
 * both is an error: `astro build` rendered a page of a document said to be
 * unchanged. Returns the files and folders moved.
 */
export function mergeRendered(from: string, to: string, rel = ''): number {
  let moved = 0;
  mkdirSync(join(to, rel), { recursive: true });
  for (const e of readdirSync(join(from, rel), { withFileTypes: true })) {
    const path = `${rel}${e.name}`;
    const target = join(to, path);
    if (!existsSync(target)) {
      renameSync(join(from, path), target);
      moved++;
    } else if (e.isDirectory() && statSync(target).isDirectory()) moved += mergeRendered(from, to, `${path}/`);
    else
      throw new Error(
        `${target} was rendered again although its document is unchanged\n  hint: a route that makes pages per document must pass its documents through changedDocuments() (src/build/changed-documents.ts); or run npm run build -- --clean.`,
      );
  }
  return moved;
}
