/** What the built HTML in dist/ must contain (and must not), page by page. */
import { readFileSync, existsSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkLinks } from '../../scripts/lib/check-links.ts';
import { DOCS } from './harness.ts';
import { readClauseData } from '../../src/lib/data/clauses.ts';
import { HOME_NEWEST } from '../../src/lib/paginate.ts';

const html = (path: string) => readFileSync(join('dist', path), 'utf8');
const text = (h: string) =>
  h
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
/** The policy text of a built document page (the metadata block may name the source site). */
// The text itself (the metadata block may name the source site). The damaged original of a repair, shown on
// demand beside its mark, is left out: the text is what reads.
const policyText = (slug: string) =>
  text(
    html(`policies/${slug}/index.html`)
      .split('<div class="policy-text">')[1]
      .split('id="provenance"')[0]
      .replace(/<span class="original"[^>]*>[^<]*<\/span>/g, ''),
  );
/** Furniture each of these documents' own seeds carry around the text (one document's own text each). */
const FURNITURE: Record<string, string[]> = {
  'datong-gaozhiliang': ['招商网络', '关于推动出租汽车行业'],
  'guangdong-yigongti': ['鹤山市人民政府', '鶴山', '國徽', '分享到', '无码', '政策解读：'],
  'lasa-tixi-2025': ['浏览量', '扫一扫', '责任编辑', '【打印', '点赞'],
  'shaoxing-2019': ['扫一扫', '版权声明'],
};

describe('document pages', () => {
  test.each(DOCS)('%s: Chinese, titled, described, canonical (with SITE), Open Graph', (slug) => {
    const h = html(`policies/${slug}/index.html`);
    // Built without SITE: no canonical (it must be absolute); the sub-path build has SITE and one.
    expect(h).not.toContain('rel="canonical"');
    const subFile = join('dist-sub', 'policies', slug, 'index.html');
    expect(h).toMatch(/<html lang="zh-CN">/);
    expect(h).toMatch(/<title>[^<]+ - 医改政策注释库<\/title>/);
    expect(h).toMatch(/<meta name="description" content="[^"]{20,}">/);
    // (A temporary copy checked after `npm run build` alone has no sub-path build; npm test always makes one.)
    if (existsSync(subFile))
      expect(readFileSync(subFile, 'utf8')).toMatch(
        new RegExp(`<link rel="canonical" href="https?://[^"]+/policies/${slug}/">`),
      );
    expect(h).toMatch(/<meta property="og:title" content="[^"]+">/);
    expect(h).toMatch(/<meta property="og:type" content="article">/);
  });

  test.each(Object.entries(FURNITURE))('%s: none of its seed’s page furniture', (slug, furniture) => {
    const t = policyText(slug);
    for (const f of furniture) expect(t, f).not.toContain(f);
  });

  test.each(DOCS)('%s: no mojibake, no Traditional leftovers, no pinyin annotations, no "undefined"', (slug) => {
    const t = policyText(slug);
    expect(html(`policies/${slug}/index.html`)).not.toMatch(/>undefined<|"undefined"|>null</);
    expect(t).not.toMatch(/[\p{Script=Han}][?\ufffd]|[?\ufffd][\p{Script=Han}]/u);
    expect(t).not.toMatch(/[務態導機關與為於會發國]/u);
    expect(t).not.toMatch(/\((wù|tài|dǎo)\)/u);
  });

  test('every clause of the clause data has its anchor on the page: parts and provisions as headings', () => {
    for (const slug of DOCS) {
      const h = html(`policies/${slug}/index.html`);
      for (const c of readClauseData(`src/content/clauses/${slug}.json`))
        expect(h, `${slug}#${c.id}`).toMatch(
          new RegExp(c.kind === 'para' ? `<[a-z]+ [^>]*\\bid="${c.id}"` : `<h[2-6][^>]* id="${c.id}"`),
        );
    }
  });

  test('大同: exact anchors and numbering from the text', () => {
    const h = html('policies/datong-gaozhiliang/index.html');
    expect(h).toMatch(/<h4 id="s3-4-15"[^>]*>15\.改革薪酬分配制度。<\/h4>/);
    expect(h).toMatch(/<h2 id="s1"[^>]*>一、指导思想<\/h2>/);
    expect(h).toMatch(/<p id="s1-p1" class="para">以新时代中国特色社会主义思想为指导，/);
    // The stray "p" is corrected in place and shown as a correction with the original.
    expect(text(h)).toContain('加强公立医院主体地位');
    expect(h).toContain('原文作“加强p公立医院主体地位”');
    expect(h).toContain('id="corr-1"');
    // Title supplied by editors, marked as such.
    expect(h).toMatch(/<span class="supplied"[^>]*>大同市推动公立医院高质量发展实施方案/);
    // Agencies as labels.
    expect(h).toMatch(
      /<li class="lead"><span class="role">牵头<\/span><a href="\/agencies\/datong-renshe\/">市人社局<\/a><\/li>/,
    );
  });

  test('广东: notice, plan, attachments 1 and 2 in full, titles of 3 and 4, image notes, repairs listed', () => {
    const h = html('policies/guangdong-yigongti/index.html');
    const t = text(h);
    expect(t).toContain('粤府办〔2019〕18号');
    expect(t).toContain('广东省三级甲等公立医院与县级公立医院开展');
    expect(t).toContain('基层医疗卫生人才队伍是实现卫生健康事业高质量发展的关键');
    expect(t).toContain(
      '对基层医疗卫生机构符合规定的人员工资、离退休人员费用、人员培训和招聘等所需经费给予定额补助并纳入财政年度预算，足额保障落实。',
    );
    expect(t).toContain('紧密型县域医疗卫生共同体建设三方权责清单');
    expect(t).toContain('紧密型县域医疗卫生共同体评价标准和评价指标体系');
    for (const id of ['tz', 'zw', 'fj1', 'fj2', 'fj3', 'fj4', 'fj1-s3-2-1', 'fj2-s2-10'])
      expect(h).toContain(`id="${id}"`);
    for (const img of ['表1.jpg', '表7.jpg', '表11.jpg'])
      expect(h).toMatch(new RegExp(`原文此处为图片[\\s\\S]{0,200}${img.replace('.', '\\.')}`));
    // Repaired text reads cleanly; the provenance lists the original bytes.
    expect(t).toContain('通过托管、专科共建、临床带教');
    expect(t).toContain('提高医保基金使用绩效');
    expect(h).toMatch(/乱码修复（\d+ 处）/);
  });

  test('绍兴: truncation notice and the 己→已 correction are shown', () => {
    const h = html('policies/shaoxing-2019/index.html');
    expect(h).toMatch(/class="truncated"[^>]*><span class="badge">编者注<\/span>转载网页的正文至此中断/);
    expect(h).toContain('原文作“全市三级以上医院己实现”');
  });

  test('昌平: the mis-numbered （2） is corrected to （二） and marked', () => {
    const h = html('policies/changping-gaozhiliang/index.html');
    expect(h).toMatch(/<h3 id="s2-2"[^>]*>（<span class="correction"><ins>二<\/ins>/);
    expect(h).toContain('征求意见稿（非正式文本）');
  });

  test('spam from the Guangdong seed is counted in the provenance but never reproduced', () => {
    const h = html('policies/guangdong-yigongti/index.html');
    expect(h).toContain('strip-spam');
    expect(h).not.toMatch(/无码|亚洲最大/);
  });
});

