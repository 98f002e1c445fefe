import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadGlossary, termForms } from './load.ts';

const entry = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    term: 'DRG付费',
    aliases: ['按疾病诊断相关分组付费'],
    short: '按疾病诊断相关分组付费的简称，医保按病组标准支付。',
    explanation: '依据诊断、治疗方式和病情把住院病例分组，医保按组付费。这里是更长的解释。',
    english: 'DRG payment',
    category: '医保支付',
    related: [],
    ...over,
  });
function dir(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'glossary-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(d, name), content);
  return d;
}

describe('loadGlossary', () => {
  test('loads valid entries with ids from file names', () => {
    const g = loadGlossary(
      dir({ 'drg.json': entry(), 'dip.json': entry({ term: '按病种分值付费', aliases: ['DIP'], related: ['drg'] }) }),
    );
    expect(g.map((e) => e.id).sort()).toEqual(['dip', 'drg']);
  });
  test('forms are ordered longest first, so DRG付费 wins over DRG', () => {
    const forms = termForms(loadGlossary(dir({ 'drg.json': entry({ term: 'DRG', aliases: ['DRG付费'] }) }))).map(
      (f) => f.form,
    );
    expect(forms.indexOf('DRG付费')).toBeLessThan(forms.indexOf('DRG'));
  });
  test('malformed JSON names the file and hints', () => {
    const d = dir({ 'drg.json': '{ "term": "DRG", }' });
    expect(() => loadGlossary(d)).toThrow(/drg\.json:\d+: not valid JSON[\s\S]*hint: Check commas/);
  });
  test('a missing or wrong field names the field and the file', () => {
    const d = dir({ 'drg.json': entry({ category: '医保' }) });
    expect(() => loadGlossary(d)).toThrow(/drg\.json:\d+: category: category must be one of/);
    const e = dir({ 'drg.json': entry({ short: '太短' }) });
    expect(() => loadGlossary(e)).toThrow(/drg\.json:\d+: short: short is the tooltip definition/);
  });
  test('an alias claimed by two entries stops with both names', () => {
    // Written one field per line, so the error's line is the alias's.
    const d = dir({
      'a.json': entry(),
      'b.json': JSON.stringify(JSON.parse(entry({ term: 'DRG', aliases: ['DRG', '按疾病诊断相关分组付费'] })), null, 1),
    });
    expect(() => loadGlossary(d)).toThrow(
      /b\.json:5: "按疾病诊断相关分组付费" is already the term or an alias of entry "a"/,
    );
  });
  test('a related term that does not exist stops with a hint', () => {
    const d = dir({ 'drg.json': entry({ related: ['dipp'] }) });
    expect(() => loadGlossary(d)).toThrow(/drg\.json:1: related term "dipp" does not exist\n  hint:/);
  });
  test('a file name that is not an id is refused', () => {
    const d = dir({ 'DRG 付费.json': entry() });
    expect(() => loadGlossary(d)).toThrow(/is not a valid entry id/);
  });
  test('a one-character term is refused (every 院 would be marked)', () => {
    expect(() => loadGlossary(dir({ 'yuan.json': entry({ term: '院', aliases: [] }) }))).toThrow(
      /yuan\.json:\d+: term: .*a term of one character would be marked everywhere[\s\S]*hint: See src\/schemas\/glossary\.ts/,
    );
  });
  test.each([' DRG付费', 'DRG付费 ', '\u3000DRG付费', 'DRG付费\t'])('a space-padded alias %j is refused', (alias) => {
    expect(() => loadGlossary(dir({ 'drg.json': entry({ aliases: [alias] }) }))).toThrow(
      /drg\.json:\d+: aliases\.0: this alias has spaces before or after it/,
    );
  });
  test('a space-padded term is refused', () => {
    expect(() => loadGlossary(dir({ 'drg.json': entry({ term: 'DRG ' }) }))).toThrow(
      /drg\.json:\d+: term: term has spaces/,
    );
  });
  test('the real glossary loads: every entry file, aliases unique', () => {
    const g = loadGlossary();
    expect(g.map((e) => e.id).sort()).toEqual(
      readdirSync('src/content/glossary')
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.replace(/\.json$/, ''))
        .sort(),
    );
  });
});
