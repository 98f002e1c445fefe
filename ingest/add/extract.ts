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

export interface Found {
  field: string;
  value: string;
  from: string;
}
export interface Draft {
  meta: Record<string, unknown>;
  parts: {
    id: string;
    label: string;
    kind: 'notice' | 'main' | 'attachment' | 'colophon';
    start: string;
    titleLines: number;
    titleNote?: string;
  }[];
  /** Editor's notes drafted from the text: the 公开 mark (此件公开发布) kept as printed and marked. */
  notes: { find: string; note: string; count: number }[];
  headLines: number;
  truncated?: string;
  found: Found[];
  missing: string[];
  unsure: string[];
}

/** 文种, longest first; the plan title's ending decides. */
export const KINDS = [
  '实施方案',
  '工作方案',
  '行动方案',
  '建设方案',
  '试点方案',
  '行动计划',
  '工作计划',
  '工作举措',
  '若干措施',
  '实施意见',
  '指导意见',
  '若干意见',
  '实施细则',
  '管理办法',
  '实施办法',
  '工作要点',
  '工作总结',
  '工作规划',
  '发展规划',
  '规划',
  '意见',
  '通知',
  '办法',
  '细则',
  '规定',
  '方案',
  '计划',
  '措施',
  '决定',
  '通告',
  '公告',
  '批复',
  '总结',
  '要点',
];
const KIND_END = new RegExp(`(${KINDS.join('|')})(（[^（）]{1,20}）)?$`, 'u');
const NOTICE = /^(.*?)关于(?:印发|转发|公布|发布|下发)《?(.+?)》?的通知$/u;
const DOCNO = /^([\p{Script=Han}]{1,14})\s?[〔[［(（](\d{4})[〕\]］)）]\s?(\d{1,4})\s?号$/u;
const CN_DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const DATE_LINE =
  /^((?:\d|[〇零一二三四五六七八九]){4})年([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})日$/u;
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

/** The 红头 of a printed document: the issuer's name and 文件 (金寨县人民政府办公室文件), never part of the title. */
const RED_HEAD = /^[\p{Script=Han}（）()\s]{2,40}文件$/u;

/**
 * The lines from `i` that may be one title printed over several lines: none
 * holds sentence punctuation, a date, a 文号 or a 红头, and none after the first
 * starts another title (关于) or follows one that ends a title already (的通知).
 */
function titleRun(L: string[], i: number): string[] {
  const run: string[] = [];
  for (let k = i; k < Math.min(L.length, i + 4); k++) {
    const l = L[k];
    if (!l || /[。，；：]/u.test(l) || isoDate(l) || DOCNO.test(l) || RED_HEAD.test(l)) break;
    if (k > i && (/关于/u.test(l) || /的通知$/u.test(L[k - 1]))) break;
    run.push(l);
  }
  return run;
}

/**
 * The 版记 at the end of a printed document: 抄送：…, the printing office and
 * date (…办公室 2024年3月6日印发), a 联系人 line; with at least the 抄送 or the
 * printing line, or it is no 版记.
 */
