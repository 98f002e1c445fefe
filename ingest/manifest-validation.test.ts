/**
 * Manifests an author gets wrong: unknown keys, impossible dates, blank
 * titles, invisible control and bidi characters, overlapping repairs. Each is
 * refused with the file, the field and the fix (pinned wording).
 */
import { describe, expect, it } from 'vitest';
import { parseManifest, manifestSchema } from './manifest.ts';
import { repairMojibake } from './rules/repair-mojibake.ts';
import { editorialCorrections } from './rules/editorial-corrections.ts';
import { completeMeta } from './derive-meta.ts';
import { clean } from './pipeline.ts';
import { minimalManifest } from './test-support/minimal-manifest.ts';

const base = () =>
  minimalManifest('某某县医共体建设实施方案', '某某县推进紧密型县域医疗卫生共同体建设的实施方案，仅供测试。') as Record<
    string,
    any
  >;
const parse = (m: unknown) => () => parseManifest(JSON.stringify(m), 'ingest/manifests/x.json');

describe('manifest validation', () => {
  it('refuses unknown keys, at the top and in meta, naming them', () => {
    expect(parse({ ...base(), furnture: [] })).toThrow(
      /^ingest\/manifests\/x\.json: \(root\): .*\(unknown field "furnture"\)\n  hint: Check the spelling against the fields in ingest\/manifest\.ts/su,
    );
    const m = base();
    m.meta.isuer = '某某县人民政府';
    expect(parse(m)).toThrow(/meta: .*unknown field "isuer"/su);
  });

  it('refuses a slug of digits only (the address of a list page such as /curation/2/) and accepts digits in a word', () => {
    for (const slug of ['2', '2024', '12-3'])
      expect(parse({ ...base(), slug })).toThrow(/slug: .*at least one letter/su);
    for (const slug of ['a', 'gonghe-yigongti-2024', '2024-gonghe'])
      expect(() => manifestSchema.shape.slug.parse(slug)).not.toThrow();
  });

  it("refuses dates that do not exist and dates outside the document's year", () => {
    const m = base();
    m.meta.date = '2025-13-45';
    expect(parse(m)).toThrow(/meta\.date: This date does not exist/u);
    m.meta.date = '2025-02-30';
    expect(parse(m)).toThrow(/meta\.date: This date does not exist/u);
    m.meta.date = '2020-03-01';
    expect(parse(m)).toThrow(
      /meta\.date: 2020-03-01 lies outside the document's year 2019\n  hint: Correct the date or the year/u,
    );
    m.meta.date = '2019-03-01';
    expect(parse(m)).not.toThrow();
  });

  it('refuses a blank title', () => {
    const m = base();
    m.meta.title = '    　 ';
    expect(parse(m)).toThrow(/meta\.title: title is the full official title of the document \(it may not be blank\)/u);
  });

  it.each([
    ['\u0007', '0007'],
    ['\u001b[31m', '001B'],
    ['\u202e', '202E'],
    ['\u2066', '2066'],
    ['\u0085', '0085'],
  ])('refuses the invisible character %j in any field', (ch, code) => {
    const m = base();
    m.meta.issuer = `某某县${ch}人民政府`;
    expect(parse(m)).toThrow(
      new RegExp(
        `meta\\.issuer: holds the invisible character U\\+${code}.*\\n  hint: Retype the value without it`,
        'su',
      ),
    );
  });

  it('stops overlapping repairs with both entries named and the fix', () => {
    const manifest = manifestSchema.parse({
      ...base(),
      repairs: [
        { find: '?h医', replace: '。县医', reason: '乱码重建测试', check: 'none' },
        { find: 'h医共', replace: '县医共', reason: '乱码重建测试', check: 'none' },
      ],
    });
    expect(() =>
      repairMojibake.apply('推进?h医共体建设', { manifest, manifestFile: 'ingest/manifests/x.json' }),
    ).toThrow(
      /^ingest\/manifests\/x\.json: repair "\?h医" \(entry 1\) and "h医共" \(entry 2\) change the same characters at offset 3\n  hint: Merge the two repair into one/u,
    );
    const c = manifestSchema.parse({
      ...base(),
      corrections: [
        { find: '（2）全面', replace: '（二）全面', reason: '序号校正测试' },
        { find: '2）', replace: '二）', reason: '序号校正测试' },
      ],
    });
    expect(() =>
      editorialCorrections.apply('（2）全面提升', { manifest: c, manifestFile: 'ingest/manifests/x.json' }),
    ).toThrow(/correction "（2）全面" \(entry 1\) and "2）" \(entry 2\) change the same characters/u);
  });

  it('completes a draft: year from the 文号, source 未注明, no made-up short title; no year stops with the fix', () => {
    const m = parseManifest(
      JSON.stringify({
        seed: 'a.txt',
        slug: 'a',
        meta: {
          title: '共和县人民政府办公室关于印发共和县紧密型县域医疗卫生共同体建设实施方案的通知',
          docNumber: '共政办〔2024〕12号',
          region: { province: '青海省', city: '海南藏族自治州', district: '共和县' },
          kind: '实施方案',
          status: '正式',
        },
      }),
      'x.json',
    );
    const done = completeMeta(m.meta, 'x.json');
    expect(done.year).toBe(2024);
    // The short title is the editors' to write: until then the site shows the full title.
    expect(done.shortTitle).toBeUndefined();
    expect(done.source).toEqual({ site: '未注明' });
    const { docNumber: _, ...noNumber } = m.meta;
    expect(() => completeMeta(noNumber, 'x.json')).toThrow(
      /^x\.json: meta\.year: the text gives no date and no 文号 with a year.*\n  hint: Add "year" to meta/su,
    );
  });

  it('refuses control and bidi characters in the seed text, with the line and the fix', () => {
    const manifest = manifestSchema.parse(base());
    expect(() =>
      clean(
        '一、总体要求\n加强\u202e领导，压实责任。\n',
        { manifest, manifestFile: 'ingest/manifests/x.json' },
        'seeds/x.txt',
      ),
    ).toThrow(
      /^seeds\/x\.txt: clean text line 2 holds the invisible character U\+202E: …加强⟨U\+202E⟩领导，压实责任。…\n  hint: Remove it with a repair in ingest\/manifests\/x\.json/u,
    );
  });
});
