/** src/content/agency-names.json is checked: broken JSON, a missing list, a reused or non-slug id stop the build with file, line and fix. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadAgencyNames } from '../lib/agencies/normalize.ts';

const dir = mkdtempSync(join(tmpdir(), 'agency-names-'));
let n = 0;
const file = (text: string) => {
  const f = join(dir, `agency-names-${++n}.json`);
  writeFileSync(f, text);
  return f;
};
const table = (forms: unknown[], exact: unknown[] = []) => file(JSON.stringify({ forms, exact }, null, 2));
const weijian = { id: 'weijian', full: '卫生健康委员会', forms: ['卫健委'] };

describe('agency-names.json', () => {
  test('the real file loads', () => {
    expect(loadAgencyNames().forms.length).toBeGreaterThan(0);
  });
  test('invalid JSON names the file and the line', () => {
    const f = file('{\n  "forms": [\n    { "id": "weijian", "full": "卫生健康委员会", "forms": ["卫健委"] },\n  ]\n}');
    expect(() => loadAgencyNames(f)).toThrow(
      new RegExp(`${f.replace(/[.\\/]/g, '\\$&')}:4: not valid JSON[\\s\\S]*hint: Check commas`),
    );
  });
  test('a missing "forms" list says what to write', () => {
    expect(() => loadAgencyNames(file('{ "exact": [] }'))).toThrow(
      /:1: forms: forms is required: a list of \{ "id", "full", "forms": \[\.\.\.\] \}[\s\S]*hint: See src\/schemas\/agency-names\.ts/,
    );
  });
  test('an entry without its own "forms" says what to write', () => {
    expect(() => loadAgencyNames(table([{ id: 'weijian', full: '卫生健康委员会' }]))).toThrow(/:3: forms\.0\.forms: /);
  });
  test('an id used twice would merge two agencies: refused on the line of the second', () => {
    const f = table([weijian, { id: 'weijian', full: '财政局', forms: ['财政局'] }]);
    expect(() => loadAgencyNames(f)).toThrow(
      /:11: forms\.1\.id: id "weijian" is already used by forms\.0; two entries with one id would merge two agencies/,
    );
    expect(() =>
      loadAgencyNames(table([weijian], [{ name: '大同银保监分局', id: 'weijian', full: '大同银保监分局' }])),
    ).toThrow(/exact\.0\.id: id "weijian" is already used/);
  });
  test.each(['wei jian', 'WeiJian', 'wei/jian', 'wei%20jian', '', 'weijian-'])(
    'id %j is refused: ids become URLs',
    (id) => {
      expect(() => loadAgencyNames(table([{ ...weijian, id }]))).toThrow(
        /forms\.0\.id: ids are lower-case ASCII words joined by hyphens \(they become URLs\)/,
      );
    },
  );
  test('a short form claimed by two agencies is refused', () => {
    expect(() => loadAgencyNames(table([weijian, { id: 'caizheng', full: '财政局', forms: ['卫健委'] }]))).toThrow(
      /forms\.1\.forms\.0: "卫健委" is already a form of "weijian"/,
    );
  });
  test('a form with spaces is refused', () => {
    expect(() => loadAgencyNames(table([{ ...weijian, forms: [' 卫健委'] }]))).toThrow(
      /forms\.0\.forms\.0: a form has spaces/,
    );
  });
});
