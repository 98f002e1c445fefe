/**
 * Drafts a manifest from what a cleaned text itself says: title (one line,
 * split over two, or a notice title 关于印发《…》的通知 with the plan title),
 * issuers (several joint ones too), 文号, dates, region, kind, status, the
 * notice and attachment parts and truncation. Every field carries the line
 * it was read from; a field the text does not give stays empty and is listed
 * as missing. Nothing here guesses.
 */
import type { PageMetaField } from '../rules/strip-metadata-table.ts';
import { readRegion } from './region.ts';

export interface Found { field: string; value: string; from: string }
export interface Draft {
  meta: Record<string, unknown>;
  parts: { id: string; label: string; kind: 'notice' | 'main' | 'attachment'; start: string; titleLines: number }[];
  headLines: number;
  truncated?: string;
  found: Found[];
  missing: string[];
  unsure: string[];
}

/** 文种, longest first; the plan title's ending decides. */
export const KINDS = ['实施方案', '工作方案', '行动方案', '建设方案', '试点方案', '行动计划', '工作计划', '工作举措', '若干措施', '实施意见', '指导意见', '若干意见', '实施细则', '管理办法', '实施办法', '工作要点', '工作总结', '工作规划', '发展规划', '规划', '意见', '通知', '办法', '细则', '规定', '方案', '计划', '措施', '决定', '通告', '公告', '批复', '总结', '要点'];
const KIND_END = new RegExp(`(${KINDS.join('|')})(（[^（）]{1,20}）)?$`, 'u');
const NOTICE = /^(.*?)关于(?:印发|转发|公布|发布|下发)《?(.+?)》?的通知$/u;
const DOCNO = /^([\p{Script=Han}]{1,14})\s?[〔[［(（](\d{4})[〕\]］)）]\s?(\d{1,4})\s?号$/u;
const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const DATE_LINE = /^((?:\d|[〇零一二三四五六七八九]){4})年([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})日$/u;
const BODY = /(人民政府|政府|办公厅|办公室|委员会|卫健委|医保局|总局|局|厅|委|部|署|院|中心|党委|党组|领导小组)$/u;
const END_PUNCT = /[。！？；：”）》」]$/u;
export const TRUNCATED_NOTICE = '转载网页的正文至此中断（句子未完），其后内容未能取得。';

const cnNumber = (s: string): number => {
  if (/^\d+$/u.test(s)) return Number(s);
  if (s.length === 4 && [...s].every((c) => c in CN_DIGIT)) return Number([...s].map((c) => CN_DIGIT[c]).join(''));
  const t = s.indexOf('十');
  if (t === -1) return CN_DIGIT[s] ?? NaN;
  return (t === 0 ? 1 : CN_DIGIT[s[0]]) * 10 + (t === s.length - 1 ? 0 : CN_DIGIT[s[t + 1]]);
};
const pad = (n: number) => String(n).padStart(2, '0');
/** 2024年3月8日, 二〇二四年三月八日, 2024-03-08, 2024/3/8, 2024.03.08 → 2024-03-08, or undefined. */
export function isoDate(s: string): string | undefined {
  const t = s.trim();
  const m = DATE_LINE.exec(t) ?? /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/u.exec(t);
  if (!m) return undefined;
  const [y, mo, d] = [cnNumber(m[1]), cnNumber(m[2]), cnNumber(m[3])];
  if (![y, mo, d].every(Number.isFinite)) return undefined;
  const iso = `${y}-${pad(mo)}-${pad(d)}`;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d ? iso : undefined;
}

const isBodyLine = (l: string) => l.length <= 60 && !/[。，；：]/u.test(l) && l.split(' ').every((w) => BODY.test(w));

/**
 * `rawLineOf` gives a table field's line in the raw page; `sourceLine` the raw
 * line (0-based) a clean line came from, so each field names both.
 */
