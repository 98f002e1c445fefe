/**
 * Texts copied from the PDF of a printed document (ingest/add/__fixtures__/*-pdf.txt:
 * indents of four spaces, full-width spaces or a tab, or none; footers — 1 —,
 * －2－, 第 2 页 共 3 页 or a bare number): the page numbers go, the printed
 * lines are joined into paragraphs, and no character but the breaks and
 * indents changes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../pipeline.ts';
import { manifestSchema } from '../manifest.ts';
import { minimalManifest } from '../test-support/minimal-manifest.ts';
import { layoutOf, rejoinWrappedLines, unsureWraps } from './rejoin-wrapped-lines.ts';
import { pageFooterLines, stripPageFooters } from './strip-page-footers.ts';
import { splitLines } from '../ledger.ts';

const FIX = join(import.meta.dirname, '../add/__fixtures__');
const SAMPLES = readdirSync(FIX)
  .filter((f) => f.endsWith('-pdf.txt'))
  .sort();
const ctx = {
  manifest: manifestSchema.parse(
    minimalManifest('规则测试用文件', '仅供清洗规则测试使用的最小清单，不对应任何真实文件。'),
  ),
  manifestFile: 'fixture.json',
};
const stagesOf = (file: string) => clean(readFileSync(join(FIX, file), 'utf8'), ctx, file, { draft: true }).stages;
const squeeze = (s: string) => s.replace(/\s+/gu, '');

describe('PDF-copied texts', () => {
  it('has samples in more than one layout', () => expect(SAMPLES.length).toBeGreaterThanOrEqual(3));

  for (const file of SAMPLES) {
    describe(file, () => {
      const stages = stagesOf(file);
      const footers = stages.find((s) => s.rule === 'strip-page-footers')!;
      const wraps = stages.find((s) => s.rule === 'rejoin-wrapped-lines')!;

      it('loses every page-number line and nothing else', () => {
        expect(footers.edits.length).toBeGreaterThanOrEqual(2);
        for (const e of footers.edits)
          expect(e.from.trim()).toMatch(/^([-—－·]{1,2}\s*\d+\s*[-—－·]{1,2}|第\s*\d+\s*页\s*共\s*\d+\s*页|\d{1,3})$/u);
        const clean = stages.at(-1)!.output;
        expect(clean).not.toMatch(/^([-—－]\s*\d+\s*[-—－]|第\s*\d+\s*页\s*共\s*\d+\s*页|\d{1,3})$/mu);
      });

      it('joins printed lines by taking out breaks and indents only: the joined text is the lines run together', () => {
        expect(layoutOf(wraps.input.split('\n'))).toBeDefined();
        expect(wraps.edits.length).toBeGreaterThan(3);
        for (const e of wraps.edits) {
          expect(e.from).toMatch(/^[ \t\u3000]*\n[\s]*$/u);
          expect(e.to).toMatch(/^ ?$/u);
        }
        expect(squeeze(wraps.output)).toBe(squeeze(wraps.input));
      });

      it('never joins a line onto an outline item, a date line or the 版记', () => {
        for (const e of wraps.edits) {
          const next = wraps.input.slice(e.at + e.from.length).split('\n')[0];
          expect(next).not.toMatch(
            /^(第[一二三四五六七八九十]+[章节条]|[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d{1,3}[.．、]|附件|抄送|\d{4}年\d{1,2}月\d{1,2}日$)/u,
          );
        }
        const cc = stages
          .at(-1)!
          .output.split('\n')
          .filter((l) => l.includes('抄送'));
        expect(cc).toHaveLength(1);
        expect(cc[0]).toMatch(/^抄送：/u);
      });
    });
  }

  it('an indented text keeps each indented line a paragraph of its own, a page break inside a sentence closes up', () => {
    const stages = stagesOf('hubei-yichang-pdf.txt');
    const text = stages.at(-1)!.output.split('\n');
    expect(text).toContain(
      '（二）提升基层诊疗服务能力。支持乡镇卫生院开展常见病、多发病诊疗和一般手术，推动二级以上医院专家下沉基层坐诊带教。',
    );
    expect(text).toContain('各县市区卫生健康局，宜昌高新区社会事务局，委直各单位，市直各医疗卫生机构：');
    // Digits cut by the line end: （20 ⏎ 24—2026年）.
    expect(text.join('\n')).toContain('三年行动方案（2024—2026年）》印发给你们');
    // Titles, signature and date are narrower than the page: they stay lines of their own.
    expect(text).toContain('宜昌市卫生健康委员会关于印发');
    expect(text).toContain('宜昌市卫生健康委员会');
    expect(text).toContain('2024年5月16日');
  });

  it('a text without indents joins page-wide lines that stop mid-sentence and lists the page-wide full stops it left', () => {
    const stages = stagesOf('shandong-shenxian-pdf.txt');
    const wraps = stages.find((s) => s.rule === 'rejoin-wrapped-lines')!;
    expect(layoutOf(wraps.input.split('\n'))?.indented).toBe(false);
    const text = stages.at(-1)!.output.split('\n');
    expect(text).toContain('全县所有定点医疗机构和定点零售药店，自查时间范围为2023年1月1日至2023年12月31日。');
    expect(text.some((l) => l.includes('报县医疗保障局。对自查发现问题主动退回的，依法从轻处理'))).toBe(true);
    // A page-wide line that ends in a full stop may or may not end its paragraph: kept, and listed.
    expect(unsureWraps(wraps.input).map((w) => w.text)).toContain('县医疗保障局将在自查自纠结束后，组织开展抽查复查。');
  });

  it('leaves a web page with one paragraph per line alone', () => {
    const web = [
      '关于进一步加强医疗保障基金监管工作的通知',
      '各县（市、区）医疗保障局：',
      '为深入贯彻落实国家和省关于医疗保障基金监管的决策部署，切实维护医保基金安全，现就进一步加强医疗保障基金监管工作有关事项通知如下。',
      '一、提高思想认识',
      '医保基金是人民群众的“看病钱”“救命钱”，各地要充分认识加强基金监管的重要性和紧迫性，把基金监管作为首要任务抓实抓好。',
      '二、加强日常监管',
      '各地要健全日常巡查、专项检查、飞行检查、重点检查、专家审查等相结合的多形式检查制度，实现定点医药机构现场检查全覆盖。',
      '三、强化协同监管',
      '加强与卫生健康、市场监管、公安等部门的协同配合，建立健全信息共享、线索移送、联合惩戒机制，形成监管合力。',
    ].join('\n');
    expect(layoutOf(web.split('\n'))).toBeUndefined();
    expect(rejoinWrappedLines.apply(web, ctx).edits).toEqual([]);
  });

  it('a bare number goes only when it fits the page sequence a page of text apart', () => {
    const page = (k: number) => Array.from({ length: 12 }, (_, i) => `    第${k}页第${i + 1}段文字。`);
    const text = [...page(1), '1', ...page(2), '2', '序号', '1', '梅山镇', '2', '江店镇', '7', ...page(3)].join('\n');
    const dropped = [...pageFooterLines(splitLines(text))].map((i) => text.split('\n')[i]);
    expect(dropped).toEqual(['1', '2']);
    expect(
      stripPageFooters
        .apply(text, ctx)
        .text.split('\n')
        .filter((l) => /^\d+$/u.test(l)),
    ).toEqual(['1', '2', '7']);
  });
});

describe('layoutOf', () => {
  it('takes short lines of one width among long paragraphs for no page: a web page with a list', () => {
    const list = Array.from({ length: 12 }, (_, i) => `成员：某某单位第${i + 1}位负责同志，分管医疗保障工作`);
    const paras = Array.from(
      { length: 2 },
      () =>
        '各地要健全日常巡查、专项检查、飞行检查、重点检查、专家审查等相结合的多形式检查制度，实现定点医药机构现场检查全覆盖。',
    );
    expect(layoutOf([...paras, ...list])).toBeUndefined();
  });
});

describe('rejoin-wrapped-lines on a list', () => {
  it('joins no labelled line of a list onto the one before', () => {
    const list = Array.from({ length: 12 }, (_, i) => `成员：某某单位第${i + 1}位负责同志，分管医疗保障工作`).join(
      '\n',
    );
    expect(rejoinWrappedLines.apply(list, ctx).edits).toEqual([]);
  });
});
