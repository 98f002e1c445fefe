/** The smallest manifest the schema accepts, for tests; each test adds the fields it needs. */
export const minimalManifest = (title: string, summary: string) => ({
  seed: 'fixture.txt',
  slug: 'fixture',
  meta: {
    title,
    shortTitle: title.slice(0, 8),
    year: 2019,
    region: { province: '广东省' },
    kind: '实施方案',
    status: '正式',
    source: { site: '测试' },
    summary,
  },
});