export function draftManifest(cleanText: string, table: PageMetaField[], rawLineOf: (f: PageMetaField) => number, sourceLine: (i: number) => number = (i) => i): Draft {
  const L = cleanText.split('\n');
  const at = (i: number, l: string) => `原文第${sourceLine(i) + 1}行（清洗后第${i + 1}行）：${l.length > 40 ? `${l.slice(0, 40)}…` : l}`;
  const found: Found[] = [];
  const unsure: string[] = [];
  const meta: Record<string, unknown> = {};
  const put = (field: string, value: unknown, from: string) => {
    meta[field] = value;
    found.push({ field, value: typeof value === 'string' ? value : JSON.stringify(value), from });
  };
  const tableValue = (...labels: string[]) => table.find((f) => labels.includes(f.label) && f.value.trim() !== '');
  const tableFrom = (f: PageMetaField) => `${f.source}（原文第${rawLineOf(f) + 1}行）：${f.label} ${f.value}`;
  const TOP = Math.min(L.length, 25);

  // ---- title ---------------------------------------------------------------
  let notice = -1;
  let noticeMatch: RegExpExecArray | null = null;
  // A notice title on one line; failing that, one split over two lines, whose
  // first half holds no 关于 ending (a page heading before it stays apart).
  for (let i = 0; i < TOP && notice === -1; i++) {
    const m = NOTICE.exec(L[i]);
    if (m && !/[。，；：]/u.test(m[0])) { notice = i; noticeMatch = m; }
  }
  for (let i = 0; i + 1 < TOP && notice === -1; i++) {
    if (/[。，；：]/u.test(L[i]) || /的通知$/u.test(L[i]) || !/关于/u.test(L[i]) || /关于/u.test(L[i + 1])) continue;
    const m = NOTICE.exec(L[i] + L[i + 1]);
    if (m && !/[。，；：]/u.test(m[0])) { notice = i; noticeMatch = m; }
  }
  const noticeLines = noticeMatch && noticeMatch[0] !== L[notice] ? 2 : 1;
  const findTitle = (from: number, to: number, want?: string): { i: number; lines: number; title: string } | undefined => {
    for (let i = from; i < to; i++) {
      if (want) {
        if (L[i] === want) return { i, lines: 1, title: want };
        if (L[i + 1] !== undefined && L[i] + L[i + 1] === want) return { i, lines: 2, title: want };
        continue;
      }
      if (/[。，；：]/u.test(L[i]) || L[i].length < 4) continue;
      if (KIND_END.test(L[i]) && L[i].length <= 60) return { i, lines: 1, title: L[i] };
      const two = L[i] + (L[i + 1] ?? '');
      // A date or a signature line is never the first half of a title.
      if (isoDate(L[i]) || /^\d/u.test(L[i]) || (isBodyLine(L[i]) && isoDate(L[i + 1] ?? ''))) continue;
      if (L[i + 1] && !/[。，；：]/u.test(L[i + 1]) && KIND_END.test(two) && two.length <= 80) return { i, lines: 2, title: two };
    }
    return undefined;
  };
  const parts: Draft['parts'] = [];
  let headLines = 0;
  let planTitle: string | undefined;
  let planAt: { i: number; lines: number } | undefined;
  let issuers: string[] = [];
  let issuerFrom = '';
  if (noticeMatch) {
    const noticeTitle = noticeMatch[0];
    put('title', noticeTitle, at(notice, noticeTitle));
    if (noticeLines === 2) unsure.push(`标题分在两行（清洗后第${notice + 1}–${notice + 2}行），已合为一行：${noticeTitle}`);
    planTitle = noticeMatch[2];
    const plan = findTitle(notice + noticeLines, L.length, planTitle);
    headLines = notice + noticeLines;
    if (noticeMatch[1].trim()) { issuers = noticeMatch[1].trim().split(' '); issuerFrom = at(notice, noticeTitle); }
    if (plan) {
      planAt = plan;
      parts.push({ id: 'tz', label: '印发通知', kind: 'notice', start: L[headLines], titleLines: 0 });
    } else {
      unsure.push(`通知标题所印发的《${planTitle}》在正文中没有单独的标题行：全文作为一部分处理。`);
    }
  } else {
    // A notice whose own title the page lost (拉萨: addressee, notice, signature,
    // then the plan title): the lines before the plan title are the notice.
    const lead = L.slice(0, Math.min(L.length, 6)).findIndex((l) => /[：:]$/u.test(l) && l.length <= 200);
    const t = findTitle(lead === -1 ? 0 : lead + 1, Math.min(L.length, lead === -1 ? 8 : lead + 12));
    if (t && lead !== -1 && t.i > lead + 1) {
      put('title', t.title, at(t.i, t.title) + (t.lines === 2 ? `（与下一行合为标题）` : ''));
      planTitle = t.title;
      headLines = lead;
      planAt = t;
      parts.push({ id: 'tz', label: '印发通知', kind: 'notice', start: L[lead], titleLines: 0 });
      unsure.push(`文本以主送机关开头（原文第${sourceLine(lead) + 1}行），未见通知标题：按“印发通知＋${t.title}”两部分处理；通知标题可由编者补写（titleSupplied）。`);
    } else {
      const top = findTitle(0, Math.min(L.length, 8));
      if (top) {
        put('title', top.title, at(top.i, top.title) + (top.lines === 2 ? `（与下一行合为标题）` : ''));
        planTitle = top.title;
        headLines = top.i + top.lines;
      }
    }
  }
  if (!meta.title) unsure.push('文本开头没有可认作标题的行：请在清单中写 meta.title，并设 "titleSupplied": true 和 titleNote。');
  if (planTitle) {
    const k = KIND_END.exec(planTitle.replace(/（(征求意见稿|试行|暂行)）$/u, ''));
    if (k) put('kind', k[1], `标题“${planTitle}”的结尾`);
  }

  // ---- status -------------------------------------------------------------
  const draftLine = L.slice(0, Math.max(TOP, headLines + 2)).findIndex((l) => /征求意见稿/u.test(l));
  if (draftLine !== -1) {
    put('status', '征求意见稿', at(draftLine, L[draftLine]));
    if (draftLine === headLines && /^[（(]?征求意见稿[）)]?$/u.test(L[draftLine])) headLines++;
  } else put('status', '正式', '文本未标“征求意见稿”');

  // ---- 文号 ---------------------------------------------------------------
  const docIdx = L.slice(0, TOP + 5).findIndex((l) => DOCNO.test(l));
  const docLine = docIdx === -1 ? undefined : L[docIdx];
  const normDoc = (s: string) => { const m = DOCNO.exec(s.trim()); return m ? `${m[1]}〔${m[2]}〕${m[3]}号` : undefined; };
  if (docLine && normDoc(docLine)) {
    put('docNumber', normDoc(docLine), at(docIdx, docLine) + (normDoc(docLine) !== docLine ? '（括号统一为〔〕）' : ''));
  } else {
    const f = tableValue('文号', '发文字号', '文件编号');
    if (f && normDoc(f.value)) put('docNumber', normDoc(f.value), tableFrom(f));
  }

  // ---- signature: issuers and the date written ------------------------------
  const searchTo = planAt ? planAt.i : Math.min(L.length, headLines + 40);
  let written: string | undefined;
  const sigRange = [...Array(Math.max(0, searchTo - headLines)).keys()].map((k) => k + headLines);
  // Without a notice the signature stands at the end of the text.
  const tail = planAt ? [] : [...Array(Math.min(8, L.length)).keys()].map((k) => L.length - 1 - k).reverse();
  for (const i of [...sigRange, ...tail]) {
    const iso = isoDate(L[i]);
    if (!iso) continue;
    written = iso;
    put('date', iso, at(i, L[i]));
    const sig: string[] = [];
    for (let k = i - 1; k >= 0 && k >= i - 4 && isBodyLine(L[k]); k--) sig.unshift(...L[k].split(' '));
    if (sig.length) { issuers = sig; issuerFrom = at(i - 1, L[i - 1]) + '（落款）'; }
    break;
  }
  if (!issuers.length) {
    const f = tableValue('发布机构', '发文机关', '发布单位', '颁布单位');
    if (f) { issuers = f.value.split(/[ 、，,]+/u).filter(Boolean); issuerFrom = tableFrom(f); }
  }
  if (issuers.length) {
    put('issuer', issuers.join(' '), issuerFrom);
    if (issuers.length > 1) put('issuers', issuers, issuerFrom);
  }

  // ---- dates from the table and the text -----------------------------------
  const dates: Record<string, string> = {};
  const dateFrom: string[] = [];
  for (const [key, labels] of [['written', ['成文日期']], ['published', ['发布日期', '發布日期', '发布时间', '發布時間', '颁布时间', '頒布時間']], ['effective', ['生效日期', '实施时间', '實施時間']], ['repealed', ['废止日期', '廢止日期']]] as const) {
    const f = tableValue(...labels);
    const iso = f && isoDate(f.value);
    if (f && iso) { dates[key] = iso; dateFrom.push(tableFrom(f)); }
  }
  const eff = L.findIndex((l) => /自(\d{4})年(\d{1,2})月(\d{1,2})日起(施行|实施|执行|生效)/u.test(l));
  if (eff !== -1 && !dates.effective) {
    const m = /自(\d{4})年(\d{1,2})月(\d{1,2})日起/u.exec(L[eff])!;
    const iso = isoDate(`${m[1]}年${m[2]}月${m[3]}日`);
    if (iso) { dates.effective = iso; dateFrom.push(at(eff, L[eff])); }
  }
  if (written) dates.written ??= written;
  if (!written && dates.written) put('date', dates.written, dateFrom[0]);
  if (Object.keys(dates).length > 1 || (Object.keys(dates).length === 1 && !dates.written)) put('dates', dates, dateFrom.join('；') || '落款日期');

  // ---- region ---------------------------------------------------------------
  const region = readRegion([issuers.join(' '), String(meta.title ?? ''), planTitle ?? '', ...table.filter((f) => /发布机构|发布单位|發布機構|發布單位/u.test(f.label)).map((f) => f.value)]);
  if (region.province) {
    const r: Record<string, string> = { province: region.province };
    if (region.city) r.city = region.city;
    if (region.district) r.district = region.district;
    put('region', r, region.found.map((f) => `${f.inText}${f.fromList ? `（${f.name}，据行政区划表）` : ''}`).join('、') + '（发文机关或标题）');
  }

  // ---- parts -----------------------------------------------------------------
  if (planAt) parts.push({ id: 'zw', label: String(meta.kind ?? '正文'), kind: 'main', start: L[planAt.i], titleLines: planAt.lines });
  const firstBody = planAt ? planAt.i + planAt.lines : headLines;
  for (let i = firstBody; i < L.length; i++) {
    const m = /^附件(\d*)$/u.exec(L[i]);
    if (!m || !L[i + 1]) continue;
    if (!parts.length) parts.push({ id: 'zw', label: String(meta.kind ?? '正文'), kind: 'main', start: L[headLines], titleLines: 0 });
    const n = m[1] || '1';
    let titleLines = 2;
    if (L[i + 2] !== undefined && !/[。，；：]/u.test(L[i + 1]) && !/[。，；：]/u.test(L[i + 2]) && !/^([一二三四五六七八九十]+、|\d+[.．、]|（)/u.test(L[i + 2]) && L[i + 2].length <= 20) {
      titleLines = 3;
      unsure.push(`附件${n}的标题按两行计（清洗后第${i + 2}–${i + 3}行）：${L[i + 1]}${L[i + 2]}`);
    }
    parts.push({ id: `fj${n}`, label: `附件${n}`, kind: 'attachment', start: L[i], titleLines });
    found.push({ field: `parts.附件${n}`, value: L[i + 1], from: at(i, L[i]) });
  }
  if (parts.length === 1) parts.length = 0;

  // ---- truncation ----------------------------------------------------------
  const last = L.at(-1) ?? '';
  let truncated: string | undefined;
  if (last && !END_PUNCT.test(last) && !isoDate(last) && !isBodyLine(last) && last.length > 15 && /[，、]/u.test(last)) {
    truncated = TRUNCATED_NOTICE;
    found.push({ field: 'truncated', value: TRUNCATED_NOTICE, from: at(L.length - 1, last) + '（句子未完）' });
  }

  // ---- page metadata -----------------------------------------------------------
  if (table.length) put('pageMeta', table.map((f) => ({ label: f.label, value: f.value, from: `${f.source}（原文第${rawLineOf(f) + 1}行）` })), `${table[0].source}，${table.length}栏`);

  const missing = ['title', 'issuer', 'docNumber', 'date', 'region', 'kind'].filter((k) => meta[k] === undefined);
  return { meta, parts, headLines, truncated, found, missing, unsure };
}
