import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadTopicData, relatedTo, clausesOnTopic } from './load.ts';

/** A copy of the real content folder's topic data and clauses, to break on purpose. */
function copy(): string {
  const root = mkdtempSync(join(tmpdir(), 'topics-'));
  for (const p of ['topics', 'clauses', 'topic-map.json', 'relations.json']) cpSync(join('src/content', p), join(root, p), { recursive: true });
  return root;
}
const edit = (file: string, f: (d: any) => void) => {
  const d = JSON.parse(readFileSync(file, 'utf8'));
  f(d);
  writeFileSync(file, JSON.stringify(d));
};

describe('topic data', () => {
  test('the real data loads: at least 15 topics, every topic on clauses of 2+ documents', () => {
    const data = loadTopicData();
    expect(data.topics.length).toBeGreaterThanOrEqual(15);
    for (const t of data.topics) expect(clausesOnTopic(data, t.id).size, t.id).toBeGreaterThanOrEqual(2);
  });
  test('every substantive numbered provision of the five documents is on a topic', () => {
    const data = loadTopicData();
    for (const [slug, clauses] of data.clauses) {
      for (const c of clauses.values()) {
        if (c.kind !== 'provision') continue;
        const hasText = c.text.split('\n').join('').length > (c.num?.length ?? 0) + (c.title?.length ?? 0) + 1 || [...clauses.values()].some((x) => x.parent === c.id && x.kind === 'para');
        if (hasText) expect(data.map[slug]?.[c.id], `${slug}#${c.id}`).toBeDefined();
      }
    }
  });
  test('relations are symmetric: each member sees the others', () => {
    const data = loadTopicData();
    const related = relatedTo(data, 'datong-gaozhiliang', 's3-4-15').flatMap((g) => g.links.map((l) => `${l.slug}#${l.id}`));
    expect(related).toContain('changping-gaozhiliang#s2-3-14');
    const back = relatedTo(data, 'changping-gaozhiliang', 's2-3-14').flatMap((g) => g.links.map((l) => `${l.slug}#${l.id}`));
    expect(back).toContain('datong-gaozhiliang#s3-4-15');
  });
  test('an unknown clause id stops with the file, the id and existing ids nearby', () => {
    const root = copy();
    edit(join(root, 'topic-map.json'), (d) => { d['datong-gaozhiliang']['s3-4-99'] = ['xinchou-zhidu']; });
    expect(() => loadTopicData(root)).toThrow(/topic-map\.json: clause "s3-4-99" does not exist in datong-gaozhiliang\n  hint: Use an anchor from the document, e\.g\. s3-4/);
  });
  test('an unknown topic stops with the file and where it is used', () => {
    const root = copy();
    edit(join(root, 'relations.json'), (d) => { d[0].topic = 'no-such-topic'; });
    expect(() => loadTopicData(root)).toThrow(/relations\.json: unknown topic "no-such-topic" \(relation /);
  });
  test('a relation within one document, a malformed clause reference and bad JSON are refused', () => {
    const a = copy();
    edit(join(a, 'relations.json'), (d) => { d[0].clauses = ['datong-gaozhiliang#s1', 'datong-gaozhiliang#s2']; });
    expect(() => loadTopicData(a)).toThrow(/links clauses of one document only/);
    const b = copy();
    edit(join(b, 'relations.json'), (d) => { d[0].clauses[0] = 'datong s1'; });
    expect(() => loadTopicData(b)).toThrow(/relations\.json:\d+: 0\.clauses\.0: write clauses as document-slug#clause-id/);
    const c = copy();
    writeFileSync(join(c, 'topic-map.json'), '{');
    expect(() => loadTopicData(c)).toThrow(/topic-map\.json:\d+: not valid JSON/);
  });
  test.each(['..json', 'a#b?c.json', 'Bad Name.json'])('a topic file named %j is refused with the file and the fix', (name) => {
    const root = copy();
    writeFileSync(join(root, 'topics', name), JSON.stringify({ name: '测试专题', description: '用于测试文件名规则的专题。', order: 99 }));
    expect(() => loadTopicData(root)).toThrow(/topics\/.*: the file name .* is not a valid topic id\n  hint: Name the file with lower-case ASCII words/);
  });
});
