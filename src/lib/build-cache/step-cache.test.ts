/** The per-document step cache: results by key, with their files; stale keys pruned. */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { StepCache } from './step-cache.ts';
import { digest } from './digest.ts';

test('a result is found by its key only with the files it names; prune removes what this build did not use', () => {
  const dir = mkdtempSync(join(tmpdir(), 'step-cache-'));
  const a = new StepCache<{ n: number }>(dir);
  writeFileSync(a.file('k1', 'html'), '<p>1</p>');
  a.set('k1', { n: 1 });
  a.set('k2', { n: 2 });
  expect(a.get('k1', ['html'])).toEqual({ n: 1 });
  expect(a.get('k2', ['html'])).toBeUndefined();
  expect(a.get('k3')).toBeUndefined();

  const b = new StepCache<{ n: number }>(dir);
  expect(b.get('k1', ['html'])).toEqual({ n: 1 });
  expect(b.prune()).toBe(1);
  expect(readdirSync(dir).sort()).toEqual(['k1.html', 'k1.json']);
  expect(existsSync(b.file('k2', 'json'))).toBe(false);
});

test('digests keep their parts apart', () => {
  expect(digest('ab', 'c')).not.toBe(digest('a', 'bc'));
  expect(digest('a', 'b')).toBe(digest('a', 'b'));
});
