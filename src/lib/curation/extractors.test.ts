import { describe, expect, test } from 'vitest';
import { extractTargets, isReport } from './targets.ts';
import { findVariants, variantPatterns } from './aliases.ts';
import { suggestTopics, termTopicModel } from './topics.ts';

// Sentences written for these tests, in the style of the documents.
describe('candidate targets', () => {
  test('a dated plan: indicator, verbatim value, unit, comparison and deadline', () => {
    const text =
      '到2027年，全县县域内住院率提高到85%以上，基层门急诊量占比达到65%左右，每千常住人口执业（助理）医师数不低于3.2人。';
    const got = extractTargets(text, 2024);
    expect(
      got.map((t) => [t.indicator, t.value, t.number, t.unit, t.comparison, t.year, t.deadline, t.status]),
    ).toEqual([
      ['县域内住院率', '85%以上', 85, '%', 'min', 2027, '到2027年', 'target'],
      ['基层门急诊量占比', '65%左右', 65, '%', 'about', 2027, '到2027年', 'target'],
      ['每千常住人口执业（助理）医师数', '3.2人', 3.2, '人', 'min', 2027, '到2027年', 'target'],
    ]);
    for (const t of got) expect(text).toContain(t.value);
  });
  test('全覆盖, counts of things built, and a deadline carried to the next sentence', () => {
    const got = extractTargets('到2026年底，乡镇卫生院远程心电诊断实现全覆盖。每个乡镇建成1所中心卫生院。', 2024);
    expect(got.map((t) => [t.indicator, t.value, t.number, t.unit, t.deadline])).toEqual([
      ['乡镇卫生院远程心电诊断', '全覆盖', 100, '%', '到2026年底'],
      ['每个乡镇建成中心卫生院', '1所', 1, '所', '到2026年底'],
    ]);
  });
  test('a baseline and its target (从…提高到…), and figures reported as achieved', () => {
    const plan = extractTargets('全科医生数从每万人2.5人提高到3.8人。', 2024);
    expect(plan.map((t) => [t.value, t.status])).toEqual([
      ['2.5人', 'baseline'],
      ['3.8人', 'target'],
    ]);
    expect(plan[1].indicator).toBe(plan[0].indicator);
    const done = extractTargets('全年累计完成家庭医生签约42.6万人，签约率达38.5%。', 2023, true);
    expect(done.map((t) => [t.value, t.number, t.unit, t.status])).toEqual([
      ['42.6万人', 426000, '人', 'achieved'],
      ['38.5%', 38.5, '%', 'achieved'],
    ]);
  });
  test('not figures: years, document numbers, ordinals, kinds of hospital', () => {
    expect(extractTargets('根据国办发〔2021〕18号文件第3条，推动三级医院和2级医院协作。', 2024)).toEqual([]);
  });
  test('a report is told by its title or kind', () => {
    expect(isReport('某市卫生健康委员会2023年工作总结', '工作总结')).toBe(true);
    expect(isReport('某县紧密型医共体建设实施方案', '实施方案')).toBe(false);
  });
});

describe('glossary variants', () => {
  const entries = [
    { id: 'weisheng-fangzhen', term: '卫生健康工作方针', aliases: [] },
    { id: 'sanyi-liandong', term: '三医联动', aliases: ['“三医”联动'] },
    { id: 'yigongti', term: '县域医共体', aliases: [] },
  ];
  const forms = new Map(entries.flatMap((e) => [e.term, ...e.aliases].map((f) => [f, e.id] as [string, string])));
  const find = (text: string) => findVariants(text, variantPatterns(entries), forms).map((v) => [v.termId, v.variant]);
  test('connectors put into a term', () => {
    expect(find('全面贯彻新时代党的卫生与健康工作方针。')).toEqual([['weisheng-fangzhen', '卫生与健康工作方针']]);
  });
  test('a numbered term spelled out as its parts', () => {
    expect(find('推动医疗、医保、医药联动改革。')).toEqual([['sanyi-liandong', '医疗、医保、医药联动']]);
    expect(find('统筹医疗、医保和医药联动')).toEqual([['sanyi-liandong', '医疗、医保和医药联动']]);
  });
  test('nothing where a known form already matches, or the parts do not add up', () => {
    expect(find('统筹医疗、医保、医药“三医”联动改革，建设县域医共体。')).toEqual([]);
    expect(find('推动医疗、医保联动。')).toEqual([]);
    expect(find('卫生健康工作方针')).toEqual([]);
  });
});

describe('topic suggestions', () => {
  const topics = [
    { id: 'yibao', name: '医保支付方式改革' },
    { id: 'xinchou', name: '薪酬制度改革' },
    { id: 'jiceng', name: '基层能力' },
  ];
  const model = termTopicModel(
    [
      { terms: ['drg', 'dip'], topics: ['yibao'] },
      { terms: ['drg'], topics: ['yibao', 'jiceng'] },
      { terms: ['liangge-yunxu'], topics: ['xinchou'] },
    ],
    topics,
  );
  test('similar provisions on topics, terms and wording each count, and each is given as a reason', () => {
    const got = suggestTopics(
      {
        neighbours: [{ key: 'x#s1', score: 0.3, topics: ['yibao'] }],
        terms: ['drg'],
        text: '推进按病种分值付费，完善医保支付方式。',
      },
      model,
    );
    expect(got[0]).toMatchObject({ topic: 'yibao', name: '医保支付方式改革' });
    expect(got[0].reasons).toEqual(['相似条款 x#s1', '术语 drg', '用语“医保支付方式”']);
  });
  test('wording alone can suggest a topic; no evidence, no suggestion', () => {
    expect(
      suggestTopics({ neighbours: [], terms: [], text: '合理确定医务人员薪酬水平。' }, model).map((s) => s.topic),
    ).toEqual(['xinchou']);
    expect(suggestTopics({ neighbours: [], terms: [], text: '加强宣传引导。' }, model)).toEqual([]);
  });
});
