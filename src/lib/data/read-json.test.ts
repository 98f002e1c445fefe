/** The data-file helper: JSON and schema problems name the file, the line and the fix. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { checkIdFileName, checkJson, DataFileError, lineOf, readJsonFile } from './read-json.ts';

const schema = z.object({
  items: z.array(z.object({ id: z.string().regex(/^[a-z]+$/, { message: 'ids are lower-case letters.' }) })),
});

describe('readJsonFile', () => {
  test('a syntax error names the file and the line', () => {
    const text = '{\n  "items": [\n    { "id": "a" },\n  ]\n}\n';
    expect(() => checkJson(text, 'x.json', schema, 's.ts')).toThrow(
      /^x\.json:4: not valid JSON[\s\S]*hint: Check commas/,
    );
  });
  test('a schema problem names the field, its line and the schema file', () => {
    const text = '{\n  "items": [\n    { "id": "a" },\n    { "id": "B c" }\n  ]\n}\n';
    expect(() => checkJson(text, 'x.json', schema, 'src/schemas/s.ts')).toThrow(
      /^x\.json:4: items\.1\.id: ids are lower-case letters\.\n  hint: See src\/schemas\/s\.ts/,
    );
  });
  test.each([
    ['{\n  "a": 1,\n}', 3],
    ['{\n  "a": 1\n  "b": 2\n}', 3],
    ['{\n  // comment\n  "a": 1\n}', 2],
    ["{\n  'a': 1\n}", 2],
    ['[\n  1,\n  2\n', 4],
    ['', 1],
  ])('syntax error in %j is on line %i', (text, line) => {
    expect(() => checkJson(text, 'x.json', schema, 's.ts')).toThrow(new RegExp(`^x\\.json:${line}: not valid JSON`));
  });
  test('a missing field points at the object that lacks it', () => {
    expect(() => checkJson('{\n  "other": 1\n}', 'x.json', schema, 's.ts')).toThrow(/^x\.json:1: items:/);
  });
  test('a missing file is a DataFileError too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rj-'));
    expect(() => readJsonFile(join(dir, 'none.json'), schema, 's.ts')).toThrow(DataFileError);
    writeFileSync(join(dir, 'ok.json'), '{"items":[{"id":"a"}]}');
    expect(readJsonFile(join(dir, 'ok.json'), schema, 's.ts')).toEqual({ items: [{ id: 'a' }] });
  });
  test('lineOf walks strings with escapes, nested values and keys', () => {
    const text = '{\n "a": "x\\"}]",\n "b": [1, {"c": [true, null]},\n  {"d": 2}]\n}';
    expect(lineOf(text, ['b', 2, 'd'])).toBe(4);
    expect(lineOf(text, ['b', 1, 'c', 1])).toBe(3);
    expect(lineOf(text, ['zz'])).toBe(1);
  });
});

describe('file names that are ids', () => {
  test.each(['..json', 'a#b?c.json', 'Bad Name.json', '.json', 'a--b.json', 'ä.json', 'a.JSON.json'])(
    '%j is refused with the file and a hint',
    (name) => {
      expect(() => checkIdFileName('src/content/topics', name, 'topic', 'xinchou-zhidu.json')).toThrow(
        /src\/content\/topics\/.*: the file name .* is not a valid topic id\n  hint: Name the file with lower-case ASCII words joined by hyphens, e\.g\. xinchou-zhidu\.json/,
      );
    },
  );
  test('a slug is accepted', () => {
    expect(checkIdFileName('d', 'xinchou-zhidu.json', 'topic', 'x.json')).toBe('xinchou-zhidu');
  });
});
