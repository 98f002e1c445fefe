/** draftManifest, readRegion, deriveSlug and sourceOffset on small texts: what is read, from where, and what stays empty. */
import { describe, expect, it } from 'vitest';
import { draftManifest, isoDate, TRUNCATED_NOTICE } from './extract.ts';
import { readRegion } from './region.ts';
import { deriveSlug } from './slug.ts';
import { sourceOffset } from './source-lines.ts';
import { sourceOf } from '../rules/strip-source-line.ts';
import { splitLines } from '../ledger.ts';

const draft = (text: string) => draftManifest(text, [], () => 0);
const from = (d: ReturnType<typeof draft>, field: string) => d.found.find((f) => f.field === field)?.from;

describe('draftManifest', () => {
  it('reads a title split over two lines, a consultation draft and a county, and leaves the rest empty', () => {
    const d = draft(
      '昌平区推动公立医院\n高质量发展实施方案\n（征求意见稿）\n一、总体要求\n各部门要加强组织领导，确保落实。',
    );
    expect(d.meta.title).toBe('昌平区推动公立医院高质量发展实施方案');
    expect(from(d, 'title')).toContain('与下一行合为标题');
    expect(d.meta.status).toBe('征求意见稿');
    expect(d.headLines).toBe(3);
    expect(d.meta.kind).toBe('实施方案');
    expect(d.meta.region).toEqual({ province: '北京市', district: '昌平区' });
    expect(d.missing).toEqual(['issuer', 'docNumber', 'date']);
    expect(d.parts).toEqual([]);
  });

  it('reads a notice with its plan title, 文号 in other brackets, signature and attachments', () => {
    const d = draft(
      [
        '某某市卫生健康委员会关于印发某某市医疗联合体建设工作方案的通知',
        '某卫发[2021]7号',
        '各县区卫生健康局：',
        '现将《某某市医疗联合体建设工作方案》印发给你们，请认真贯彻落实。',
        '某某市卫生健康委员会',
        '二〇二一年三月五日',
        '某某市医疗联合体建设工作方案',
        '一、工作目标',
        '到2022年，建成城市医疗集团。',
        '附件1',
        '医联体建设评价指标',
        '1.双向转诊人次。',
      ].join('\n'),
    );
    expect(d.meta.title).toBe('某某市卫生健康委员会关于印发某某市医疗联合体建设工作方案的通知');
    expect(d.meta.docNumber).toBe('某卫发〔2021〕7号');
    expect(from(d, 'docNumber')).toContain('括号统一为〔〕');
    expect(d.meta.date).toBe('2021-03-05');
    expect(d.meta.issuer).toBe('某某市卫生健康委员会');
    expect(d.meta.kind).toBe('工作方案');
    expect(d.meta.region).toBeUndefined(); // 某某市 is in no division list
    expect(d.missing).toEqual(['region']);
    expect(d.parts.map((p) => [p.id, p.kind, p.start, p.titleLines])).toEqual([
      ['tz', 'notice', '某卫发[2021]7号', 0],
      ['zw', 'main', '某某市医疗联合体建设工作方案', 1],
      ['fj1', 'attachment', '附件1', 2],
    ]);
  });

  it('marks a text that ends mid-sentence as truncated, and not one that ends with its signature', () => {
    expect(draft('某某县实施方案\n一、目标\n各乡镇要加强组织领导，强化部门协同，确保各项').truncated).toBe(
      TRUNCATED_NOTICE,
    );
    expect(
      draft('某某县实施方案\n一、目标\n各乡镇要加强组织领导。\n某某县人民政府\n2024年3月8日').truncated,
    ).toBeUndefined();
  });

  it('reads dates only when they exist', () => {
    expect(isoDate('2024年3月8日')).toBe('2024-03-08');
    expect(isoDate('二〇二四年十二月三十一日')).toBe('2024-12-31');
    expect(isoDate('2024/3/8')).toBe('2024-03-08');
    expect(isoDate('2025年2月30日')).toBeUndefined();
    expect(isoDate('2024年3月')).toBeUndefined();
  });
});

describe('readRegion', () => {
  it('completes units above a unique name from the division list, and says so', () => {
    const r = readRegion(['海南州卫生健康委员会']);
    expect([r.province, r.city, r.district]).toEqual(['青海省', '海南藏族自治州', undefined]);
    expect(r.found.find((f) => f.level === 'province')?.fromList).toBe(true);
  });
  it('gives nothing for a name that is not unique', () => {
    expect(readRegion(['朝阳区卫生健康委员会']).district).toBeUndefined();
    expect(readRegion(['辽宁省朝阳市朝阳县卫生健康局'])).toMatchObject({
      province: '辽宁省',
      city: '朝阳市',
      district: '朝阳县',
    });
  });
});

