/** The editorial pages, in reading order (src/pages/about/*.mdx; `path` is the page's frontmatter `path`). */
export const editorialPages = [
  { path: 'about/', label: '关于本库' },
  { path: 'about/editing/', label: '整理体例' },
  { path: 'about/citing/', label: '如何引用' },
  { path: 'about/adding/', label: '编者指南：收录新文件' },
] as const;
