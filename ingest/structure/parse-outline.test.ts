/**
 * Anchors on the real documents: ids come from the documents' own numbering
 * (see the scheme in parse-outline.ts), so these are the ids readers cite.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../errors.ts';
import { loadManifests, manifestSchema } from '../manifest.ts';
import { clean, decodeSeed } from '../pipeline.ts';
import {
  type DocTree,
  type Node,
  type ParaNode,
  type ProvisionNode,
  parseOutline,
  provisions,
} from './parse-outline.ts';
import { minimalManifest } from '../test-support/minimal-manifest.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const docs = new Map(
  loadManifests(join(ROOT, 'ingest', 'manifests')).map(({ manifest, file }) => {
    const seed = join(ROOT, 'seeds', manifest.seed);
    const { text } = clean(decodeSeed(readFileSync(seed), seed), { manifest, manifestFile: file }, seed);
    return [manifest.slug, { text, tree: parseOutline(text, manifest, file) }];
  }),
);

function get(slug: string): { text: string; tree: DocTree } {
  const d = docs.get(slug);
  if (!d) throw new Error(`no document ${slug}`);
  return d;
}

/** Every node of the tree, with the text of its line. */
function nodes(slug: string): { node: Node; part: string; line: string }[] {
  const { text, tree } = get(slug);
  const lines = text.split('\n');
  const out: { node: Node; part: string; line: string }[] = [];
  const visit = (n: Node, part: string) => {
    out.push({ node: n, part, line: lines[n.line] });
    if (n.type === 'provision') n.children.forEach((c) => visit(c, part));
  };
  for (const p of tree.parts) p.children.forEach((c) => visit(c, p.id));
  return out;
}

const byLine = (slug: string, start: string) => {
  const hits = nodes(slug).filter((n) => n.line.startsWith(start));
  expect(hits, `lines of ${slug} starting with ${start}`).toHaveLength(1);
  return hits[0].node;
};
const byId = (slug: string, id: string) => {
  const hit = nodes(slug).find((n) => n.node.id === id);
  if (!hit) throw new Error(`${slug} has no anchor ${id}`);
  return hit;
};