describe('deriveSlug', () => {
  it('is ASCII pinyin of the smallest region, a topic and the year', () => {
    expect(
      deriveSlug({
        title: '共和县紧密型县域医疗卫生共同体建设实施方案',
        region: { province: '青海省', city: '海南藏族自治州', district: '共和县' },
        year: 2024,
      }),
    ).toBe('gonghe-yigongti-2024');
    expect(
      deriveSlug({
        title: '锡林郭勒盟公立医院高质量发展实施方案',
        region: { province: '内蒙古自治区', city: '锡林郭勒盟' },
      }),
    ).toBe('xilinguole-gaozhiliang');
    expect(deriveSlug({ title: '关于做好某项工作的通知', region: { province: '西藏自治区' }, year: 2020 })).toMatch(
      /^xizang-[a-z]+-2020$/u,
    );
  });
});

describe('sourceOffset', () => {
  it('maps a clean offset back through removals and replacements', () => {
    const stages = [
      { rule: 'a', input: 'xx\nABC', output: 'ABC', edits: [{ rule: 'a', at: 0, from: 'xx\n', to: '' }] },
      { rule: 'b', input: 'ABC', output: 'AbbC', edits: [{ rule: 'b', at: 1, from: 'B', to: 'bb' }] },
    ];
    expect(sourceOffset(stages, 0)).toBe(3);
    expect(sourceOffset(stages, 2)).toBe(4);
    expect(sourceOffset(stages, 3)).toBe(5);
  });
});

describe('sourceOf (the page’s 来源 line, for meta.source)', () => {
  const of = (text: string) => sourceOf(splitLines(text));
  it('reads the value with its line; another label on the line ends it; a value on the next line counts', () => {
    expect(of('标题\n正文。\n来源：绵阳市医疗保障局\n编辑：张三')).toEqual({
      site: '绵阳市医疗保障局',
      line: 2,
      text: '来源：绵阳市医疗保障局',
    });
    expect(of('来源：德阳市人民政府  发布时间：2024-03-05')?.site).toBe('德阳市人民政府');
    expect(of('来源: 某局 作者：张三')?.site).toBe('某局');
    expect(of('正文。\n来源：\n拉萨市人民政府办公室\n')).toMatchObject({ site: '拉萨市人民政府办公室', line: 2 });
  });
  it('finds nothing where there is no 来源 line or it is empty', () => {
    expect(of('资金来源：财政补助。')).toBeUndefined();
    expect(of('来源：\n各县(区)人民政府:')).toBeUndefined();
  });
});

describe('draftManifest on printed documents (红头文件)', () => {
  const notice = [
    '某某县卫生健康局文件',
    '某卫发〔2024〕3号',
    '某某县卫生健康局关于印发某某县',
    '基层卫生人才队伍建设',
    '实施方案的通知',
    '各乡镇卫生院：',
    '现将《某某县基层卫生人才队伍建设实施方案》印发给你们，请认真贯彻执行。',
    '某某县卫生健康局',
    '2024年6月3日',
    '（此件公开发布）',
    '某某县基层卫生人才队伍建设实施方案',
    '一、工作目标',
    '到2025年，每个乡镇卫生院至少有2名全科医生。',
    '抄送：县人民政府办公室。',
    '某某县卫生健康局办公室 2024年6月4日印发',
  ].join('\n');

  it('joins a notice title printed over three lines and leaves the 红头 out of it', () => {
    const d = draft(notice);
    expect(d.meta.title).toBe('某某县卫生健康局关于印发某某县基层卫生人才队伍建设实施方案的通知');
    expect(d.headLines).toBe(5);
    expect(d.unsure.join('\n')).toContain('标题分在3行');
    // The title stays the notice's; the review names the plan it issues.
    expect(d.found.find((f) => f.field === 'parts.正文')?.value).toBe('《某某县基层卫生人才队伍建设实施方案》');
  });

  it("drafts the 版记 as a part of its own after the text and the 公开 mark as an editor's note", () => {
    const d = draft(notice);
    expect(d.parts.map((p) => [p.id, p.kind, p.start])).toEqual([
      ['tz', 'notice', '各乡镇卫生院：'],
      ['zw', 'main', '某某县基层卫生人才队伍建设实施方案'],
      ['bj', 'colophon', '抄送：县人民政府办公室。'],
    ]);
    expect(d.parts[2].titleNote).toContain('编者所加');
    expect(d.notes).toEqual([expect.objectContaining({ find: '（此件公开发布）', count: 1 })]);
    // The signature before the 版记 still gives the date and issuer.
    expect(d.meta.date).toBe('2024-06-03');
  });

  it('finds no 版记 in a text that ends without 抄送 or a printing line', () => {
    const d = draft(notice.split('\n').slice(0, -2).concat('（联系人：张三，电话：1234567）').join('\n'));
    expect(d.parts.map((p) => p.id)).toEqual(['tz', 'zw']);
  });

  it('joins a title from 关于 over up to four lines; a 红头 or 文号 line never starts one', () => {
    const d = draft(
      [
        '某某市医疗保障局文件',
        '某医保发〔2024〕1号',
        '关于进一步做好',
        '基本医疗保险',
        '异地就医直接结算',
        '工作的通知',
        '各县区医疗保障局：',
        '为做好异地就医直接结算工作，现通知如下。',
      ].join('\n'),
    );
    expect(d.meta.title).toBe('关于进一步做好基本医疗保险异地就医直接结算工作的通知');
    expect(from(d, 'title')).toContain('与下三行合为标题');
  });
});
