/**
 * A new, uncurated document added to a copy of the library: its provisions
 * get similar provisions from the other documents, and the curation report
 * lists its suggested topics, targets and aliases; accepting them edits the
 * data files only.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildCurationReport } from './report.ts';
import { accept } from './apply.ts';
import { loadSimilar } from '../similar/library.ts';
import { loadGlossary } from '../glossary/load.ts';
import { targetsSchema } from '../../schemas/targets.ts';
import { topicMapSchema } from '../../schemas/topics.ts';

const SLUG = 'xinxian-yigongti';
// Written for this test: an unseen county plan.
const CLAUSES = [
  {
    id: 's1',
    kind: 'provision',
    depth: 1,
    num: '一、',
    title: '工作目标',
    cite: '第一部分',
    text: '一、工作目标\n到2027年，全县县域内就诊率达到90%以上，基层就诊率提高到65%左右，乡镇卫生院远程会诊实现全覆盖。',
  },
  {
    id: 's2',
    kind: 'provision',
    depth: 1,
    num: '二、',
    title: '深化薪酬制度改革',
    cite: '第二部分',
    text: '二、深化薪酬制度改革。落实“两个允许”要求，合理核定公立医院薪酬总量，建立主要体现岗位职责和知识价值的薪酬体系，落实公立医院内部分配自主权，医务人员薪酬不与药品、耗材、检查、化验收入挂钩。',
  },
  {
    id: 's3',
    kind: 'provision',
    depth: 1,
    num: '三、',
    title: '加强组织领导',
    cite: '第三部分',
    text: '三、加强组织领导。坚持新时代党的卫生与健康工作方针，统筹推进医疗、医保、医药联动改革，各乡镇要把医共体建设列入重要议事日程。',
  },
];

function library(): string {
  const root = mkdtempSync(join(tmpdir(), 'curation-'));
  cpSync('src/content', root, { recursive: true });
  writeFileSync(join(root, 'clauses', `${SLUG}.json`), JSON.stringify(CLAUSES, null, 1));
  writeFileSync(
    join(root, 'policies', `${SLUG}.mdx`),
    `---\n${JSON.stringify({ title: '新县紧密型县域医共体建设实施方案', year: 2025, kind: '实施方案', region: { province: '某省', city: '某市', district: '新县' } })}\n---\n`,
  );
  return root;
}

describe('a new uncurated document', { timeout: 60_000 }, () => {
  const root = library();
  const report = buildCurationReport(root);
  const doc = report.documents.find((d) => d.slug === SLUG)!;

  test('its provisions get similar provisions from the other documents, with shared terms', () => {
    const links = loadSimilar({ root }).similarTo(SLUG, 's2');
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      expect(l.slug).not.toBe(SLUG);
      expect(l.terms.length + l.phrases.length).toBeGreaterThan(0);
    }
  });
  test('the report suggests topics for its provisions, with reasons', () => {
    const s2 = doc.topics.find((t) => t.clause === 's2')!;
    expect(s2.suggestions.map((s) => s.topic)).toContain('xinchou-zhidu');
    expect(s2.suggestions[0].reasons.length).toBeGreaterThan(0);
  });
  test('the report lists its targets, ready for targets.json, values verbatim', () => {
    const values = doc.targets.map((t) => [t.clause, t.target.value, t.target.status, t.target.deadline]);
    expect(values).toEqual([
      ['s1', '90%以上', 'target', '到2027年'],
      ['s1', '65%左右', 'target', '到2027年'],
      ['s1', '全覆盖', 'target', '到2027年'],
    ]);
    expect(targetsSchema.safeParse(doc.targets.map((t) => t.target)).success).toBe(true);
  });
  test('the report offers the variant forms of glossary terms as aliases', () => {
    expect(doc.aliases.map((a) => [a.termId, a.variant, a.clauses]).sort()).toEqual([
      ['sanyi-liandong', '医疗、医保、医药联动', ['s3']],
      ['weisheng-fangzhen', '卫生与健康工作方针', ['s3']],
    ]);
  });
  test('accepting edits the data files only; the suggestions are then gone', () => {
    const text = readFileSync(join(root, 'clauses', `${SLUG}.json`), 'utf8');
    const mdx = readFileSync(join(root, 'policies', `${SLUG}.mdx`), 'utf8');
    const ids = [
      `${doc.topics.find((t) => t.clause === 's2')!.id}:xinchou-zhidu`,
      doc.targets[0].id,
      ...doc.aliases.map((a) => a.id),
    ];
    const done = accept(report, ids, root);
    expect(done.map((d) => d.file.slice(root.length + 1)).sort()).toEqual([
      'glossary/sanyi-liandong.json',
      'glossary/weisheng-fangzhen.json',
      'targets.json',
      'topic-map.json',
    ]);
    expect(topicMapSchema.parse(JSON.parse(readFileSync(join(root, 'topic-map.json'), 'utf8')))[SLUG]).toEqual({
      s2: ['xinchou-zhidu'],
    });
    const targets = targetsSchema.parse(JSON.parse(readFileSync(join(root, 'targets.json'), 'utf8')));
    const added = targets.find((t) => t.doc === SLUG)!;
    expect(CLAUSES.find((c) => c.id === added.clause)!.text).toContain(added.value);
    expect(loadGlossary(join(root, 'glossary')).find((e) => e.id === 'sanyi-liandong')!.aliases).toContain(
      '医疗、医保、医药联动',
    );
    expect(readFileSync(join(root, 'clauses', `${SLUG}.json`), 'utf8')).toBe(text);
    expect(readFileSync(join(root, 'policies', `${SLUG}.mdx`), 'utf8')).toBe(mdx);
    const after = buildCurationReport(root).documents.find((d) => d.slug === SLUG)!;
    expect(after.topics.find((t) => t.clause === 's2')).toBeUndefined();
    expect(after.targets.map((t) => t.target.value)).not.toContain(added.value);
    expect(after.aliases).toEqual([]);
  });
  test('an unknown id stops with a hint and writes nothing', () => {
    const before = readFileSync(join(root, 'targets.json'), 'utf8');
    expect(() => accept(report, [doc.targets[1].id, 'target:nope#s1:00000000'], root)).toThrow(
      /no suggestion "target:nope#s1:00000000" in the curation report\n {2}hint: /,
    );
    expect(readFileSync(join(root, 'targets.json'), 'utf8')).toBe(before);
  });
});
