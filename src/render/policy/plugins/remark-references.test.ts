/** remark-references through the production renderer: references to other documents become links and are recorded. */
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { createPolicyRenderer } from '../render.ts';
import type { ElementContext } from '../elements.ts';
import { referenceId, type LibraryDoc } from './remark-references.ts';

const library: LibraryDoc[] = [
  { slug: 'lasa-tixi-2025', title: '拉萨市进一步完善医疗卫生服务体系工作举措' },
  {
    slug: 'sx-plan',
    title: '山西省人民政府办公厅关于印发山西省推动公立医院高质量发展实施方案的通知',
    docNumber: '晋政办发〔2022〕31号',
  },
];
const ctx: ElementContext = {
  href: (p) => `/sub/${p}`,
  term: () => ({ term: '', short: '' }),
  related: () => ({ groups: [], topics: [] }),
  agencyHref: () => undefined,
};
const render = createPolicyRenderer({ base: '/sub/', library, glossary: [] });

function run(body: string, slug = 't') {
  const out = render(`---\n{}\n---\n${body}`, `src/content/policies/${slug}.mdx`, ctx);
  const links = parse(out.html)
    .querySelectorAll('a:not(.permalink)')
    .map((a) => `${a.getAttribute('href')} ${a.text}`);
  return { links, references: out.references };
}

describe('remark-references', () => {
  test('a title with its number links to the cited-documents page, recorded with issuer', () => {
    const { links, references } = run(
      '<Para id="p1" cite={"第1段"}>为贯彻落实《国务院办公厅关于推动公立医院高质量发展的意见》（国办发〔2021〕18号），制定本方案。</Para>',
    );
    const id = referenceId('国办发〔2021〕18号');
    expect(links).toEqual([`/sub/cited/#${id} 《国务院办公厅关于推动公立医院高质量发展的意见》（国办发〔2021〕18号）`]);
    expect(references).toEqual([
      {
        cid: id,
        title: '国务院办公厅关于推动公立医院高质量发展的意见',
        number: '国办发〔2021〕18号',
        issuer: '国务院办公厅',
        anchor: 'p1',
        cite: '第1段',
      },
    ]);
  });

  test('a document in the library links to its page, by title or by number; a document naming itself is not linked', () => {
    expect(
      run('<Para id="p1" cite={"第1段"}>《拉萨市进一步完善医疗卫生服务体系工作举措》</Para>', 'datong-gaozhiliang')
        .links,
    ).toEqual(['/sub/policies/lasa-tixi-2025/ 《拉萨市进一步完善医疗卫生服务体系工作举措》']);
    expect(run('<Para id="p1" cite={"第1段"}>依据晋政办发〔2022〕31号。</Para>').links).toEqual([
      '/sub/policies/sx-plan/ 晋政办发〔2022〕31号',
    ]);
    const self = run(
      '<Para id="p1" cite={"第1段"}>《拉萨市进一步完善医疗卫生服务体系工作举措》</Para>',
      'lasa-tixi-2025',
    );
    expect(self.links).toEqual([]);
    expect(self.references[0].library).toBe('lasa-tixi-2025');
  });

  test('a bare number and several titles in a row, in a provision (anchored to it), never inside a correction', () => {
    const { links, references } = run(
      '<Provision id="s1" depth={1}>\n<ProvisionBody>依据鲁政办发〔2022〕3号，落实《执业医师法》《医疗机构管理条例》与<Correction n={1} original={"《x法》"} reason={"误字"}>《某某法》</Correction>。</ProvisionBody>\n</Provision>',
    );
    expect(links.map((l) => l.split(' ')[1])).toEqual([
      '鲁政办发〔2022〕3号',
      '《执业医师法》',
      '《医疗机构管理条例》',
      '〔校1〕',
    ]);
    expect(references.map((r) => `${r.anchor} ${r.number ?? r.title}`)).toEqual([
      's1 鲁政办发〔2022〕3号',
      's1 执业医师法',
      's1 医疗机构管理条例',
    ]);
  });
});
