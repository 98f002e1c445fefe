/**
 * The mechanical check of every mojibake repair in the library: each
 * reconstruction, encoded in GBK in its page's script, must reproduce the
 * damaged bytes wherever they survive. The test lists the repairs (or the
 * characters of them) the bytes cannot confirm, and why.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifests, manifestSchema } from './manifest.ts';
import { gbkHex, tokenize, verifyRepair } from './repair-verify.ts';
import { repairMojibake } from './rules/repair-mojibake.ts';
import { IngestError } from './errors.ts';
import { minimalManifest } from './test-support/minimal-manifest.ts';

const manifests = loadManifests(join(import.meta.dirname, 'manifests'));

describe('every repair in the library against its damaged bytes', () => {
  const all = manifests.flatMap(({ manifest, file }) => manifest.repairs.map((r, i) => ({ manifest, file, r, i })));

  it('no reconstruction contradicts the bytes; what they cannot confirm is listed with the reason', () => {
    const unconfirmed: string[] = [];
    for (const { manifest, file, r, i } of all) {
      if (r.check === 'none') {
        unconfirmed.push(`${file} repair ${i} ${r.find} → ${r.replace}: not checked ("check": "none"): ${r.reason}`);
        continue;
      }
      const c = verifyRepair(r.find, r.replace, manifest.script ?? 'simplified');
      expect(c.status, `${file} repair ${i}: ${r.find} → ${r.replace} ${'why' in c ? c.why : ''}`).not.toBe('mismatch');
      if (c.status === 'unverifiable')
        unconfirmed.push(`${file} repair ${i} ${r.find} → ${r.replace}: unverifiable: ${c.why}`);
      if (c.status === 'verified' && c.fromContext)
        unconfirmed.push(
          `${file} repair ${i} ${r.find} → ${r.replace}: “${c.fromContext}” lay wholly under “?”, from context only`,
        );
    }
    // The list is the test's report (run with --reporter=verbose to read it).
    console.info(`repairs the bytes cannot (fully) confirm:\n${unconfirmed.join('\n') || '(none)'}`);
    for (const line of unconfirmed) expect(line).toMatch(/: .{4,}/u);
    // Loading OpenCC's tables takes seconds on a busy machine.
  }, 60_000);

  it('a repair marked uncertain says 存疑 in its reason, and an unmarked one does not', () => {
    for (const { file, r, i } of all) expect(r.reason.includes('存疑'), `${file} repair ${i}`).toBe(r.uncertain);
  });
});

describe('verifyRepair', () => {
  it('退补 is what ?fù)搜a says (搜a = CB D1 61, the bytes of 退補 one byte out of step); 退还 is not', () => {
    expect(gbkHex('退補')).toBe('cd cb d1 61');
    expect(verifyRepair('?fù)搜a', '退补', 'traditional')).toEqual({
      status: 'verified',
      encoding: 'gbk',
      confirmed: '退补',
      fromContext: '',
    });
    expect(verifyRepair('?fù)搜a', '退还', 'traditional').status).toBe('mismatch');
  }, 60_000);

  it('reads half-width letters as the full-width GBK letters they were (R = A3 D2) and skips pinyin remnants', () => {
    expect(verifyRepair('?shù)爻R姴?', '地常见病', 'traditional')).toMatchObject({
      status: 'verified',
      confirmed: '地常见病',
    });
    expect(tokenize('l(wèi)')).toHaveLength(1);
    expect(tokenize('?fù)')).toEqual([{ kind: 'lost' }]);
  });

  it('names the characters that only context gives (they fell under ?), and checks the script', () => {
    expect(verifyRepair('??h', '。县', 'traditional')).toMatchObject({
      status: 'verified',
      confirmed: '县',
      fromContext: '。',
    });
    // In Simplified the same reconstruction has other bytes (县 = CF D8), which cannot end in h.
    expect(verifyRepair('??h', '。县', 'simplified').status).toBe('mismatch');
  });

  it('a damaged text of nothing but ? and pinyin cannot be checked', () => {
    expect(verifyRepair('??(xiàn)', '县域', 'traditional')).toMatchObject({ status: 'unverifiable' });
  });

  it('each ? stands for one or two bytes, so a reconstruction of the wrong length is refused', () => {
    expect(verifyRepair('???。', '专科。', 'traditional').status).toBe('verified');
    expect(verifyRepair('???。', '专科医生。', 'traditional').status).toBe('mismatch');
  });
});

describe('the repair rule refuses a reconstruction the bytes contradict', () => {
  it('names the manifest, the repair and the bytes, with a hint', () => {
    const manifest = manifestSchema.parse({
      ...minimalManifest('乱码核对测试', '仅供乱码核对测试使用的最小清单，不对应任何真实文件。'),
      script: 'traditional',
      repairs: [{ find: '?fù)搜a', replace: '退还', reason: '乱码：错误的重建，用于测试。' }],
    });
    let err: unknown;
    try {
      repairMojibake.apply('實施上崗?fù)搜a學(xué)雜費', { manifest, manifestFile: 'ingest/manifests/x.json' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).file).toBe('ingest/manifests/x.json');
    expect((err as IngestError).message).toContain('repair "?fù)搜a" → "退还" is not what the damaged bytes say');
    expect((err as IngestError).hint).toMatch(/"check": "none"/u);
  });
});