describe('site', () => {
  test('home lists the documents with their metadata and links, and never prints a missing field', () => {
    const h = html('index.html');
    // Every one in a small library; a larger one shows the newest HOME_NEWEST (lists.test.ts).
    if (DOCS.length <= HOME_NEWEST) for (const slug of DOCS) expect(h).toContain(`href="/policies/${slug}/"`);
    expect(h).not.toMatch(/>undefined<|"undefined"|>null</);
    expect(h).toContain('粤府办〔2019〕18号');
    expect(h).toContain('征求意见稿');
  });
  test('404 and robots exist (the sitemap, written only with SITE, is tested in addresses.test.ts)', () => {
    expect(existsSync('dist/404.html')).toBe(true);
    expect(existsSync('dist/robots.txt')).toBe(true);
  });
  test('document pages ship the copy tools and the lazy search starter, and nothing from other hosts', () => {
    const doc = html('policies/datong-gaozhiliang/index.html');
    expect(doc).toContain('class="permalink" href="#s3-4-15" aria-label="本条链接：第三部分（四）第15项"');
    expect(doc).not.toMatch(/<(script|img)[^>]+src="https?:\/\//);
    expect(doc).not.toMatch(/<link rel="(stylesheet|preload|modulepreload|icon)"[^>]+href="https?:\/\//);
  });
});

describe('link checker', () => {
  test('every internal link, asset and #fragment in dist/ resolves', () => {
    const { pages, links, broken } = checkLinks('dist');
    // Every document page, its open-data files and the home page's link to it were among those checked.
    expect(pages).toBeGreaterThan(DOCS.length);
    expect(links).toBeGreaterThanOrEqual(DOCS.length * 4);
    expect(broken).toEqual([]);
  });
  test('reports a missing page and a missing fragment, naming the page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'links-'));
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'index.html'), '<a href="/a/#nope">x</a><a href="/missing/">y</a><a href="/a/#here">z</a>');
    writeFileSync(join(dir, 'a', 'index.html'), '<p id="here">a</p>');
    const { broken } = checkLinks(dir);
    expect(broken.map((b) => `${b.page} ${b.link}`)).toEqual(['index.html /a/#nope', 'index.html /missing/']);
    expect(broken[0].problem).toContain('no element with id "nope"');
  });
});
