import { describe, expect, it } from 'vitest';
import { sourcePublisher } from './source-publisher.ts';

const region = { province: '西藏自治区', city: '拉萨市' };

describe('sourcePublisher', () => {
  it('a site or note that says 转载 is a reprint, even on a government site', () => {
    expect(sourcePublisher({ region: { province: '广东省' }, source: { site: '鹤山市人民政府网站（转载）' } })).toBe(
      'reprint',
    );
    expect(sourcePublisher({ region, source: { site: '某网站', note: '转载自拉萨市人民政府网站' } })).toBe('reprint');
  });
  it('the own region’s government website or a .gov.cn address is official', () => {
    expect(sourcePublisher({ region, source: { site: '拉萨市人民政府网站' } })).toBe('official');
    expect(sourcePublisher({ region, source: { site: '政务公开', url: 'https://www.lasa.gov.cn/x.html' } })).toBe(
      'official',
    );
  });
  it('another region’s site is not official, and nothing known is unknown', () => {
    expect(sourcePublisher({ region, source: { site: '北京市人民政府网站' } })).toBe('unknown');
    expect(sourcePublisher({ region, source: { site: '某资讯网' } })).toBe('unknown');
  });
  it('an editor’s explicit value wins', () => {
    expect(sourcePublisher({ region, source: { site: '某资讯网', publisher: 'official' } })).toBe('official');
  });
});
