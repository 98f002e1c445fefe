/**
 * End to end: two pages whose text was copied from the PDF of a printed
 * document (红头文件) — lines cut every ~28 characters in the middle of words,
 * paragraph starts shown by an indent of four spaces or two full-width spaces,
 * page footers (— 1 —, －2－), a notice title over three lines under the 红头,
 * and the 版记 (抄送, the printing line) — added with `npm run add` into a
 * temporary copy of the project and built there. The built pages have whole
 * paragraphs, no page numbers, the notice title whole, the anchors of the
 * document's own numbering, and the 版记 as a labelled part after the text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AddedLibrary, ROOT, buildLog, buildWithAdded, policyBody, readingText } from './added-library.ts';

const JINZHAI = join(ROOT, 'ingest/add/__fixtures__/anhui-jinzhai-pdf.txt');
const YICHANG = join(ROOT, 'ingest/add/__fixtures__/hubei-yichang-pdf.txt');
let lib: AddedLibrary;
const page = (slug: string) => readFileSync(join(lib.dir, `dist/policies/${slug}/index.html`), 'utf8');
/** The reading text of the element with this id (up to the next element with an id of the text). */
const clause = (html: string, id: string) => {
  const at = html.indexOf(`id="${id}"`);
  expect(at, `#${id} on the page`).toBeGreaterThan(-1);
  return readingText(html.slice(html.lastIndexOf('<', at), html.lastIndexOf('<', html.indexOf('clause-tools', at))));
};

/** The reading text of a provision: its heading and body, up to its first sub-provision or its end. */
const provision = (html: string, id: string) => {
  const at = html.indexOf(`id="${id}"`);
  expect(at, `#${id} on the page`).toBeGreaterThan(-1);
  // The related and 自动推荐 blocks follow a provision's text inside its section.
  const ends = ['<section', '</section>', '<div class="similar"', '<div class="related"'];
  const end = Math.min(...ends.map((t) => html.indexOf(t, at)).filter((i) => i !== -1));
  return readingText(html.slice(html.lastIndexOf('<', at), end));
};

beforeAll(() => {
  lib = buildWithAdded([JINZHAI, YICHANG]);
}, 1_500_000);
afterAll(() => lib?.remove());

describe('pages copied from printed PDFs build into whole, anchored documents', () => {
  it('npm run add exits 0 for both and the site builds and passes the link check', () => {
    for (const a of lib.adds) expect(a.status, a.stderr).toBe(0);
    expect(lib.build?.status, buildLog(lib.build)).toBe(0);
  });

  it('the title is the notice title over three lines, whole, without the 红头', () => {
    const html = page('jinzhai-yigongti-2024');
    expect(html).toMatch(/<title>金寨县人民政府办公室关于印发金寨县深化紧密型县域医疗卫生共同体建设实施方案的通知/u);
    expect(readingText(html.split('id="doc-title"')[1].split('</h1>')[0])).toContain(
      '金寨县人民政府办公室关于印发金寨县深化紧密型县域医疗卫生共同体建设实施方案的通知',
    );
    expect(readingText(html.split('id="doc-title"')[1].split('</h1>')[0])).not.toContain('文件');
    expect(page('yichang-jiceng-2024')).toMatch(
      /<title>宜昌市卫生健康委员会关于印发《宜昌市基层医疗卫生机构能力提升三年行动方案（2024—2026年）》的通知/u,
    );
  });

  it('paragraphs are whole, cut words joined, and no page number is left in the text', () => {
    const html = page('jinzhai-yigongti-2024');
    const body = policyBody(html);
    for (const n of ['—1—', '—2—', '—3—']) expect(body).not.toContain(n);
    expect(clause(html, 'tz-p1')).toBe('各乡镇人民政府，现代产业园区管委会，县政府各部门、各直属机构：');
    expect(clause(html, 'p1')).toBe(
      '为贯彻落实《安徽省人民政府办公厅关于进一步深化紧密型县域医疗卫生共同体建设的实施意见》（皖政办〔2023〕6号）精神，推动优质医疗资源扩容下沉和区域均衡布局，结合我县实际，制定本方案。',
    );
    expect(provision(html, 's3-1')).toBe(
      '（一）加强组织领导。县卫生健康委员会、县医疗保障局、县财政局要按照职责分工，加强协作配合，确保各项任务落实到位。',
    );

    const yc = page('yichang-jiceng-2024');
    for (const n of ['－1－', '－2－', '－3－']) expect(policyBody(yc)).not.toContain(n);
    // A sentence the page break cut (…坐诊带 ⏎ －2－ ⏎ 教。) is one provision again.
    expect(provision(yc, 's2-2')).toBe(
      '（二）提升基层诊疗服务能力。支持乡镇卫生院开展常见病、多发病诊疗和一般手术，推动二级以上医院专家下沉基层坐诊带教。',
    );
    const txt = readFileSync(join(lib.dir, 'dist/data/yichang-jiceng-2024.txt'), 'utf8');
    expect(txt).not.toMatch(/^\s*－\d+－\s*$/mu);
    expect(txt).toContain(
      '现将《宜昌市基层医疗卫生机构能力提升三年行动方案（2024—2026年）》印发给你们，请结合实际，认真抓好落实。',
    );
  });

  it('the provisions keep the anchors of their own numbering and have their pages', () => {
    const html = page('jinzhai-yigongti-2024');
    expect(html).toMatch(/id="s2-2"[^>]*>（二）推进医保基金打包付费。/u);
    expect(html).toMatch(/id="s2-3-2"[^>]*>2\.乡镇卫生院绩效工资总量核定时，可突破现行事业单位绩效工资调控水平。/u);
    expect(existsSync(join(lib.dir, 'dist/policies/jinzhai-yigongti-2024/s2-3-2/index.html'))).toBe(true);
  });

  it('the 版记 is a labelled part of its own after the text, and (此件公开发布) is kept and marked', () => {
    const html = page('jinzhai-yigongti-2024');
    const colophon = html.split('data-kind="colophon"')[1];
    expect(colophon, 'a colophon part').toBeDefined();
    expect(html.indexOf('data-kind="colophon"')).toBeGreaterThan(html.indexOf('id="fjsm-1"'));
    expect(colophon).toMatch(/id="bj"[^>]*>[\s\S]*?<span class="supplied"[^>]*>版记/u);
    expect(clause(html, 'bj-p1')).toBe(
      '抄送：县委各部门，县人大常委会办公室，县政协办公室，县纪委监委，县法院，县检察院。',
    );
    expect(clause(html, 'bj-p2')).toBe('金寨县人民政府办公室2024年3月6日印发');
    // Not paragraphs of the last provision.
    expect(html).not.toMatch(/id="s3-2-p\d"/u);
    expect(html).toMatch(/（此件公开发布）[\s\S]{0,400}?〔注1〕/u);
  });
});
