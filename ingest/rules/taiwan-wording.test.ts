/** The reviewed Taiwan-wording table: what it turns back, where it keeps the word, and that every entry has a reason. */
import { describe, expect, it } from 'vitest';
import { TAIWAN_WORDS, findTaiwanWording, taiwanCorrections } from './taiwan-wording.ts';

describe('taiwan-wording', () => {
  it('drafts a correction per word, with context where the word also stands in mainland usage', () => {
    const text =
      '最佳化门诊共济保障机制，让民众受益。\n上传结算档案，完善居民电子健康档案。\n建立健全机制，整合城乡居民医保。';
    expect(taiwanCorrections(text).map((c) => [c.find, c.replace, c.count])).toEqual([
      ['最佳化', '优化', 1],
      ['民众', '群众', 1],
      ['结算档案', '结算文件', 1],
    ]);
    expect(findTaiwanWording(text).find((h) => h.word.find === '档案')).toMatchObject({
      count: 1,
      skipped: 1,
      lines: [1],
    });
  });

  it('leaves mainland usage alone: 人民群众, 健康档案, 建立, 整合', () => {
    expect(taiwanCorrections('坚持以人民群众为中心，建立居民健康档案，整合资源。')).toEqual([]);
  });

  it('every entry says why, and none maps a word to itself or to a word OpenCC phrase mode would wrongly make', () => {
    for (const w of TAIWAN_WORDS) {
      expect(w.reason.length, w.find).toBeGreaterThan(8);
      expect(w.find).not.toBe(w.replace);
      expect(['建立', '整合']).not.toContain(w.find);
    }
  });
});