const COLOPHON_LINE =
  /^((抄送|主送|报送|分送|印送)[：:]|[（(]联系人|[（(]此件)|^[\p{Script=Han}（）()]{2,40} ?(\d{4}|[〇零一二三四五六七八九]{4})年[\d〇零一二三四五六七八九十]{1,2}月[\d〇零一二三四五六七八九十]{1,3}日印发$/u;
const COLOPHON_CORE = /^(抄送|主送|报送|分送|印送)[：:]|日印发$/u;
export const COLOPHON_NOTE =
  '版记（抄送机关、印发机关和印发日期等）为原件所印，在正文之后；原件没有“版记”二字，此标签为编者所加。';
/** The public-release mark a printed document carries under its date: kept as printed, marked with an editor's note. */
const RELEASE_MARK = /^[（(]此件(公开发布|主动公开|依申请公开|不予公开|不公开)[）)]$/u;
export const RELEASE_NOTE = '原件所印的公开属性标注，说明文件的公开方式，不属正文内容，照原样保留。';

/** Where the 版记 starts (the first of the trailing lines that belong to it), or -1. */
function colophonStart(L: string[], from: number): number {
  let k = L.length;
  while (k - 1 >= from && COLOPHON_LINE.test(L[k - 1])) k--;
  return k < L.length && L.slice(k).some((l) => COLOPHON_CORE.test(l)) ? k : -1;
}

/** How the review says a title was printed over several lines. */
const joinedNote = (lines: number) => (lines < 2 ? '' : `（与下${['一', '两', '三'][lines - 2]}行合为标题）`);

const isBodyLine = (l: string) => l.length <= 60 && !/[。，；：]/u.test(l) && l.split(' ').every((w) => BODY.test(w));

/**
 * `rawLineOf` gives a table field's line in the raw page; `sourceLine` the raw
 * line (0-based) a clean line came from, so each field names both.
 */
export function draftManifest(
  cleanText: string,
  table: PageMetaField[],
  rawLineOf: (f: PageMetaField) => number,
  sourceLine: (i: number) => number = (i) => i,
): Draft {
  const L = cleanText.split('\n');
  const at = (i: number, l: string) =>
    `原文第${sourceLine(i) + 1}行（清洗后第${i + 1}行）：${l.length > 40 ? `${l.slice(0, 40)}…` : l}`;
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
    if (m && !/[。，；：]/u.test(m[0])) {
      notice = i;
      noticeMatch = m;
    }
  }
  // A printed notice title (红头文件) runs over two to four lines, from 关于 to 的通知.
  let noticeLines = 1;
  for (let i = 0; i + 1 < TOP && notice === -1; i++) {
    if (!/关于/u.test(L[i])) continue;
    const run = titleRun(L, i);
    for (let n = 2; n <= run.length && notice === -1; n++) {
      const m = NOTICE.exec(run.slice(0, n).join(''));
      if (m) {
        notice = i;
        noticeMatch = m;
        noticeLines = n;
      }
    }
  }
  const findTitle = (
    from: number,
    to: number,
    want?: string,
  ): { i: number; lines: number; title: string } | undefined => {
    for (let i = from; i < to; i++) {
      if (want) {
        if (L[i] === want) return { i, lines: 1, title: want };
        for (let n = 2; n <= 4 && i + n <= L.length; n++)
          if (L.slice(i, i + n).join('') === want) return { i, lines: n, title: want };
        continue;
      }
      if (/[。，；：]/u.test(L[i]) || L[i].length < 4 || RED_HEAD.test(L[i])) continue;
      if (KIND_END.test(L[i]) && L[i].length <= 60) return { i, lines: 1, title: L[i] };
      // A date or a signature line is never the first half of a title.
      if (isoDate(L[i]) || /^\d/u.test(L[i]) || (isBodyLine(L[i]) && isoDate(L[i + 1] ?? ''))) continue;
      // Two lines; three or four only from 关于 (a printed title: 关于… ⏎ … ⏎ …的意见).
      const run = titleRun(L, i).slice(0, /关于/u.test(L[i]) ? 4 : 2);
      for (let n = 2; n <= run.length; n++) {
        const joined = run.slice(0, n).join('');
        if (KIND_END.test(joined) && joined.length <= 40 * n) return { i, lines: n, title: joined };
      }
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
    if (noticeLines > 1)
      unsure.push(
        `标题分在${noticeLines}行（清洗后第${notice + 1}–${notice + noticeLines}行），已合为一行：${noticeTitle}`,
      );
    planTitle = noticeMatch[2];
    const plan = findTitle(notice + noticeLines, L.length, planTitle);
    // The title stays the notice's (the document as issued); the review names the plan it issued.
    if (plan)
      found.push({
        field: 'parts.正文',
        value: `《${planTitle}》`,
        from: `${at(plan.i, L[plan.i])}${joinedNote(plan.lines)}；所印发文件的标题，meta.title 取通知标题`,
      });
    headLines = notice + noticeLines;
    if (noticeMatch[1].trim()) {
      issuers = noticeMatch[1].trim().split(' ');
      issuerFrom = at(notice, noticeTitle);
    }
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
      put('title', t.title, at(t.i, t.title) + joinedNote(t.lines));
      planTitle = t.title;
      headLines = lead;
      planAt = t;
      parts.push({ id: 'tz', label: '印发通知', kind: 'notice', start: L[lead], titleLines: 0 });
      unsure.push(
        `文本以主送机关开头（原文第${sourceLine(lead) + 1}行），未见通知标题：按“印发通知＋${t.title}”两部分处理；通知标题可由编者补写（titleSupplied）。`,
      );
    } else {
      const top = findTitle(0, Math.min(L.length, 8));
      if (top) {
        put('title', top.title, at(top.i, top.title) + joinedNote(top.lines));
        planTitle = top.title;
        headLines = top.i + top.lines;
      }
    }
  }
  if (!meta.title)
    unsure.push('文本开头没有可认作标题的行：请在清单中写 meta.title，并设 "titleSupplied": true 和 titleNote。');
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
  const normDoc = (s: string) => {
    const m = DOCNO.exec(s.trim());
    return m ? `${m[1]}〔${m[2]}〕${m[3]}号` : undefined;
  };
  if (docLine && normDoc(docLine)) {
    put(
      'docNumber',
      normDoc(docLine),
      at(docIdx, docLine) + (normDoc(docLine) !== docLine ? '（括号统一为〔〕）' : ''),
    );
  } else {
    const f = tableValue('文号', '发文字号', '文件编号');
    if (f && normDoc(f.value)) put('docNumber', normDoc(f.value), tableFrom(f));
  }

  // ---- signature: issuers and the date written ------------------------------
  const searchTo = planAt ? planAt.i : Math.min(L.length, headLines + 40);
  let written: string | undefined;
  const sigRange = [...Array(Math.max(0, searchTo - headLines)).keys()].map((k) => k + headLines);
  // Without a notice the signature stands at the end of the text.
  const colophon = colophonStart(L, planAt ? planAt.i + planAt.lines : headLines + 1);
  const bodyEnd = colophon === -1 ? L.length : colophon;
  const tail = planAt ? [] : [...Array(Math.min(8, bodyEnd)).keys()].map((k) => bodyEnd - 1 - k).reverse();
  for (const i of [...sigRange, ...tail]) {
    const iso = isoDate(L[i]);
    if (!iso) continue;
    written = iso;
    put('date', iso, at(i, L[i]));
    const sig: string[] = [];
    for (let k = i - 1; k >= 0 && k >= i - 4 && isBodyLine(L[k]); k--) sig.unshift(...L[k].split(' '));
    if (sig.length) {
      issuers = sig;
      issuerFrom = at(i - 1, L[i - 1]) + '（落款）';
    }
    break;
  }
  if (!issuers.length) {
    const f = tableValue('发布机构', '发文机关', '发布单位', '颁布单位');
    if (f) {
      issuers = f.value.split(/[ 、，,]+/u).filter(Boolean);
      issuerFrom = tableFrom(f);
    }
  }
  if (issuers.length) {
    put('issuer', issuers.join(' '), issuerFrom);
    if (issuers.length > 1) put('issuers', issuers, issuerFrom);
  }

  // ---- dates from the table and the text -----------------------------------
  const dates: Record<string, string> = {};
  const dateFrom: string[] = [];
  for (const [key, labels] of [
    ['written', ['成文日期']],
    ['published', ['发布日期', '發布日期', '发布时间', '發布時間', '颁布时间', '頒布時間']],
    ['effective', ['生效日期', '实施时间', '實施時間']],
    ['repealed', ['废止日期', '廢止日期']],
  ] as const) {
    const f = tableValue(...labels);
    const iso = f && isoDate(f.value);
    if (f && iso) {
      dates[key] = iso;
      dateFrom.push(tableFrom(f));
    }
  }
  const eff = L.findIndex((l) => /自(\d{4})年(\d{1,2})月(\d{1,2})日起(施行|实施|执行|生效)/u.test(l));
  if (eff !== -1 && !dates.effective) {
    const m = /自(\d{4})年(\d{1,2})月(\d{1,2})日起/u.exec(L[eff])!;
    const iso = isoDate(`${m[1]}年${m[2]}月${m[3]}日`);
    if (iso) {
      dates.effective = iso;
      dateFrom.push(at(eff, L[eff]));
    }
  }
  if (written) dates.written ??= written;
  if (!written && dates.written) put('date', dates.written, dateFrom[0]);
  if (Object.keys(dates).length > 1 || (Object.keys(dates).length === 1 && !dates.written))
    put('dates', dates, dateFrom.join('；') || '落款日期');

  // ---- region ---------------------------------------------------------------
  const region = readRegion([
    issuers.join(' '),
    String(meta.title ?? ''),
    planTitle ?? '',
    ...table.filter((f) => /发布机构|发布单位|發布機構|發布單位/u.test(f.label)).map((f) => f.value),
  ]);
  if (region.province) {
    const r: Record<string, string> = { province: region.province };
    if (region.city) r.city = region.city;
    if (region.district) r.district = region.district;
    put(
      'region',
      r,
      region.found.map((f) => `${f.inText}${f.fromList ? `（${f.name}，据行政区划表）` : ''}`).join('、') +
        '（发文机关或标题）',
    );
  }

  // ---- parts -----------------------------------------------------------------
  if (planAt)
    parts.push({
      id: 'zw',
      label: String(meta.kind ?? '正文'),
      kind: 'main',
      start: L[planAt.i],
      titleLines: planAt.lines,
    });
  const firstBody = planAt ? planAt.i + planAt.lines : headLines;
  for (let i = firstBody; i < L.length; i++) {
    const m = /^附件(\d*)$/u.exec(L[i]);
    if (!m || !L[i + 1]) continue;
    if (!parts.length)
      parts.push({ id: 'zw', label: String(meta.kind ?? '正文'), kind: 'main', start: L[headLines], titleLines: 0 });
    const n = m[1] || '1';
    let titleLines = 2;
    if (
      L[i + 2] !== undefined &&
      !/[。，；：]/u.test(L[i + 1]) &&
      !/[。，；：]/u.test(L[i + 2]) &&
      !/^([一二三四五六七八九十]+、|\d+[.．、]|（)/u.test(L[i + 2]) &&
      L[i + 2].length <= 20
    ) {
      titleLines = 3;
      unsure.push(`附件${n}的标题按两行计（清洗后第${i + 2}–${i + 3}行）：${L[i + 1]}${L[i + 2]}`);
    }
    parts.push({ id: `fj${n}`, label: `附件${n}`, kind: 'attachment', start: L[i], titleLines });
    found.push({ field: `parts.附件${n}`, value: L[i + 1], from: at(i, L[i]) });
  }
  if (colophon !== -1) {
    if (!parts.length)
      parts.push({ id: 'zw', label: String(meta.kind ?? '正文'), kind: 'main', start: L[headLines], titleLines: 0 });
    parts.push({
      id: 'bj',
      label: '版记',
      kind: 'colophon',
      start: L[colophon],
      titleLines: 0,
      titleNote: COLOPHON_NOTE,
    });
    found.push({
      field: 'parts.版记',
      value: L.slice(colophon).join(' ／ '),
      from: `${at(colophon, L[colophon])}起${L.length - colophon}行；作为“版记”部分放在正文之后，标签为编者所加`,
    });
  }
  if (parts.length === 1) parts.length = 0;

  // ---- the public-release mark ---------------------------------------------------
  const notes: Draft['notes'] = [];
  for (const mark of new Set(L.filter((l) => RELEASE_MARK.test(l)))) {
    notes.push({ find: mark, note: RELEASE_NOTE, count: L.filter((l) => l.includes(mark)).length });
    found.push({ field: 'notes', value: mark, from: `${at(L.indexOf(mark), mark)}；照原样保留，标为编者注` });
  }

  // ---- truncation ----------------------------------------------------------
  const last = L[bodyEnd - 1] ?? '';
  let truncated: string | undefined;
  if (
    last &&
    !END_PUNCT.test(last) &&
    !isoDate(last) &&
    !isBodyLine(last) &&
    last.length > 15 &&
    /[，、]/u.test(last)
  ) {
    truncated = TRUNCATED_NOTICE;
    found.push({ field: 'truncated', value: TRUNCATED_NOTICE, from: at(bodyEnd - 1, last) + '（句子未完）' });
  }

  // ---- page metadata -----------------------------------------------------------
  if (table.length)
    put(
      'pageMeta',
      table.map((f) => ({ label: f.label, value: f.value, from: `${f.source}（原文第${rawLineOf(f) + 1}行）` })),
      `${table[0].source}，${table.length}栏`,
    );

  const missing = ['title', 'issuer', 'docNumber', 'date', 'region', 'kind'].filter((k) => meta[k] === undefined);
  return { meta, parts, headLines, truncated, found, missing, unsure, notes };
}
