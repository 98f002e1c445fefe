/**
 * A whole real document through the production renderer, compared with the
 * HTML in __snapshots__/: any change to how a policy text renders (an element's
 * markup, the escaping, a plugin) shows up in review as a diff of that file.
 * After an intended change, regenerate it with `npx vitest run -u src/render/policy/snapshot.test.ts`
 * and review the diff.
 *
 * The document is 广东 (notice, main text, attachments and a table; agencies,
 * repairs, editors' notes, a missing image, aliases). What the renderer gets
 * from curated data and the rest of the library (glossary, related provisions,
 * agency pages, other documents) is fixed here, so the snapshot changes only
 * when rendering or this document's MDX does, not when the library grows.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { glossaryEntrySchema } from '../../schemas/glossary.ts';
import type { ElementContext } from './elements.ts';
import { createPolicyRenderer } from './render.ts';

const SLUG = 'guangdong-yigongti';
const FILE = `src/content/policies/${SLUG}.mdx`;

const entry = (id: string, term: string, aliases: string[]) => ({
  id,
  ...glossaryEntrySchema.parse({
    term,
    aliases,
    short: `${term}：快照测试用的简短解释。`,
    explanation: `${term}：快照测试用的较长解释文字，固定不变。`,
    english: 'Snapshot term',
    category: '服务体系',
  }),
});
const glossary = [
  entry('yigongti', '县域医共体', ['紧密型县域医疗卫生共同体', '医共体']),
  entry('jiating-yisheng', '家庭医生', ['家庭医生签约服务']),
  entry('fenji-zhenliao', '分级诊疗', []),
];
const terms = new Map(glossary.map((e) => [e.id, e]));

const ctx: ElementContext = {
  href: (p) => `/${p}`,
  term: (id) => terms.get(id)!,
  // One provision with a curated group and a topic, one with an automatic suggestion, the rest without.
  related: (id) =>
    id === 's1'
      ? {
          groups: [{ label: '快照关联', links: [{ href: '/policies/other/#s2', doc: '另一文件', label: '第二部分' }] }],
          topics: [{ href: '/topics/yigongti/', name: '医共体' }],
        }
      : id === 's2-1'
        ? {
            groups: [],
            topics: [],
            similar: [
              { href: '/policies/other/#s3', doc: '另一文件', label: '第三部分', shared: ['医共体', '“统一管理”'] },
            ],
          }
        : { groups: [], topics: [] },
  // Government offices have no agency page (as names the agency table cannot read); the rest do.
  agencyHref: (name) => (name.includes('政府') ? undefined : `/agencies/${[...name].length}/`),
};

/** One block element per line, so a change reads as a small diff; nothing else is touched. */
const lines = (html: string) => html.replace(/<(section|div|p|h[2-6]|ul|li)\b/g, '\n<$1').replace(/^\n/, '');

test(`${SLUG} renders as in __snapshots__/${SLUG}.html`, async () => {
  const source = readFileSync(FILE, 'utf8');
  // The library is the document alone (it names its own number without a link), read from its own frontmatter.
  const { title, docNumber } = JSON.parse(source.split('\n---\n')[0].replace(/^---\n/, '')) as {
    title: string;
    docNumber?: string;
  };
  const render = createPolicyRenderer({ base: '/', library: [{ slug: SLUG, title, docNumber }], glossary });
  const out = render(source, FILE, ctx);
  await expect(`${lines(out.html)}\n`).toMatchFileSnapshot(`__snapshots__/${SLUG}.html`);
  expect(out.glossaryOccurrences.length).toBeGreaterThan(0);
});
