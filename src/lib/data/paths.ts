/**
 * The one place that knows where the project's data lives: the content
 * folder ingest writes and editors curate, and the inputs of ingest. Every
 * loader, tool and build step takes its paths from here, so a loader run from
 * another working directory (a test, a tool started elsewhere) still reads
 * this project, and a copy of the project (`npm run add --root`, the
 * benchmark's and the tests' temporary libraries) is read by passing its root.
 * Node only (the file system); never imported by browser code.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project folder this module belongs to: the nearest folder above it with
 * a package.json and src/content. Walking up (rather than a fixed "../../..")
 * also works when Astro has bundled this module into a chunk inside the build
 * folder. Only when no such folder exists (a bundle built outside the
 * project) is it the working directory, as before.
 */
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'content'))) return dir;
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/** The absolute path of this project's folder. */
export const PROJECT_ROOT = findProjectRoot();

/** The files of one content folder (src/content of a project, or a test's own folder laid out the same way). */
export interface ContentFiles {
  /** The content folder itself. */
  content: string;
  /** MDX documents, written by ingest: <slug>.mdx. */
  policies: string;
  /** Clause data, written by ingest: <slug>.json (src/schemas/clauses.ts). */
  clauses: string;
  /** Cleaning reports, written by ingest: <slug>.json (src/schemas/report.ts). */
  reports: string;
  /** Glossary entries, one <id>.json each (src/schemas/glossary.ts). */
  glossary: string;
  /** Topics, one <id>.json each (src/schemas/topics.ts). */
  topics: string;
  /** Which clause is on which topic (src/schemas/topics.ts). */
  topicMap: string;
  /** Groups of related clauses (src/schemas/topics.ts). */
  relations: string;
  /** Quantitative targets (src/schemas/targets.ts). */
  targets: string;
  /** Short agency names → canonical agencies (src/schemas/agency-names.ts). */
  agencyNames: string;
  /** Automatic similar pairs editors rejected (src/schemas/similar.ts). */
  similarRejected: string;
  /** One document's MDX file. */
  policyFile(slug: string): string;
  /** One document's clause data. */
  clauseFile(slug: string): string;
  /** One document's cleaning report. */
  reportFile(slug: string): string;
  /** One glossary entry. */
  glossaryFile(id: string): string;
}

/** The files of the content folder `content`. */
export function contentFiles(content: string): ContentFiles {
  return {
    content,
    policies: join(content, 'policies'),
    clauses: join(content, 'clauses'),
    reports: join(content, 'reports'),
    glossary: join(content, 'glossary'),
    topics: join(content, 'topics'),
    topicMap: join(content, 'topic-map.json'),
    relations: join(content, 'relations.json'),
    targets: join(content, 'targets.json'),
    agencyNames: join(content, 'agency-names.json'),
    similarRejected: join(content, 'similar-rejected.json'),
    policyFile: (slug) => join(content, 'policies', `${slug}.mdx`),
    clauseFile: (slug) => join(content, 'clauses', `${slug}.json`),
    reportFile: (slug) => join(content, 'reports', `${slug}.json`),
    glossaryFile: (id) => join(content, 'glossary', `${id}.json`),
  };
}

/** A project's folders: its content and the inputs of ingest. */
export interface ProjectPaths extends ContentFiles {
  root: string;
  /** The raw scraped texts, never edited. */
  seeds: string;
  /** One ingest manifest per document. */
  manifests: string;
}

/** The paths of the project at `root` (default: this project). */
export function projectPaths(root: string = PROJECT_ROOT): ProjectPaths {
  return {
    root,
    seeds: join(root, 'seeds'),
    manifests: join(root, 'ingest', 'manifests'),
    ...contentFiles(join(root, 'src', 'content')),
  };
}

/** This project's content folder (the default of every loader). */
export const CONTENT: ContentFiles = contentFiles(join(PROJECT_ROOT, 'src', 'content'));
