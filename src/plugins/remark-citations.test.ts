import { VFile } from 'vfile';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import remarkCitations, { citationId, type Citation } from './remark-citations.ts';

async function run(mdx: string, slug = 't') {
  const file = new VFile({ path: `/x/src/content/policies/${slug}.mdx`, value: mdx });
  const proc = unified().use(remarkParse).use(remarkMdx).use(remarkCitations, { base: '/sub/' });
  const tree = await proc.run(proc.parse(file), file);
  const links: string[] = [];
  visit(tree, 'link', (n: any) => { links.push(`${n.url} ${n.children[0].value}`); });
  return { links, citations: (file.data as any).astro.frontmatter.citations as Citation[] };
}

describe('remark-citations', () => {
  test('a title with its number links to the cited-documents page, recorded with issuer', async () => {
    const { links, citations } = await run('<Para id="p1">为贯彻落实《国务院办公厅关于推动公立医院高质量发展的意见》（国办发〔2021〕18号），制定本方案。</Para>');
    const id = citationId('国办发〔2021〕18号');
    expect(links).toEqual([`/sub/cited/#${id} 《国务院办公厅关于推动公立医院高质量发展的意见》（国办发〔2021〕18号）`]);
    expect(citations).toEqual([{ cid: id, title: '国务院办公厅关于推动公立医院高质量发展的意见', number: '国办发〔2021〕18号', issuer: '国务院办公厅', anchor: 'p1' }]);
  });
  test('a document in the library links to its page; a document naming itself is not linked', async () => {
    const { links } = await run('<Para id="p1">《拉萨市进一步完善医疗卫生服务体系工作举措》</Para>', 'datong-gaozhiliang');
    expect(links).toEqual(['/sub/policies/lasa-tixi-2025/ 《拉萨市进一步完善医疗卫生服务体系工作举措》']);
    const self = await run('<Para id="p1">《拉萨市进一步完善医疗卫生服务体系工作举措》</Para>', 'lasa-tixi-2025');
    expect(self.links).toEqual([]);
    expect(self.citations[0].library).toBe('lasa-tixi-2025');
  });
  test('a bare number and several titles in a row', async () => {
    const { links } = await run('<Provision id="s1">\n<ProvisionBody>依据晋政办发〔2022〕31号，落实《执业医师法》《医疗机构管理条例》。</ProvisionBody>\n</Provision>');
    expect(links.map((l) => l.split(' ')[1])).toEqual(['晋政办发〔2022〕31号', '《执业医师法》', '《医疗机构管理条例》']);
  });
});
