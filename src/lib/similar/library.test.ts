import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSimilar, termMatcher } from './library.ts';

// A small library of texts written for this test.
const DOCS: Record<string, { id: string; text: string; title?: string }[]> = {
  alpha: [
    {
      id: 's1',
      title: '做实家庭医生签约服务',
      text: '1.做实家庭医生签约服务。组建以全科医生为核心的家庭医生团队，优先覆盖老年人、孕产妇、儿童和慢性病患者，签约居民在转诊、用药方面享受优惠。',
    },
    { id: 's2', title: '重点任务', text: '二、重点任务' },
  ],
  beta: [
    {
      id: 's1',
      title: '推进家庭医生签约服务',
      text: '（一）推进家庭医生签约服务。以全科医生为核心组建家庭医生团队，重点覆盖老年人、孕产妇和慢性病患者，对签约居民提供转诊绿色通道。',
    },
    {
      id: 's2',
      title: '加强医院文化建设',
      text: '（二）加强医院文化建设。挖掘医院历史，凝练院训院歌，开展职业精神教育，营造尊医重卫的良好氛围。',
    },
  ],
  gamma: [
    {
      id: 's1',
      title: '落实家庭医生签约',
      text: '1.落实家庭医生签约服务。家庭医生团队以全科医生为核心，覆盖老年人、孕产妇和慢性病患者，签约居民优先转诊。',
    },
  ],
};

function library(
  files: {
    relations?: unknown;
    rejected?: unknown;
    docs?: typeof DOCS;
    /** Frontmatter dates of documents that have a policy file (the others have clause files only). */
    dates?: Record<string, { date?: string; year?: number }>;
  } = {},
): string {
  const root = mkdtempSync(join(tmpdir(), 'similar-'));
  for (const d of ['clauses', 'topics', 'glossary', 'policies']) mkdirSync(join(root, d));
  for (const [slug, meta] of Object.entries(files.dates ?? {}))
    writeFileSync(
      join(root, 'policies', `${slug}.mdx`),
      `---\n${JSON.stringify({ title: slug, ...meta })}\n---\n\n正文\n`,
    );
  for (const [slug, cs] of Object.entries(files.docs ?? DOCS))
    writeFileSync(
      join(root, 'clauses', `${slug}.json`),
      JSON.stringify(cs.map((c) => ({ ...c, kind: 'provision', cite: c.id }))),
    );
  writeFileSync(
    join(root, 'topics', 'jiceng.json'),
    JSON.stringify({ name: '基层服务', description: '基层医疗卫生服务与家庭医生。', order: 1 }),
  );
  writeFileSync(
    join(root, 'glossary', 'jiating-yisheng.json'),
    JSON.stringify({
      term: '家庭医生签约服务',
      aliases: ['家庭医生签约'],
      short: '居民与家庭医生团队签约，获得连续的基本医疗和公共卫生服务。',
      explanation: '以全科医生为核心的团队为签约居民提供基本医疗、公共卫生和健康管理服务。',
      english: 'Family doctor contracted services',
      category: '服务体系',
    }),
  );
  writeFileSync(join(root, 'topic-map.json'), '{}');
  writeFileSync(join(root, 'relations.json'), JSON.stringify(files.relations ?? []));
  if (files.rejected) writeFileSync(join(root, 'similar-rejected.json'), JSON.stringify(files.rejected));
  return root;
}

