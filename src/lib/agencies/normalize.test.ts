import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadAgencyNames, placeCode, readAgency, type Region } from './normalize.ts';

// The real table: regions below are ones it has never seen (no `places` entry, no `exact` name).
const table = loadAgencyNames();
const read = (raw: string, region: Region) => readAgency(raw, region, table);
const name = (raw: string, region: Region) => {
  const a = read(raw, region);
  return a.match === 'unresolved' ? `unresolved: ${a.reason}` : a.name;
};
const id = (raw: string, region: Region) => {
  const a = read(raw, region);
  return a.match === 'unresolved' ? 'unresolved' : a.id;
};

const GONGHE: Region = { province: '青海省', city: '海南藏族自治州', district: '共和县' };
const HAINANZHOU: Region = { province: '青海省', city: '海南藏族自治州' };
const YANJI: Region = { province: '吉林省', city: '延边朝鲜族自治州', district: '延吉市' };
const XILINGUOLE: Region = { province: '内蒙古自治区', city: '锡林郭勒盟', district: '正蓝旗' };
const LUOYANG: Region = { province: '河南省', city: '洛阳市' };
const JILIN: Region = { province: '吉林省' };
const XINJIANG: Region = { province: '新疆维吾尔自治区' };

describe('level words pick the unit of the document’s own region', () => {
  test('州 in a prefecture (自治州) document, and in one of its counties', () => {
    expect(name('州卫健委', HAINANZHOU)).toBe('海南藏族自治州卫生健康委员会');
    expect(name('州卫健委', GONGHE)).toBe('海南藏族自治州卫生健康委员会');
    expect(name('州委组织部', GONGHE)).toBe('中共海南藏族自治州委组织部');
  });
  test('县 in a county document', () => {
    expect(name('县医保局', GONGHE)).toBe('共和县医疗保障局');
    expect(name('县卫健局', GONGHE)).toBe('共和县卫生健康局');
    expect(name('县委编办', GONGHE)).toBe('中共共和县委机构编制委员会办公室');
    expect(name('县政府', GONGHE)).toBe('共和县人民政府');
  });
  test('市 in a county-level city (县级市) is that city, not the prefecture', () => {
    expect(name('市卫健委', YANJI)).toBe('延吉市卫生健康委员会');
    expect(name('州医保局', YANJI)).toBe('延边朝鲜族自治州医疗保障局');
    expect(name('自治州卫健委', YANJI)).toBe('延边朝鲜族自治州卫生健康委员会');
  });
  test('盟 and 旗 in Inner Mongolia', () => {
    expect(name('盟卫健委', XILINGUOLE)).toBe('锡林郭勒盟卫生健康委员会');
    expect(name('旗医保局', XILINGUOLE)).toBe('正蓝旗医疗保障局');
  });
  test('省, 市 and 自治区 (区 in a document of the autonomous region itself)', () => {
    expect(name('省医保局', JILIN)).toBe('吉林省医疗保障局');
    expect(name('市财政局', LUOYANG)).toBe('洛阳市财政局');
    expect(name('自治区卫健委', XINJIANG)).toBe('新疆维吾尔自治区卫生健康委员会');
    expect(name('区卫健委', XINJIANG)).toBe('新疆维吾尔自治区卫生健康委员会');
  });
  test('a full form name after the level word reads like its short form', () => {
    expect(name('县卫生健康委员会', GONGHE)).toBe('共和县卫生健康委员会');
    expect(id('县卫生健康委员会', GONGHE)).toBe(id('县卫健委', GONGHE));
  });
  test('a name that starts with the region’s own place name', () => {
    expect(name('共和县医疗保障局', GONGHE)).toBe('共和县医疗保障局');
    expect(name('海南藏族自治州卫生健康委员会', GONGHE)).toBe('海南藏族自治州卫生健康委员会');
    expect(name('中共共和县委组织部', GONGHE)).toBe('中共共和县委组织部');
    expect(name('吉林省医疗保障局', JILIN)).toBe('吉林省医疗保障局');
  });
});

describe('what is not regular is listed, never guessed', () => {
  test('a level the document’s region does not have (县卫健委 in a city document: every county’s)', () => {
    const a = read('县卫健委', LUOYANG);
    expect(a.match).toBe('unresolved');
    expect(a.match === 'unresolved' && a.reason).toContain('没有对应的一级');
    // 州 is not a 市: no prefecture named 州 in 洛阳.
    expect(read('州卫健委', LUOYANG).match).toBe('unresolved');
    // 区 in a city of an autonomous region may be the region or a district: not guessed.
    expect(read('区卫健委', { province: '西藏自治区', city: '日喀则市' }).match).toBe('unresolved');
  });
  test('an unknown form or a name without a level word names what to add', () => {
    const unknown = read('县乡村振兴局', GONGHE);
    expect(unknown.match === 'unresolved' && unknown.reason).toMatch(
      /“乡村振兴局”不是 agency-names\.json 中的单位简称或全称.*forms/,
    );
    const none = read('各乡镇人民政府', GONGHE);
    expect(none.match === 'unresolved' && none.reason).toMatch(/没有可读的层级词.*exact/);
    // 市中区 is a place name starting with 市: read as the place, not as 市 + 中区….
    expect(name('市中区卫健委', { province: '山东省', city: '济南市', district: '市中区' })).toBe(
      '市中区卫生健康委员会',
    );
  });
});

describe('ids', () => {
  test('a listed place keeps its readable code; the existing agencies keep their ids', () => {
    expect(read('市卫健委', { province: '山西省', city: '大同市' })).toMatchObject({
      id: 'datong-weijian',
      match: 'pattern',
    });
    expect(read('区委组织部', { province: '北京市', district: '昌平区' })).toMatchObject({
      id: 'changping-dangwei-zuzhibu',
      name: '中共昌平区委组织部',
    });
    expect(read('市公安局昌平分局', { province: '北京市', district: '昌平区' })).toMatchObject({
      id: 'changping-gongan-changping',
      match: 'exact',
    });
  });
  test('an unlisted place gets a stable code from its full path: same place, same agency, whichever document names it', () => {
    expect(read('州卫健委', GONGHE)).toMatchObject({ match: 'pattern', place: '青海省海南藏族自治州' });
    expect(id('州卫健委', GONGHE)).toBe(id('州卫健委', HAINANZHOU));
    expect(id('州卫健委', GONGHE)).toMatch(/^r[a-z0-9]+-weijian$/);
    // Two counties of the same name in different prefectures are different agencies.
    const a = id('县卫健委', { province: '四川省', city: '甘孜藏族自治州', district: '德格县' });
    const b = id('县卫健委', { province: '四川省', city: '阿坝藏族羌族自治州', district: '德格县' });
    expect(a).toMatch(/-weijian$/);
    expect(a).not.toBe(b);
    expect(placeCode('青海省海南藏族自治州', table)).toBe(placeCode('青海省海南藏族自治州', table));
  });
});

describe('the table', () => {
  test('a broken table names the file and the field', () => {
    const d = mkdtempSync(join(tmpdir(), 'agency-names-'));
    writeFileSync(join(d, 'a.json'), '{ "forms": [ { "id": "Bad Id", "full": "卫生健康委员会", "forms": [] } ] }');
    expect(() => loadAgencyNames(join(d, 'a.json'))).toThrow(/a\.json:1: forms\.0\.id: ids are lower-case ASCII/);
    writeFileSync(join(d, 'b.json'), '{ "forms": [ }');
    expect(() => loadAgencyNames(join(d, 'b.json'))).toThrow(/b\.json:1: (is )?not valid JSON/);
  });
});
