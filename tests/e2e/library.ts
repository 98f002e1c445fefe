/** The library as the source files give it (for tests that must hold for any library, not just today's documents). */
import { readFileSync, readdirSync } from 'node:fs';

export interface LibraryDoc {
  slug: string;
  title: string;
  year: number;
  date?: string;
  province: string;
}

export function library(dir = 'src/content/policies'): LibraryDoc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const fm = JSON.parse(
        readFileSync(`${dir}/${f}`, 'utf8')
          .split('\n---\n')[0]
          .replace(/^---\n/, ''),
      );
      return {
        slug: f.replace(/\.mdx$/, ''),
        title: fm.title,
        year: fm.year,
        date: fm.date,
        province: fm.region.province,
      };
    });
}

/** Every file under a folder, as paths relative to it. */
export function filesUnder(dir: string, rel = ''): string[] {
  return readdirSync(`${dir}/${rel}`, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(dir, `${rel}${e.name}/`) : [`${rel}${e.name}`],
  );
}