describe('the library’s similar provisions', () => {
  test('a provision gets the same matter in other documents, with the shared glossary term; bare headings are not compared', () => {
    const lib = loadSimilar({ root: library() });
    const links = lib.similarTo('alpha', 's1');
    expect(links.map((l) => `${l.slug}#${l.id}`).sort()).toEqual(['beta#s1', 'gamma#s1']);
    expect(links[0].terms).toEqual([{ id: 'jiating-yisheng', term: '家庭医生签约服务' }]);
    expect(lib.similarTo('alpha', 's2')).toEqual([]);
    expect(lib.units.map((u) => u.key)).not.toContain('alpha#s2');
    expect(Object.keys(lib.byDoc('alpha'))).toEqual(['s1']);
  });
  test('a rejected pair disappears in both directions; the others stay', () => {
    const before = loadSimilar({ root: library() });
    expect(before.similarTo('beta', 's1').map((l) => l.slug)).toContain('alpha');
    const lib = loadSimilar({
      root: library({ rejected: { rejected: [{ pair: ['beta#s1', 'alpha#s1'], reason: '测试：编辑认为不相关' }] } }),
    });
    expect(lib.similarTo('alpha', 's1').map((l) => `${l.slug}#${l.id}`)).toEqual(['gamma#s1']);
    expect(lib.similarTo('beta', 's1').map((l) => `${l.slug}#${l.id}`)).toEqual(['gamma#s1']);
  });
  test('a curated pair is not repeated as automatic', () => {
    const lib = loadSimilar({
      root: library({
        relations: [{ id: 'jiating', topic: 'jiceng', label: '家庭医生签约', clauses: ['alpha#s1', 'gamma#s1'] }],
      }),
    });
    expect(lib.similarTo('alpha', 's1').map((l) => l.slug)).toEqual(['beta']);
    expect(lib.similarTo('gamma', 's1').map((l) => l.slug)).toEqual(['beta']);
  });
  test('text copied word for word links to its oldest copies first (by date, else year; undated last), whatever their slugs', () => {
    const text =
      '（三）健全现代医院管理制度。公立医院要制定章程，完善医院党委会和院长办公会议事决策制度，健全以公益性为导向的绩效考核机制。';
    const docs = Object.fromEntries(
      ['a-2025', 'b-undated', 'c-2019', 'd-2019', 'e-2022'].map((slug) => [slug, [{ id: 's1', text }]]),
    );
    const dates = {
      'a-2025': { year: 2025 },
      'c-2019': { date: '2019-10-13', year: 2019 },
      'd-2019': { year: 2019 },
      'e-2022': { year: 2022 },
    };
    const lib = loadSimilar({ root: library({ docs, dates }) });
    const links = (slug: string) => lib.similarTo(slug, 's1').map((l) => l.slug);
    // A year alone sorts before the dated days of that year.
    expect(links('a-2025')).toEqual(['d-2019', 'c-2019', 'e-2022']);
    expect(links('d-2019')).toEqual(['c-2019', 'e-2022', 'a-2025']);
    expect(links('c-2019')).toEqual(['d-2019', 'e-2022', 'a-2025']);
    expect(lib.similarTo('a-2025', 's1').every((l) => l.identical)).toBe(true);
    // A newer copy added (or changed) leaves the older copies' links as they were.
    const more = loadSimilar({
      root: library({
        docs: { ...docs, 'f-2026': [{ id: 's1', text }] },
        dates: { ...dates, 'f-2026': { year: 2026 } },
      }),
    });
    for (const slug of Object.keys(docs)) expect(more.similarTo(slug, 's1')).toEqual(lib.similarTo(slug, 's1'));
  });
  test('a broken rejection list stops with the file, the pair and a hint', () => {
    const cases: [unknown, RegExp][] = [
      [
        { rejected: [{ pair: ['alpha#s9', 'beta#s1'], reason: '测试用例' }] },
        /similar-rejected\.json:1: rejected\[0\] alpha#s9 – beta#s1: clause "s9" does not exist in alpha\n {2}hint: /,
      ],
      [
        { rejected: [{ pair: ['zeta#s1', 'beta#s1'], reason: '测试用例' }] },
        /rejected\[0\] zeta#s1 – beta#s1: unknown document "zeta"/,
      ],
      [
        { rejected: [{ pair: ['beta#s1', 'beta#s2'], reason: '测试用例' }] },
        /both clauses are in one document\n {2}hint: /,
      ],
      [
        {
          rejected: [
            { pair: ['alpha#s1', 'beta#s1'], reason: '测试用例' },
            { pair: ['beta#s1', 'alpha#s1'], reason: '重复的条目' },
          ],
        },
        /rejected\[1\] beta#s1 – alpha#s1: the pair is listed twice/,
      ],
      [
        { rejected: [{ pair: ['alpha-s1', 'beta#s1'], reason: '测试用例' }] },
        /rejected\.0\.pair\.0: write clauses as document-slug#clause-id/,
      ],
      [{ rejected: [{ pair: ['alpha#s1', 'beta#s1'] }] }, /rejected\.0\.reason/],
    ];
    for (const [rejected, message] of cases)
      expect(() => loadSimilar({ root: library({ rejected }) })).toThrow(message);
  });
  test('term matching takes the longest form at each place', () => {
    const match = termMatcher([
      { id: 'a', term: '家庭医生签约服务', aliases: ['家庭医生'] },
      { id: 'b', term: '签约服务费', aliases: [] },
    ]);
    expect(match('推进家庭医生签约服务费用改革')).toEqual(['a']);
    expect(match('家庭医生团队与签约服务费')).toEqual(['a', 'b']);
  });
});
