/** The vendored division table: whole, as extracted, and checked with messages that name the entry. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIVISIONS_FILE, loadDivisions, parseDivisions } from './divisions.ts';
import { IngestError } from '../errors.ts';

const FILE = 'pca.json';
const error = (json: string): IngestError => {
  try {
    parseDivisions(json, FILE);
  } catch (e) {
    return e as IngestError;
  }
  throw new Error('expected the table to be refused');
};

describe('the vendored division table', () => {
  it('is the file the data README names (sha-256), and passes the schema', () => {
    const sha = createHash('sha256').update(readFileSync(DIVISIONS_FILE)).digest('hex');
    expect(readFileSync(new URL('./data/README.md', import.meta.url), 'utf8')).toContain(sha);
    const t = loadDivisions();
    expect(t['青海省']['海南藏族自治州']).toContain('共和县');
    expect(t['北京市']['市辖区']).toContain('朝阳区');
  });

  it('refuses a misnamed province, a repeated county and a partial extract, naming the entry', () => {
    const table = JSON.parse(readFileSync(DIVISIONS_FILE, 'utf8')) as Record<string, Record<string, string[]>>;
    const { 河北省: hebei, ...rest } = table;
    const e1 = error(JSON.stringify({ ...rest, 河北: hebei }));
    expect(e1).toBeInstanceOf(IngestError);
    expect(e1.message.split('\n')[0]).toBe(
      'pca.json: 河北: a province-level name ends in 省, 市 or 自治区 (not “河北”)',
    );
    expect(e1.hint).toContain('scripts/vendor-divisions.ts');

    const e2 = error(
      JSON.stringify({ ...table, 青海省: { ...table['青海省'], 海南藏族自治州: ['共和县', '共和县'] } }),
    );
    expect(e2.message.split('\n')[0]).toBe(
      'pca.json: 青海省 › 海南藏族自治州: a county-level name appears twice under one prefecture',
    );

    expect(error(JSON.stringify({ 北京市: table['北京市'] })).message).toMatch(
      /31 province-level units; a shorter one is a partial extract/u,
    );
    expect(error('{"北京市": ').message).toMatch(/^pca\.json: not valid JSON/u);
  });
});
