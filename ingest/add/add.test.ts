/**
 * `npm run add` on unseen scraped pages (ingest/add/__fixtures__/*.txt, written
 * for this test in the style of real government and mirror pages), each into
 * a temporary copy of the library: the command exits 0, the seed is the raw
 * bytes, the draft holds the fields the text gives with the lines they came
 * from, every sentence of the policy text is in the MDX and no furniture is.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from './main.ts';

// Each case cleans and ingests whole documents; the machine may be shared.
vi.setConfig({ testTimeout: 120_000 });

const ROOT = join(import.meta.dirname, '../..');
const FIX = join(import.meta.dirname, '__fixtures__');
const NODE = join(ROOT, 'node_modules/.bin/node');
const t2s = OpenCC.Converter({ from: 't', to: 'cn' });

// A library of its own per test, empty but for what the test adds: adding must
// not depend on which documents a library holds (tests/e2e/add-document.test.ts
// adds to a full copy of the project and builds it).
let lib: string;
beforeEach(() => {
  lib = mkdtempSync(join(tmpdir(), 'add-'));
  for (const p of ['seeds', 'ingest/manifests']) mkdirSync(join(lib, p), { recursive: true });
});
afterEach(() => rmSync(lib, { recursive: true, force: true }));

/** The command in-process (as the CLI runs it, with its output captured). */
function add(file: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['--root', lib, file, ...args], { out: (s) => out.push(s + '\n'), err: (s) => err.push(s + '\n') });
  return { code, out: out.join(''), err: err.join('') };
}
/** The real command: a Node process, as `npm run add` starts it. */
function addCli(file: string, ...args: string[]) {
  const r = spawnSync(NODE, [join(ROOT, 'ingest/add/cli.ts'), '--root', lib, file, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const manifestOf = (slug: string) => JSON.parse(readFileSync(join(lib, 'ingest/manifests', `${slug}.json`), 'utf8'));
/** The reading text of an MDX document: frontmatter, tags and escapes gone, corrections as corrected. */
function mdxText(slug: string): string {
  const mdx = readFileSync(join(lib, 'src/content/policies', `${slug}.mdx`), 'utf8');
  return mdx
    .split('\n---\n')
    .slice(1)
    .join('\n')
    .replace(/<[^>]*>/gu, '')
    .replace(/\\(.)/gu, '$1')
    .replace(/\s+/gu, '');
}
const squeeze = (s: string) => s.replace(/[\s\u3000]+/gu, '');

interface Case {
  file: string;
  slug: string;
  /** Lines of the page that are not the document (removed by named rules): none may be in the MDX. */
  furniture: string[];
  /** Lines of a metadata table or infobox: out of the text, but their values may recur in it (2023年6月12日). */
  metaLines?: string[];
  /** Fields the draft must hold, with a fragment of the line they came from. */
  fields: Record<string, [unknown, string]>;
  traditional?: boolean;
  /** What the rules do to the page's own lines besides whitespace and script (lost indentation, pinyin). */
  expect?: (line: string) => string;
}

const CASES: Case[] = [
  {
    file: 'qinghai-gonghe-yigongti.txt',
    slug: 'gonghe-yigongti-2024',
    furniture: [
      '首页 政务公开 政策文件',
      '索引号',
      '11632521MB1234567X',
      '生效日期',
      '主题分类',
      '体裁分类',
      '【打印本页】',
      '分享到',
    ],
    metaLines: ['文号：\t共政办'],
    fields: {
      title: ['共和县人民政府办公室关于印发共和县紧密型县域医疗卫生共同体建设实施方案的通知', '清洗后第1行'],
      issuer: ['共和县人民政府办公室', '（落款）'],
      docNumber: ['共政办〔2024〕12号', '清洗后第2行'],
      date: ['2024-03-08', '2024年3月8日'],
      region: [{ province: '青海省', city: '海南藏族自治州', district: '共和县' }, '据行政区划表'],
      kind: ['实施方案', '的结尾'],
      dates: [{ effective: '2024-03-15', written: '2024-03-08' }, '信息公开表（原文第3行）：生效日期'],
    },
  },
  {
    file: 'henan-xinyang-fenji.txt',
    slug: 'xinyang-fenjizhenliao-2023',
    furniture: [
      '当前位置',
      '索引号',
      '005184237/2023-00156',
      '信政办〔2023〕45号',
      '发布日期',
      '2023-09-20',
      '浏览次数',
      '【字体',
    ],
    metaLines: ['文号'],
    fields: {
      title: ['信阳市人民政府办公室关于印发信阳市推进分级诊疗制度建设行动计划（2023—2025年）的通知', '清洗后第1行'],
      docNumber: ['信政办〔2023〕45号', '信息公开表（原文第5行）'],
      kind: ['行动计划', '的结尾'],
      region: [{ province: '河南省', city: '信阳市' }, '信阳市'],
      dates: [{ published: '2023-09-20', effective: '2023-10-01', written: '2023-09-15' }, '自2023年10月1日起'],
    },
  },
  {
    file: 'jilin-jilinshi-yibao.txt',
    slug: 'jilin-yibao-2023',
    traditional: true,
    furniture: [
      '基本介紹',
      '中文名',
      '頒佈時間',
      '發佈單位',
      '是吉林市醫療保障局、吉林市衛生健康委員會發布的文件',
      '全文 政策解讀',
    ],
    metaLines: ['2023年6月'],
    fields: {
      title: ['吉林市医疗保障局 吉林市卫生健康委员会关于印发吉林市深化医疗保障制度改革实施方案的通知', '清洗后第2行'],
      issuers: [['吉林市医疗保障局', '吉林市卫生健康委员会'], '（落款）'],
      docNumber: ['吉市医保联〔2023〕8号', '清洗后第3行'],
      region: [{ province: '吉林省', city: '吉林市' }, '吉林市'],
    },
  },
  {
    file: 'jilin-sheng-drg-dip.txt',
    slug: 'jilin-drg-dip-2022',
    furniture: [],
    expect: (l) => l.replace(/^\?{2,3}/u, '').replace(/\(dù\)/u, ''),
    fields: {
      issuers: [['吉林省医疗保障局', '吉林省卫生健康委员会'], '（落款）'],
      docNumber: ['吉医保联〔2022〕15号', '清洗后第2行'],
      date: ['2022-03-18', '2022年3月18日'],
      region: [{ province: '吉林省' }, '吉林省'],
      kind: ['行动计划', '的结尾'],
    },
  },
  {
    // A regulation (第X章 第X节 第X条) from a WeChat public-account mirror, with its 来源 line and the editors' credits.
    file: 'sichuan-deyang-wechat-banfa.txt',
    slug: 'deyang-yibao-2024',
    furniture: [
      '点击蓝字',
      '德阳医保',
      '发表于四川',
      '原创',
      '来源：',
      '编辑：',
      '初审：',
      '阅读原文',
      '阅读 1024',
      '分享 收藏',
      '喜欢此内容',
      '德阳市医保经办服务指南',
      '关于开展2024年医保基金监管',
    ],
    fields: {
      docNumber: ['德医保发〔2024〕6号', '清洗后第3行'],
      'source.site': ['德阳市医疗保障局', '来源：德阳市医疗保障局'],
      region: [{ province: '四川省', city: '德阳市' }, '德阳市'],
    },
  },
  {
    // Text copied from a printed document's PDF: lines cut every ~28 characters, indents of four spaces, footers — 1 —, the 红头 and the 版记.
    file: 'anhui-jinzhai-pdf.txt',
    slug: 'jinzhai-yigongti-2024',
    furniture: ['— 1 —', '— 2 —', '— 3 —'],
    fields: {
      title: ['金寨县人民政府办公室关于印发金寨县深化紧密型县域医疗卫生共同体建设实施方案的通知', '原文第7行'],
      docNumber: ['金政办〔2024〕9号', '原文第3行'],
      region: [{ province: '安徽省', city: '六安市', district: '金寨县' }, '据行政区划表'],
      kind: ['实施方案', '的结尾'],
    },
  },
  {
    // A 市卫健委 PDF text: full-width-space indents, －2－ footers, a page break inside a sentence, digits cut by the line end.
    file: 'hubei-yichang-pdf.txt',
    slug: 'yichang-jiceng-2024',
    furniture: ['－1－', '－2－', '－3－'],
    fields: {
      title: [
        '宜昌市卫生健康委员会关于印发《宜昌市基层医疗卫生机构能力提升三年行动方案（2024—2026年）》的通知',
        '原文第6行',
      ],
      region: [{ province: '湖北省', city: '宜昌市' }, '宜昌市'],
      kind: ['行动方案', '的结尾'],
    },
  },
  {
    // A 省医保局 regulation (第X章 第X条) with tab indents and 第 2 页 共 3 页 footers.
    file: 'gansu-yibao-pdf.txt',
    slug: 'gansu-yibao-2024',
    furniture: ['第 1 页 共 3 页', '第 2 页 共 3 页', '第 3 页 共 3 页'],
    fields: {
      title: ['甘肃省医疗保障局关于印发《甘肃省定点医药机构医疗保障基金使用信用管理办法（试行）》的通知', '原文第5行'],
      region: [{ province: '甘肃省' }, '甘肃省'],
      kind: ['管理办法', '的结尾'],
    },
  },
  {
    // No indents at all, breaks at a fixed width, bare page numbers.
    file: 'shandong-shenxian-pdf.txt',
    slug: 'shen-yibao-2024',
    furniture: [],
    metaLines: ['2', '3'],
    fields: {
      title: ['莘县医疗保障局关于开展2024年度定点医药机构医保基金使用自查自纠工作的通知', '与下两行合为标题'],
      region: [{ province: '山东省', city: '聊城市', district: '莘县' }, '据行政区划表'],
      kind: ['通知', '的结尾'],
    },
  },
];

describe('npm run add on unseen scraped pages', () => {
  for (const c of CASES) {
    it(`adds ${c.file}: exit 0, the draft's fields with their lines, every sentence and no furniture`, () => {
      const r = c.file.startsWith('qinghai') ? addCli(join(FIX, c.file)) : add(join(FIX, c.file));
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const m = manifestOf(c.slug);
      // The seed is the raw file, byte for byte.
      expect(readFileSync(join(lib, 'seeds', m.seed)).equals(readFileSync(join(FIX, c.file)))).toBe(true);
      for (const [field, [value, from]] of Object.entries(c.fields)) {
        expect(
          field.split('.').reduce((o: any, k) => o?.[k], m.meta),
          field,
        ).toEqual(value);
        const line = r.out.split('\n').findIndex((l) => l.startsWith(`  ${field} = `));
        expect(line, `review lists ${field}`).toBeGreaterThan(-1);
        expect(r.out.split('\n')[line + 1], `where ${field} came from`).toContain(from);
      }
      // Never guessed: no summary, no short title in the draft.
      expect(m.meta.summary).toBeUndefined();
      expect(m.meta.shortTitle).toBeUndefined();

      const text = mdxText(c.slug);
      const raw = readFileSync(join(FIX, c.file), 'utf8');
      const furniture = (l: string) =>
        c.furniture.some((f) => l.includes(f)) ||
        (c.metaLines ?? []).some((f) => l.trim() === f || (f.includes('\t') && l.startsWith(f)));
      const corrections: { find: string; replace: string }[] = m.corrections ?? [];
      for (const line of raw.split('\n').filter((l) => l.trim() && !furniture(l))) {
        let want = squeeze((c.expect ?? ((x: string) => x))(c.traditional ? t2s(line) : line))
          .replace(/,/gu, '，')
          .replace(/:/gu, '：');
        for (const k of corrections) want = want.split(k.find).join(k.replace);
        for (const sentence of want.split(/(?<=[。；])/u).filter(Boolean))
          expect(text, `sentence of ${c.file}`).toContain(sentence);
      }
      for (const f of c.furniture) expect(text).not.toContain(squeeze(c.traditional ? t2s(f) : f));
    });
  }

  it("rejoins the line broken mid-sentence and keeps the joint issuers' space", () => {
    expect(add(join(FIX, 'henan-xinyang-fenji.txt')).code).toBe(0);
    const mdx = readFileSync(join(lib, 'src/content/policies/xinyang-fenjizhenliao-2023.mdx'), 'utf8');
    expect(mdx).toContain('建立健全工作机制，确保各项任务落实到位。');
    expect(add(join(FIX, 'jilin-jilinshi-yibao.txt')).code).toBe(0);
    const jilin = readFileSync(join(lib, 'src/content/policies/jilin-yibao-2023.mdx'), 'utf8');
    expect(jilin).toContain('《中共中央 国务院关于深化医疗保障制度改革的意见》');
  });

  it('a text copied from a PDF: printed lines joined into whole paragraphs, no page numbers, the title whole, the 版记 a part of its own', () => {
    const r = add(join(FIX, 'anhui-jinzhai-pdf.txt'));
    expect(r.code).toBe(0);
    const m = manifestOf('jinzhai-yigongti-2024');
    expect(m.headLines).toBe(5);
    expect(m.parts.map((p: { id: string; kind: string }) => `${p.id}:${p.kind}`)).toEqual([
      'tz:notice',
      'zw:main',
      'bj:colophon',
    ]);
    expect(m.parts[2].start).toMatch(/^抄送：县委各部门/u);
    expect(m.notes).toEqual([expect.objectContaining({ find: '（此件公开发布）', count: 1 })]);
    const mdx = readFileSync(join(lib, 'src/content/policies/jinzhai-yigongti-2024.mdx'), 'utf8');
    const body = mdx.split('\n---\n').slice(1).join('\n');
    // Whole paragraphs: the addressee cut mid-word (各直 ⏎ 属机构), a sentence over three printed lines.
    expect(body).toContain('>各乡镇人民政府，现代产业园区管委会，县政府各部门、各直属机构：</Para>');
    expect(body).toContain(
      '>为贯彻落实《安徽省人民政府办公厅关于进一步深化紧密型县域医疗卫生共同体建设的实施意见》（皖政办〔2023〕6号）精神，推动优质医疗资源扩容下沉和区域均衡布局，结合我县实际，制定本方案。</Para>',
    );
    expect(body).toMatch(
      /<ProvisionBody>县卫生健康委员会、县医疗保障局、县财政局要按照职责分工，加强协作配合，确保各项任务落实到位。<\/ProvisionBody>/u,
    );
    expect(body).not.toMatch(/—\s*\d+\s*—/u);
    // The 红头 stays in the title block, not in the title; the 版记 is its own labelled part after the text.
    expect(m.meta.title).not.toContain('文件');
    expect(body).toMatch(
      /<Part id="bj" kind="colophon">\s*<PartHeading id="bj"[^>]*label=\{"版记"\}[^>]*supplied[^>]*>/u,
    );
    expect(body).toContain('<Para id="bj-p2" cite={"版记第2段"}>金寨县人民政府办公室 2024年3月6日印发</Para>');
    expect(body.indexOf('<Part id="bj"')).toBeGreaterThan(body.indexOf('id="fjsm-1"'));
    expect(body).toMatch(/<EditorNote n=\{1\} note=\{"[^"]*公开属性[^"]*"\}>（此件公开发布）<\/EditorNote>/u);
    // The review names the plan the notice issues, the 版记 and the joins.
    expect(r.out).toContain('parts.正文 = 《金寨县深化紧密型县域医疗卫生共同体建设实施方案》');
    expect(r.out).toMatch(/parts\.版记 = 抄送：/u);
    expect(r.out).toContain('标题分在3行');
    expect(r.out).toMatch(/strip-page-footers（.*）：3 处\n {6}"— 1 —"/u);
    expect(r.out).toContain('…政府各部门、各直⏎属机构：…');
  });

  it('turns Taiwan wording back as marked editorial corrections, and never over-converts', () => {
    const r = add(join(FIX, 'jilin-jilinshi-yibao.txt'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('繁体（自动识别');
    const m = manifestOf('jilin-yibao-2023');
    expect(m.script).toBe('traditional');
    expect(m.corrections.map((k: { find: string; replace: string }) => `${k.find}→${k.replace}`)).toEqual([
      '最佳化→优化',
      '民众→群众',
      '结算档案→结算文件',
      '资讯→信息',
    ]);
    const mdx = readFileSync(join(lib, 'src/content/policies/jilin-yibao-2023.mdx'), 'utf8');
    expect(mdx).toMatch(/<Correction[^>]*original=\{?"最佳化"/u);
    // Character conversion only: 建立 and 整合 stay; mainland 健康档案 stays.
    expect(mdx).toContain('建立医保经办机构');
    expect(mdx).toContain('整合城乡居民');
    expect(mdx).toContain('电子健康档案');
  });

  it('derives no slug over an existing manifest: refuses without --force, replaces with it', () => {
    expect(add(join(FIX, 'qinghai-gonghe-yigongti.txt')).code).toBe(0);
    const again = add(join(FIX, 'qinghai-gonghe-yigongti.txt'));
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already in the library as seeds\/\d{3}_[0-9a-f]{16}\.txt/u);
    // A different page under a taken slug.
    const other = join(lib, 'other.txt');
    writeFileSync(
      other,
      readFileSync(join(FIX, 'qinghai-gonghe-yigongti.txt'), 'utf8').replace('11个乡镇卫生院', '12个乡镇卫生院'),
    );
    const clash = add(other);
    expect(clash.code).toBe(1);
    expect(clash.err).toMatch(
      /gonghe-yigongti-2024\.json: a manifest with this slug exists already; it is never overwritten silently\n  hint: Choose another slug with --slug <slug>, or pass --force/u,
    );
    expect(add(other, '--slug', 'gonghe-yigongti-b').code).toBe(0);
    expect(existsSync(join(lib, 'src/content/policies/gonghe-yigongti-b.mdx'))).toBe(true);
  });

  it('writes nothing when the document cannot be added, and names the field and the fix', () => {
    const page = join(lib, 'nodate.txt');
    writeFileSync(page, '某某工作实施方案\n一、工作目标\n各单位要加强组织领导，确保各项任务落实到位。\n');
    const seedsBefore = readdirSync(join(lib, 'seeds'));
    const r = addCli(page);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nodate\.txt could not be added, nothing was written/u);
    expect(r.err).toMatch(/meta\.region: the text names no province/u);
    expect(r.err).toMatch(/hint: Give a field the text lacks with --set/u);
    expect(readdirSync(join(lib, 'seeds'))).toEqual(seedsBefore);
    expect(readdirSync(join(lib, 'ingest/manifests')).some((f) => f.includes('gongzuo') || f.startsWith('mmgz'))).toBe(
      false,
    );
    // Supplied by the editor, marked as supplied.
    const ok = add(page, '--set', 'region.province=河南省', '--set', 'year=2024', '--slug', 'henan-mou-2024');
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(manifestOf('henan-mou-2024').meta.supplied).toEqual(['region.province', 'year']);
  });

  it('a ? inside the text is mojibake: refused with the line and the fix; --keep-draft keeps the draft to repair', () => {
    const page = join(lib, 'mojibake.txt');
    writeFileSync(
      page,
      readFileSync(join(FIX, 'jilin-sheng-drg-dip.txt'), 'utf8').replace('医保基金使用绩效', '医保基金使用?效'),
    );
    const seedsBefore = readdirSync(join(lib, 'seeds'));
    const r = add(page);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /mojibake\.txt could not be added, nothing was written:\n  .*seeds\/\d{3}_[0-9a-f]{16}\.txt: clean text line \d+ still holds mojibake: …[^\n]*使用\?效/u,
    );
    expect(r.err).toMatch(/for mojibake, run again with --keep-draft/u);
    expect(readdirSync(join(lib, 'seeds'))).toEqual(seedsBefore);

    const kept = add(page, '--keep-draft');
    expect(kept.code).toBe(1);
    expect(kept.err).toMatch(/the draft is kept as ingest\/manifests\/jilin-drg-dip-2022\.json/u);
    const m = manifestOf('jilin-drg-dip-2022');
    m.repairs = [{ find: '使用?效', replace: '使用绩效', reason: '乱码：据上下文“提高有限医保基金使用绩效”重建。' }];
    writeFileSync(join(lib, 'ingest/manifests/jilin-drg-dip-2022.json'), JSON.stringify(m, null, 2));
    const ingest = spawnSync(NODE, [join(ROOT, 'ingest/cli.ts'), '--root', lib], { encoding: 'utf8' });
    expect(ingest.stderr).toBe('');
    expect(readFileSync(join(lib, 'src/content/policies/jilin-drg-dip-2022.mdx'), 'utf8')).toContain('使用绩效');
  });

  it('refuses a missing file and a bad slug with the fix', () => {
    expect(add(join(lib, 'nope.txt')).err).toMatch(/nope\.txt: no such file\n  hint:/u);
    expect(add(join(FIX, 'henan-xinyang-fenji.txt'), '--slug', 'Bad Slug').err).toMatch(
      /--slug "Bad Slug" is not a slug/u,
    );
  });
});
