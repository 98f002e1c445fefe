/**
 * The metadata a web page prints around the text: a government site's
 * 信息公开 table (索引号, 发布机构, 文号, 生效日期 …) or an encyclopedia
 * mirror's infobox (中文名, 颁布时间, 发布单位 …). Scraped, it becomes lines of
 * labels and values, in cells split by tabs or wide spaces, or a label on one
 * line and its value on the next. Those lines leave the text here; `readPageMeta`
 * gives the same fields to the add command, which keeps them in the metadata
 * with the line they stood on.
 *
 * A block counts only when it has at least two different labels, so a single
 * line such as 文号：… in running text is never taken for a table.
 */
import { type Edit, result, splitLines } from '../ledger.ts';
import type { Rule } from './types.ts';

/** Labels of 信息公开 tables (both scripts: the rule runs before conversion). */
const GOV_LABELS = [
  '索引号',
  '索引號',
  '发布机构',
  '發布機構',
  '發佈機構',
  '发文机关',
  '發文機關',
  '生效日期',
  '废止日期',
  '廢止日期',
  '文号',
  '文號',
  '发文字号',
  '發文字號',
  '所属主题',
  '所屬主題',
  '主题分类',
  '主題分類',
  '体裁分类',
  '體裁分類',
  '成文日期',
  '发布日期',
  '發布日期',
  '發佈日期',
  '公开方式',
  '公開方式',
  '公开范围',
  '公開範圍',
  '组配分类',
  '組配分類',
  '信息分类',
  '信息分類',
  '主题词',
  '主題詞',
  '有效性',
  '服务对象',
  '服務對象',
  '名称',
  '名稱',
  '标题',
  '標題',
];
/** Labels of encyclopedia infoboxes. */
const BOX_LABELS = [
  '頒佈時間',
  '發佈單位',
  '頒佈單位',
  '發佈時間',
  '中文名',
  '外文名',
  '颁布时间',
  '頒布時間',
  '发布单位',
  '發布單位',
  '颁布单位',
  '頒布單位',
  '实施时间',
  '實施時間',
  '文件编号',
  '文件編號',
  '发布时间',
  '發布時間',
];

export type PageMetaSource = '信息公开表' | '百科信息框';
export interface PageMetaField {
  label: string;
  value: string;
  /** Zero-based line of the label in the text given to readPageMeta. */
  line: number;
  /** Zero-based line of the value (the label's own line or the next). */
  valueLine: number;
  source: PageMetaSource;
}

const LABEL_RE = new RegExp(
  `^(${[...GOV_LABELS, ...BOX_LABELS].sort((a, b) => b.length - a.length).join('|')})[:：]?\\s*(.*)$`,
  'u',
);
/** Scrapers leave spaces inside labels (索 引 号) and full-width indentation. */
const squeeze = (s: string) => s.replace(/[ \t\u00a0\u3000]+/gu, '');

interface Cell {
  text: string;
}
const cells = (line: string): Cell[] =>
  line
    .split(/\t+| {2,}|\u3000{2,}|\s*[|｜]\s*/u)
    .map((t) => ({ text: t.trim() }))
    .filter((c) => c.text !== '');

function labelOf(cell: string): { label: string; value: string; colon: boolean } | undefined {
  const m = LABEL_RE.exec(cell);
  if (m) return { label: m[1], value: m[2].trim(), colon: /^[^:：]+[:：]/u.test(cell) };
  const sq = squeeze(cell);
  const n = LABEL_RE.exec(sq);
  // A label written with spaces inside (索 引 号：) but with its value kept apart.
  if (n && n[2] === '' && sq.length <= 6) return { label: n[1], value: '', colon: /[:：]$/u.test(sq) };
  return undefined;
}

/**
 * A value taken from the next line is short and is no sentence of the text:
 * no full stop or semicolon, no comma, and no colon at its end (an addressee
 * line 各乡镇人民政府，县政府各部门： after an empty 废止日期 stays).
 */
const isValueLine = (t: string) =>
  t.length > 0 && t.length <= 60 && !/[。；，,]|[：:]$/u.test(t) && !labelOf(cells(t)[0]?.text ?? '');

interface Block {
  lines: number[];
  fields: PageMetaField[];
}

function blocks(text: string): Block[] {
  const lines = splitLines(text);
  const out: Block[] = [];
  let cur: Block | undefined;
  const close = () => {
    if (cur && new Set(cur.fields.map((f) => squeeze(f.label))).size >= 2) out.push(cur);
    cur = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text.trim();
    if (t === '') {
      if (cur) cur.lines.push(i);
      continue;
    }
    const cs = cells(t);
    const parsed: PageMetaField[] = [];
    let ok = cs.length > 0;
    let waiting: PageMetaField | undefined;
    for (const c of cs) {
      const l = labelOf(c.text);
      if (l) {
        waiting = {
          label: l.label,
          value: l.value,
          line: i,
          valueLine: i,
          source: BOX_LABELS.includes(l.label) ? '百科信息框' : '信息公开表',
        };
        parsed.push(waiting);
        if (l.value !== '') waiting = undefined;
      } else if (waiting) {
        waiting.value = c.text;
        waiting = undefined;
      } else {
        ok = false;
        break;
      }
    }
    if (!ok) {
      close();
      continue;
    }
    cur ??= { lines: [], fields: [] };
    cur.lines.push(i);
    cur.fields.push(...parsed);
    // A label alone at the end of its line takes the next line as its value.
    const last = parsed.at(-1);
    if (last && last.value === '' && cs.length === 1 && i + 1 < lines.length && isValueLine(lines[i + 1].text.trim())) {
      last.value = lines[i + 1].text.trim();
      last.valueLine = i + 1;
      cur.lines.push(i + 1);
      i++;
    }
  }
  close();
  // Blank lines at a block's end belong to the text around it.
  for (const b of out) while (b.lines.length && lines[b.lines.at(-1)!].text.trim() === '') b.lines.pop();
  return out;
}

/** Every table or infobox field of the text, in order. */
export function readPageMeta(text: string): PageMetaField[] {
  return blocks(text).flatMap((b) => b.fields);
}

export const stripMetadataTable: Rule = {
  name: 'strip-metadata-table',
  label: '删除网页的信息公开表或百科信息框（各栏记入元数据）',
  quotable: true,
  apply(text) {
    const lines = splitLines(text);
    const edits: Edit[] = [];
    for (const b of blocks(text)) {
      for (const i of b.lines) {
        const l = lines[i];
        const hasNewline = l.start + l.text.length < text.length;
        edits.push({ rule: 'strip-metadata-table', at: l.start, from: l.text + (hasNewline ? '\n' : ''), to: '' });
      }
    }
    return result(text, edits);
  },
};
