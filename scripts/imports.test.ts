/**
 * Tools and tests stay apart: no tool imports a test file (what a tool needs
 * from a test's helpers lives in scripts/lib/), and tests use the tools only
 * through scripts/lib/ — never a command's entry file, which runs when
 * imported.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../src/lib/data/paths.ts';

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory()
      ? f === 'node_modules' || f === 'fixtures'
        ? []
        : tsFiles(p)
      : p.endsWith('.ts')
        ? [p]
        : [];
  });
}
/** Every relative import of a file, as a path from the project root. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)].map((m) =>
    relative(PROJECT_ROOT, resolve(dirname(file), m[1])),
  );
}
const bad = (dir: string, wrong: (target: string, file: string) => boolean) =>
  tsFiles(join(PROJECT_ROOT, dir)).flatMap((f) =>
    importsOf(f)
      .filter((t) => wrong(t, f))
      .map((t) => `${relative(PROJECT_ROOT, f)} imports ${t}`),
  );

describe('tools and tests do not import each other', () => {
  test('no tool imports from tests/', () => {
    expect(bad('scripts', (t, f) => !f.endsWith('.test.ts') && t.startsWith('tests/'))).toEqual([]);
  });
  test('tests import tools only through scripts/lib/', () => {
    expect(bad('tests', (t) => t.startsWith('scripts/') && !t.startsWith('scripts/lib/'))).toEqual([]);
  });
  test('the check sees imports at all (it would catch one)', () => {
    expect(importsOf(join(PROJECT_ROOT, 'tests/e2e/harness.ts'))).toContain('scripts/lib/site.ts');
  });
});
