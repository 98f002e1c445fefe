import { describe, expect, it } from 'vitest';
import { parseAgencies, trailingParenthetical } from './agencies.ts';

/** Real provisions from the seeds (after cleaning), cut to their last sentence and parenthetical. */
const DATONG =
  '在此基础上，在灵丘等地积极探索市级区域医疗中心建设。（责任单位：市卫健委牵头，市发改委、市民政局、市科技局、市财政局、市人社局等按职责分工负责）';
const DATONG_JOINT = '加强队伍建设和行风建设，促进资源下沉和分级诊疗。（责任单位：市卫健委、市民政局牵头负责）';
const DATONG_14 =
  '加强护士配备，逐步实现公立医院医护比1:2左右。（责任单位：市卫健委、市民政局牵头，市委编办、市人社局按职责分工负责）';
const CHANGPING =
  '推进研究型医院--高博医院建设，充分发挥研究型医院的作用，加快医学创新成果落地。（未来城管委会（生命园管委会）、区卫生健康委、区发展改革委、区科委）';
const GUANGDONG =
  '加强村卫生站规范化建设，原则上每个行政村都有1个公建规范化村卫生站。（省卫生健康委，各地级以上市政府负责）';
const ATTACHMENT_2 =
  '继续对粤东粤西粤北地区农村卫生人才参加学历教育给予学费补贴，提升基层大专及以下学历人才学历。（省教育厅、省卫生健康委、省财政厅、省人力资源社会保障厅、省中医药局负责，排在第一位的为牵头单位，下同）';

describe('parseAgencies', () => {
  it('reads 大同’s explicit lead and partners (…牵头，…等按职责分工负责)', () => {
    expect(parseAgencies(DATONG, 'explicit')).toEqual({
      raw: '（责任单位：市卫健委牵头，市发改委、市民政局、市科技局、市财政局、市人社局等按职责分工负责）',
      lead: ['市卫健委'],
      partners: ['市发改委', '市民政局', '市科技局', '市财政局', '市人社局'],
    });
  });

  it('reads two joint leads (市卫健委、市民政局牵头负责) with no partners', () => {
    expect(parseAgencies(DATONG_JOINT, 'explicit')).toEqual({
      raw: '（责任单位：市卫健委、市民政局牵头负责）',
      lead: ['市卫健委', '市民政局'],
      partners: [],
    });
  });

  it('reads two leads followed by partners (大同 item 14)', () => {
    expect(parseAgencies(DATONG_14, 'explicit')).toEqual({
      raw: '（责任单位：市卫健委、市民政局牵头，市委编办、市人社局按职责分工负责）',
      lead: ['市卫健委', '市民政局'],
      partners: ['市委编办', '市人社局'],
    });
  });

  it('an explicit lead wins over the document’s reading convention', () => {
    expect(parseAgencies(DATONG, 'all-lead')).toEqual(parseAgencies(DATONG, 'explicit'));
    expect(parseAgencies(DATONG, 'first-leads')).toEqual(parseAgencies(DATONG, 'explicit'));
  });

  it('reads 昌平’s bare list as first-leads, keeping a nested bracket inside one name', () => {
    expect(parseAgencies(CHANGPING, 'first-leads')).toEqual({
      raw: '（未来城管委会（生命园管委会）、区卫生健康委、区发展改革委、区科委）',
      lead: ['未来城管委会（生命园管委会）'],
      partners: ['区卫生健康委', '区发展改革委', '区科委'],
      basis: '原文未标明牵头单位，按首列单位为牵头整理。',
    });
  });

  it('does not invent a lead when the document gives no convention', () => {
    expect(parseAgencies(CHANGPING, 'explicit')).toEqual({
      raw: '（未来城管委会（生命园管委会）、区卫生健康委、区发展改革委、区科委）',
      lead: [],
      partners: ['未来城管委会（生命园管委会）', '区卫生健康委', '区发展改革委', '区科委'],
      basis: '原文未标明牵头单位。',
    });
  });

  it('reads the Guangdong plan’s （…，…负责） as all-lead', () => {
    expect(parseAgencies(GUANGDONG, 'all-lead')).toEqual({
      raw: '（省卫生健康委，各地级以上市政府负责）',
      lead: ['省卫生健康委', '各地级以上市政府'],
      partners: [],
      basis: '原文列明的单位共同负责，未分牵头与配合。',
    });
  });

  it('reads attachment 2’s own convention (排在第一位的为牵头单位，下同) with the part’s basis', () => {
    const basis = '附件2注明“排在第一位的为牵头单位，下同”。';
    expect(parseAgencies(ATTACHMENT_2, 'first-leads', basis)).toEqual({
      raw: '（省教育厅、省卫生健康委、省财政厅、省人力资源社会保障厅、省中医药局负责，排在第一位的为牵头单位，下同）',
      lead: ['省教育厅'],
      partners: ['省卫生健康委', '省财政厅', '省人力资源社会保障厅', '省中医药局'],
      basis,
    });
  });

  it('ignores parentheticals that name no agencies', () => {
    expect(parseAgencies('加强我省紧密型县域医疗卫生共同体（以下简称县域医共体）', 'all-lead')).toBeUndefined();
    expect(parseAgencies('督促落实《医疗质量安全核心制度要点（2018年版）》', 'first-leads')).toBeUndefined();
    expect(parseAgencies('结合医保按疾病诊断相关分组（DRG）', 'first-leads')).toBeUndefined();
    expect(parseAgencies('鼓励乡镇卫生院招聘在村卫生站工作的执业（助理）', 'all-lead')).toBeUndefined();
    expect(parseAgencies('全省所有县（市、区）', 'first-leads')).toBeUndefined();
  });

  it('only reads a parenthetical that ends the line', () => {
    expect(parseAgencies('（省卫生健康委负责）制定配套政策。', 'all-lead')).toBeUndefined();
    expect(parseAgencies('一、总体要求', 'all-lead')).toBeUndefined();
  });
});

describe('trailingParenthetical', () => {
  it('finds the last full-width bracket pair, nested brackets included', () => {
    expect(trailingParenthetical(CHANGPING)).toEqual({
      start: CHANGPING.indexOf('（未来城'),
      inner: '未来城管委会（生命园管委会）、区卫生健康委、区发展改革委、区科委',
    });
  });

  it('returns null without a closing bracket at the end, or with unbalanced brackets', () => {
    expect(trailingParenthetical('（省卫生健康委负责）。')).toBeNull();
    expect(trailingParenthetical('省卫生健康委负责）')).toBeNull();
  });
});
