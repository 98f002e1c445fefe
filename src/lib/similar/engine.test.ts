import { describe, expect, test } from 'vitest';
import { buildSimilarIndex, type SimilarUnit } from './engine.ts';
import { segments, sharedPhrases, bigramAt } from './text.ts';

// Texts written for these tests (not from the library).
const FAMILY_A =
  '3.做实家庭医生签约服务。组建以全科医生为核心的家庭医生团队，优先覆盖老年人、孕产妇、儿童和慢性病患者，签约居民在转诊、用药方面享受优惠。';
const FAMILY_B =
  '（五）推进家庭医生签约服务。以全科医生为核心组建家庭医生团队，重点覆盖老年人、孕产妇和慢性病患者，对签约居民提供转诊绿色通道。';
const PAY =
  '6.深化医保支付方式改革。全面推行按疾病诊断相关分组付费，探索门诊按人头付费，建立结余留用、合理超支分担机制。';
const CULTURE = '（八）加强医院文化建设。挖掘医院历史，凝练院训院歌，开展职业精神教育，营造尊医重卫的良好氛围。';
const unit = (doc: string, id: string, text: string, terms: string[] = []): SimilarUnit => ({
  key: `${doc}#${id}`,
  doc,
  text,
  terms,
});

describe('text features', () => {
  test('runs drop the provision number and stop at punctuation; every run is verbatim text', () => {
    expect(segments('（五）推进家庭医生签约服务。以全科医生为核心')).toEqual([
      '推进家庭医生签约服务',
      '以全科医生为核心',
    ]);
    expect(segments('12.落实DRG付费，到2025年')).toEqual(['落实DRG付费', '到2025年']);
  });
  test('shared phrases are verbatim in both texts, longest first by weight', () => {
    const a = segments(FAMILY_A).join('|');
    const b = segments(FAMILY_B).join('|');
    const seq = Int32Array.from(a, (_, i) =>
      i + 1 < a.length && a[i] !== '|' && a[i + 1] !== '|' ? bigramAt(a, i) % 100000 : -1,
    );
    const inB = new Set<number>();
    for (let i = 0; i + 1 < b.length; i++) inB.add(bigramAt(b, i) % 100000);
    const phrases = sharedPhrases(a, seq, b, (id) => (inB.has(id) ? 1 : 0)).map((p) => p.phrase);
    expect(phrases.slice(0, 2).sort()).toEqual(['以全科医生为核心', '家庭医生签约服务']);
    for (const p of phrases) {
      expect(FAMILY_A).toContain(p);
      expect(FAMILY_B).toContain(p);
      expect(p.length).toBeGreaterThanOrEqual(4);
    }
  });
});

describe('similar provisions', () => {
  const units = [
    unit('a', 's1', FAMILY_A, ['jiating-yisheng', 'quanke-yisheng']),
    unit('a', 's2', PAY, ['drg']),
    unit('b', 's3', FAMILY_B, ['jiating-yisheng', 'quanke-yisheng']),
    unit('b', 's4', CULTURE),
    unit('c', 's1', CULTURE),
    unit('c', 's2', '（一）加强组织领导。各地要高度重视，压实责任，确保各项任务落到实处。'),
  ];
  const index = buildSimilarIndex(units, { threshold: 0.1 });
  test('the same matter in another document is found, with the shared terms and phrases', () => {
    const [m] = index.matches('a#s1');
    expect(m.key).toBe('b#s3');
    expect(m.terms).toEqual(['jiating-yisheng', 'quanke-yisheng']);
    expect(m.phrases).toContain('家庭医生签约服务');
    // Symmetric: the other side finds it too.
    expect(index.matches('b#s3')[0].key).toBe('a#s1');
  });
  test('only other documents; unrelated texts stay below the threshold', () => {
    for (const u of units) for (const m of index.matches(u.key)) expect(m.key.split('#')[0]).not.toBe(u.doc);
    expect(index.matches('a#s2')).toEqual([]);
  });
  test('an identical text in another document scores 1', () => {
    expect(index.matches('b#s4')).toEqual([expect.objectContaining({ key: 'c#s1', score: 1 })]);
  });
  test('an excluded pair is never returned, in either direction', () => {
    const ex = buildSimilarIndex(units, { threshold: 0.1, exclude: (x, y) => [x, y].sort().join() === 'a#s1,b#s3' });
    expect(ex.matches('a#s1').map((m) => m.key)).not.toContain('b#s3');
    expect(ex.matches('b#s3').map((m) => m.key)).not.toContain('a#s1');
  });
  test('at most one match per other document and k in all', () => {
    const many = Array.from({ length: 8 }, (_, i) => unit(`d${i % 4}`, `s${i}`, FAMILY_B));
    const idx = buildSimilarIndex(
      [unit('x', 's1', FAMILY_B), ...many, unit('y', 's1', PAY), unit('z', 's1', CULTURE)],
      { k: 3 },
    );
    const got = idx.matches('x#s1');
    expect(got).toHaveLength(3);
    expect(new Set(got.map((m) => m.key.split('#')[0])).size).toBe(3);
  });
  test('capped posting lists still find a pair among hundreds of near copies', () => {
    const crowd = Array.from({ length: 400 }, (_, i) => unit(`crowd${i}`, 's1', `${CULTURE}第${i}号。`));
    const idx = buildSimilarIndex([...crowd, unit('x', 's1', FAMILY_A), unit('y', 's1', FAMILY_B)], {
      threshold: 0.1,
      postingsCap: 50,
      queryFeatures: 10,
      candidates: 10,
    });
    expect(idx.matches('x#s1')[0].key).toBe('y#s1');
    expect(idx.groups).toBe(402);
  });
});
