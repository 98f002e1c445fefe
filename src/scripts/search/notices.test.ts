import { describe, expect, test } from 'vitest';
import { statusText } from './notices.ts';
import type { SearchResult } from './engine.ts';

const result = (over: Partial<SearchResult>): SearchResult => ({
  parts: [],
  hits: [],
  clauses: 0,
  suggestions: [],
  dropped: 0,
  moreDocuments: 0,
  moreSure: 0,
  olderParts: 0,
  searchedDocuments: 0,
  olderDocuments: 0,
  ...over,
});
const hit = {
  url: '/p/x/#s1',
  title: '',
  kind: 'clause' as const,
  titleMatch: false,
  typed: 1,
  count: 1,
  marks: [],
  excerpt: { before: '', match: '', after: '' },
};

describe('the count readers see and hear', () => {
  test('the whole library searched: the count alone', () => {
    expect(statusText(result({ hits: [hit, hit], clauses: 2, searchedDocuments: 5 }))).toBe('找到 2 条条款');
    expect(statusText(result({}))).toBe('没有找到结果');
  });
  test('only the newest parts searched: how many documents, and how many are left', () => {
    expect(
      statusText(result({ hits: [hit], clauses: 1, olderParts: 2, searchedDocuments: 600, olderDocuments: 2400 })),
    ).toBe('在最新的 600 份文件中找到 1 条条款（更早的 2400 份尚未检索）');
    expect(statusText(result({ olderParts: 1, searchedDocuments: 1200, olderDocuments: 8800 }))).toBe(
      '在最新的 1200 份文件中没有找到结果（更早的 8800 份尚未检索）',
    );
  });
  test('an index that gives no figures (the old indexes.json) still says that older documents are left', () => {
    expect(statusText(result({ hits: [hit], clauses: 1, olderParts: 1 }))).toBe(
      '在较新的文件中找到 1 条条款（更早的文件尚未检索）',
    );
  });
});