describe('anchors on the real documents', () => {
  it('大同 item 15 (改革薪酬分配制度) is s3-4-15', () => {
    const n = byLine('datong-gaozhiliang', '15.改革薪酬分配制度。') as ProvisionNode;
    expect(n).toMatchObject({ type: 'provision', id: 's3-4-15', depth: 3, num: '15.', title: '改革薪酬分配制度' });
    // Items are numbered straight through 三、, so item 15 sits under （四）.
    expect(byId('datong-gaozhiliang', 's3-4').line).toMatch(/^（四）/u);
  });

  it('绍兴 1.推进县域医共体建设 is s1-0-1: the skipped （一） level is written 0', () => {
    const n = byLine('shaoxing-2019', '1.推进县域医共体建设。') as ProvisionNode;
    expect(n).toMatchObject({ id: 's1-0-1', depth: 3, title: '推进县域医共体建设' });
    expect(byId('shaoxing-2019', 's1').line).toBe('一、全面推进综合医改，构建整合型服务体系');
  });

  it('Guangdong attachment 1 1.强化专科能力建设 is fj1-s3-2-1', () => {
    const hits = nodes('guangdong-yigongti').filter((n) => n.line.startsWith('1.强化专科能力建设。'));
    expect(hits.map((h) => [h.part, h.node.id])).toEqual([['fj1', 'fj1-s3-2-1']]);
    expect(byId('guangdong-yigongti', 'fj1-s3-2').line).toBe('（二）增强医疗服务能力。');
    expect(byId('guangdong-yigongti', 'fj1-s3').line).toMatch(/^三、/u);
  });

  it('the Guangdong notice paragraphs are tz-p1 … tz-p5, in order', () => {
    const notice = get('guangdong-yigongti').tree.parts.find((p) => p.id === 'tz')!;
    expect(notice.children.map((c) => [c.type, c.id])).toEqual([1, 2, 3, 4, 5].map((k) => ['para', `tz-p${k}`]));
    expect(byId('guangdong-yigongti', 'tz-p1').line).toBe('粤府办〔2019〕18号');
    expect(byId('guangdong-yigongti', 'tz-p2').line).toBe('各地级以上市人民政府，省政府各部门、各直属机构：');
    expect(byId('guangdong-yigongti', 'tz-p4').line).toBe('广东省人民政府办公厅');
    expect(byId('guangdong-yigongti', 'tz-p5').line).toBe('2019年10月13日');
  });

  it('the main text of a document with parts carries no prefix (zw is the part, s1 its first section)', () => {
    const gd = get('guangdong-yigongti').tree;
    expect(gd.parts.map((p) => p.id)).toEqual(['tz', 'zw', 'fj1', 'fj1b', 'fj2', 'fj3', 'fj4']);
    expect(byId('guangdong-yigongti', 's1').line).toBe('一、总体要求');
    expect(byId('guangdong-yigongti', 'p1').part).toBe('zw');
  });

  it('拉萨 item 3 is s2-1-3, and its notice paragraphs are tz-p1 …', () => {
    const n = byLine('lasa-tixi-2025', '3.强化县级医院县域龙头地位。') as ProvisionNode;
    expect(n).toMatchObject({ id: 's2-1-3', depth: 3, title: '强化县级医院县域龙头地位' });
    expect(byId('lasa-tixi-2025', 'tz-p1').line).toMatch(/^各县（区）人民政府/u);
    expect(byId('lasa-tixi-2025', 'tz-p4').line).toBe('2025年2月17日');
  });

  it('the 附件：1.… list in the Guangdong plan is the document’s attachment list, not paragraphs of 四、', () => {
    const list = nodes('guangdong-yigongti').filter(
      (n) => n.part === 'zw' && /^(附件：)?[1-4]\.(广东省|紧密型)/u.test(n.line),
    );
    expect(
      list.map((n) => [n.node.type, n.node.id, (n.node as ParaNode).listItem, (n.node as ParaNode).aliases]),
    ).toEqual([
      ['para', 'fjsm-1', 1, ['s4-p2']],
      ['para', 'fjsm-2', 2, ['s4-p3']],
      ['para', 'fjsm-3', 3, ['s4-p4']],
      ['para', 'fjsm-4', 4, ['s4-p5']],
    ]);
    // At the part's root: 四、保障措施 keeps only its own paragraph.
    const zw = get('guangdong-yigongti').tree.parts.find((p) => p.id === 'zw')!;
    expect(zw.children.slice(-4).map((n) => n.id)).toEqual(['fjsm-1', 'fjsm-2', 'fjsm-3', 'fjsm-4']);
    const s4 = zw.children.find((n) => n.id === 's4') as ProvisionNode;
    expect(s4.children.map((n) => n.id)).toEqual(['s4-p1']);
    expect(list[0].line).toMatch(/^附件：1\.广东省三级甲等公立医院/u);
    // The numbering after the list starts a provision again: 附件1 has its own 一、.
    expect(byId('guangdong-yigongti', 'fj1-s1').node.type).toBe('provision');
  });

  it('image placeholders (表7.jpg) are paragraphs marked as images', () => {
    const images = nodes('guangdong-yigongti').filter((n) => n.node.type === 'para' && n.node.image);
    expect(images.map((n) => n.line)).toContain('表7.jpg');
    for (const n of images) expect(n.line).toMatch(/^表\d+\.jpg$/u);
  });

  it('gives every document unique anchors made of a-z, 0-9 and hyphens', () => {
    for (const [slug, { tree }] of docs) {
      const ids = [...tree.parts.filter((p) => p.declared).map((p) => p.id), ...nodes(slug).map((n) => n.node.id)];
      expect(ids.length, slug).toBeGreaterThan(0);
      for (const id of ids) expect(id, slug).toMatch(/^[a-z0-9-]+$/);
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        `${slug}: duplicate anchors`,
      ).toEqual([]);
    }
  });

  it('lists provisions in document order', () => {
    const { tree } = get('datong-gaozhiliang');
    const ids = tree.parts.flatMap((p) => [...provisions(p.children)].map((n) => n.id));
    expect(ids.slice(0, 5)).toEqual(['s1', 's2', 's3', 's3-1', 's3-1-1']);
    expect(ids.filter((id) => /^s3-\d-\d+$/u.test(id))).toHaveLength(25);
  });
});

describe('errors', () => {
  const manifest = manifestSchema.parse(
    minimalManifest('提纲解析测试', '仅供提纲解析错误测试使用的最小清单，不对应任何真实文件。'),
  );

  const file = 'ingest/manifests/fixture.json';

  it('duplicate numbering throws an IngestError naming the manifest and both lines', () => {
    const text = [
      '一、指导思想',
      '以新时代中国特色社会主义思想为指导。',
      '二、总体要求',
      '（一）强化领导责任。',
      '（一）强化投入责任。',
    ].join('\n');
    let err: unknown;
    try {
      parseOutline(text, manifest, file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IngestError);
    const e = err as IngestError;
    expect(e.file).toBe(file);
    expect(e.message).toContain(file);
    expect(e.message).toContain('anchor "s2-1" is given twice (clean text lines 4 and 5)');
    expect(e.hint).toMatch(/correction/);
  });

  it('a part whose start line is not in the text throws, naming the manifest', () => {
    const withParts = {
      ...manifest,
      parts: [{ id: 'tz', label: '印发通知', kind: 'notice' as const, start: '粤府办〔2019〕18号', titleLines: 0 }],
    };
    expect(() => parseOutline('一、总体要求', withParts, file)).toThrow(IngestError);
    expect(() => parseOutline('一、总体要求', withParts, file)).toThrow(
      /fixture\.json: part "印发通知" starts with "粤府办〔2019〕18号"/u,
    );
  });

  it('lines before the first part throw unless they are counted as head lines', () => {
    const withParts = {
      ...manifest,
      parts: [{ id: 'zw', label: '正文', kind: 'main' as const, start: '一、总体要求', titleLines: 0 }],
    };
    expect(() => parseOutline('标题\n一、总体要求', withParts, file)).toThrow(/lines 1–1 belong to no part/u);
    expect(parseOutline('标题\n一、总体要求', { ...withParts, headLines: 1 }, file).head).toEqual([
      { start: 0, end: 2 },
    ]);
  });
});

describe('attachment lists, part labels and aliases (any document)', () => {
  const base = manifestSchema.parse(
    minimalManifest('结构测试用文件', '仅供提纲解析测试使用的最小清单，不对应任何真实文件。'),
  );
  const file = 'ingest/manifests/fixture.json';

  it('a trailing 附件：1.… list and the lines after it belong to the part, not to the last provision', () => {
    const text = [
      '一、总体要求',
      '（一）工作目标。',
      '各地要抓好落实。',
      '附件：1.某某实施方案',
      '2.某某清单',
      '某市人民政府办公室',
      '2020年1月1日',
    ].join('\n');
    const tree = parseOutline(text, base, file);
    const root = tree.parts[0].children;
    expect(root.map((n) => n.id)).toEqual(['s1', 'fjsm-1', 'fjsm-2', 'p1', 'p2']);
    expect((root[1] as ParaNode).listItem).toBe(1);
    const s1 = root[0] as ProvisionNode;
    expect([...provisions([s1])].map((p) => p.id)).toEqual(['s1', 's1-1']);
    expect((s1.children[0] as ProvisionNode).children.map((n) => n.id)).toEqual(['s1-1-p1']);
  });

  it('a one-line 附件： without numbers is the list too', () => {
    const tree = parseOutline(['一、总体要求', '抓好落实。', '附件：某某评价指标体系'].join('\n'), base, file);
    expect(tree.parts[0].children.map((n) => n.id)).toEqual(['s1', 'fjsm-1']);
  });

  it('a part whose first title line is its printed label keeps label and title apart', () => {
    const m = manifestSchema.parse({
      ...base,
      parts: [
        { id: 'zw', label: '方案', kind: 'main', start: '某某方案', titleLines: 1 },
        { id: 'fj1', label: '附件1', kind: 'attachment', start: '附件1', titleLines: 2 },
        { id: 'fj1b', label: '附件1附表', kind: 'table', start: '附表', titleLines: 2 },
      ],
    });
    const text = [
      '某某方案',
      '一、总则',
      '附件1',
      '某某帮扶行动方案',
      '一、目标',
      '附表',
      '某某帮扶表',
      '表1.jpg',
    ].join('\n');
    const tree = parseOutline(text, m, file);
    const slice = (s?: { start: number; end: number }) => (s ? text.slice(s.start, s.end) : undefined);
    expect(tree.parts.map((p) => [p.id, slice(p.labelLine), p.titles.map(slice)])).toEqual([
      ['zw', undefined, ['某某方案']],
      ['fj1', '附件1', ['某某帮扶行动方案']],
      ['fj1b', '附表', ['某某帮扶表']],
    ]);
  });

  it('an alias attaches an old anchor to the clause that now holds the text; a stale or dangling one is an error naming the manifest', () => {
    const text = ['一、总体要求', '抓好落实。', '附件：1.某某方案'].join('\n');
    const ok = parseOutline(
      text,
      manifestSchema.parse({ ...base, aliases: [{ from: 's1-p2', to: 'fjsm-1', reason: '附件清单归全文。' }] }),
      file,
    );
    expect((ok.parts[0].children[1] as ParaNode).aliases).toEqual(['s1-p2']);
    const fail = (aliases: unknown) => {
      try {
        parseOutline(text, manifestSchema.parse({ ...base, aliases }), file);
      } catch (e) {
        return e as IngestError;
      }
      throw new Error('expected an IngestError');
    };
    expect(fail([{ from: 's1-p1', to: 'fjsm-1', reason: '仍然存在的锚点。' }]).message).toContain(
      'alias "s1-p1" is an anchor the document still has',
    );
    const dangling = fail([{ from: 's4-p9', to: 's9', reason: '指向不存在的锚点。' }]);
    expect(dangling.file).toBe(file);
    expect(dangling.message).toContain('points to "s9", which is no anchor of the document');
  });
});

describe('regulations: 第X章, 第X节, 第X条 and the items of an article (any document)', () => {
  const base = manifestSchema.parse(
    minimalManifest('结构测试用管理办法', '仅供条文编号解析测试使用的最小清单，不对应任何真实文件。'),
  );
  const file = 'ingest/manifests/fixture.json';
  const all = (text: string, m = base) =>
    parseOutline(text, m, file).parts.flatMap((p) => {
      const out: string[] = [];
      const walk = (ns: Node[]) =>
        ns.forEach((n) => {
          out.push(n.id);
          if (n.type === 'provision') walk(n.children);
        });
      walk(p.children);
      return out;
    });
  const reg = [
    '第一章　总则',
    '第一条　为加强医疗保障基金使用监督管理，保障基金安全，制定本办法。',
    '第二条　本办法适用于本市。',
    '本款为第二条的第二款。',
    '第二章　监督检查',
    '第一节　日常检查',
    '第三条　医疗保障行政部门实施监督检查，可以采取下列措施：',
    '（一）进入现场检查；',
    '1.查阅病历；',
    '2.询问有关人员。',
    '（二）询问有关人员。',
    '第二节　专项检查',
    '第四条 依照第三条规定的程序开展专项检查。',
    '第三条规定的措施同样适用。',
    '第一百二十条本办法自发布之日起施行。',
  ].join('\n');

  it('gives chapters c3, sections c3-j2, articles a8 through the whole text (not under their chapter), items a8-1 and a8-1-2', () => {
    expect(all(reg)).toEqual([
      'c1',
      'a1',
      'a2',
      'a2-p1',
      'c2',
      'c2-j1',
      'a3',
      'a3-1',
      'a3-1-1',
      'a3-1-2',
      'a3-2',
      'c2-j2',
      'a4',
      'a4-p1',
      'a120',
    ]);
  });

  it('nests articles under their section and chapter, items under their article, with depths 1, 2, 3, 4, 5', () => {
    const tree = parseOutline(reg, base, file);
    const ps = [...provisions(tree.parts[0].children)];
    const get = (id: string) => ps.find((p) => p.id === id)!;
    expect(['c2', 'c2-j1', 'a3', 'a3-1', 'a3-1-1'].map((id) => get(id).depth)).toEqual([1, 2, 3, 4, 5]);
    expect(get('c2-j1').children.map((n) => n.id)).toEqual(['a3']);
    expect(get('a3').children.map((n) => n.id)).toEqual(['a3-1', 'a3-2']);
    expect(get('a120').num).toBe('第一百二十条');
  });

  it('the heading is the number and the lead sentence; the separator is outside num and title', () => {
    const tree = parseOutline(reg, base, file);
    const ps = [...provisions(tree.parts[0].children)];
    const slice = (s: { start: number; end: number }) => reg.slice(s.start, s.end);
    const c1 = ps.find((p) => p.id === 'c1')!;
    expect([c1.num, c1.title, slice(c1.heading)]).toEqual(['第一章', '总则', '第一章　总则']);
    const a1 = ps.find((p) => p.id === 'a1')!;
    expect([a1.num, a1.title, slice(a1.body)]).toEqual([
      '第一条',
      '为加强医疗保障基金使用监督管理，保障基金安全，制定本办法',
      '',
    ]);
    const a3 = ps.find((p) => p.id === 'a3')!;
    expect([a3.title, a3.unit]).toEqual(['医疗保障行政部门实施监督检查，可以采取下列措施：', 'article']);
    const a120 = ps.find((p) => p.id === 'a120')!;
    expect([a120.num, a120.title]).toEqual(['第一百二十条', '本办法自发布之日起施行']);
  });

  it('a sentence that begins by citing an article, or a 第X章 line that is a sentence, stays a paragraph', () => {
    expect(
      all(
        [
          '第一条　本办法适用于本市。',
          '第三条规定的措施同样适用。',
          '第五条至第八条另行规定。',
          '第二章所列事项，按本办法执行。',
        ].join('\n'),
      ),
    ).toEqual(['a1', 'a1-p1', 'a1-p2', 'a1-p3']);
  });

  it('a section without a chapter is j2; an article without chapters is a top-level a1', () => {
    expect(
      all(['第一节　一般规定', '第一条　适用范围。', '第二节　特别规定', '第二条　特别事项。'].join('\n')),
    ).toEqual(['j1', 'a1', 'j2', 'a2']);
  });

  it('一、 inside an article is an item of it; 1. straight under an article is a8-1', () => {
    expect(
      all(
        [
          '第八条　下列情形予以处理：',
          '一、违规结算的；',
          '（一）分解住院；',
          '二、虚假就医的。',
          '第九条　考核内容：',
          '1.服务质量；',
          '2.基金使用。',
        ].join('\n'),
      ),
    ).toEqual(['a8', 'a8-1', 'a8-1-1', 'a8-2', 'a9', 'a9-1', 'a9-2']);
  });

  it('a plan with chapters and 一、 inside them: the outline restarts in each chapter without clashing (c1-s1, c2-s1)', () => {
    expect(
      all(
        [
          '第一章　发展基础',
          '一、主要成就',
          '（一）体系更加健全。',
          '二、面临挑战',
          '第二章　总体要求',
          '一、指导思想',
          '1.坚持人民至上。',
        ].join('\n'),
      ),
    ).toEqual(['c1', 'c1-s1', 'c1-s1-1', 'c1-s2', 'c2', 'c2-s1', 'c2-s1-0-1']);
  });

  it('articles in an attachment of a 一、 plan carry the part prefix; the main text keeps its s anchors', () => {
    const m = manifestSchema.parse({
      ...base,
      parts: [
        { id: 'zw', label: '方案', kind: 'main', start: '某某方案', titleLines: 1 },
        { id: 'fj1', label: '附件1', kind: 'attachment', start: '附件1', titleLines: 2 },
      ],
    });
    const text = [
      '某某方案',
      '一、总体要求',
      '（一）工作目标。',
      '二、保障措施',
      '附件1',
      '某某管理办法',
      '第一章　总则',
      '第一条　为规范管理，制定本办法。',
      '（一）适用范围；',
      '第二条　本办法自印发之日起施行。',
    ].join('\n');
    expect(all(text, m)).toEqual(['s1', 's1-1', 's2', 'fj1-c1', 'fj1-a1', 'fj1-a1-1', 'fj1-a2']);
  });
});
