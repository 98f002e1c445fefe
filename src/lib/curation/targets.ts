/**
 * Candidate targets in a clause's text: figures with a unit (90%左右,
 * 1-2所, 3万人, 1:1.25), 全覆盖, with the indicator they measure, the deadline
 * (到2025年), and whether the text sets them or reports them achieved. The
 * value is copied verbatim from the text, so an accepted suggestion passes
 * the check of src/lib/targets.ts. Pure functions; suggestions only: an
 * editor accepts them into src/content/targets.json.
 */
import type { Target } from '../../schemas/targets.ts';

export interface TargetCandidate {
  indicator: string;
  value: string;
  number: number;
  unit: string;
  comparison: Target['comparison'];
  year: number;
  deadline: string;
  status: 'target' | 'achieved' | 'baseline';
  /** The sentence it was found in, for the editor. */
  context: string;
}

const UNITS = '个百分点|个工作日|工作日|万人次|人次|批次|万人|亿元|万元|%|％|所|家|个|张|人|名|项|元|分钟|秒|天|级|床';
const FIGURE = new RegExp(
  `(?<![\\d.:：])(?:(1[:：]\\d+(?:\\.\\d+)?)(左右)?|(\\d+(?:\\.\\d+)?)(?:[-～~至](\\d+(?:\\.\\d+)?))?(万|亿)?(余)?(${UNITS})(以上|以下|以内|左右|及以上)?|(全覆盖))`,
  'gu',
);
const DEADLINE = /(到|至|截至|截止到?|力争到|力争)?\s*(20\d\d)年(底|末|前|年底|上半年|6月|\d{1,2}月)?(起每年)?/u;
/** Words that mark a reported figure, not a target. */
const ACHIEVED = /已|累计完成|截至|截止|共有|完成了|达到了|建成了|实现了|同比|较上年|下降了|提高了|增长/u;
/** In a report of results, words that still mark a plan. */
const FUTURE = /到20\d\d|力争|计划|下一步|明年|预计|将要|确保/u;

/** A document that reports results (工作总结, 情况报告 …): undated figures in it are achieved. */
export const isReport = (title: string, kind: string) =>
  /总结|工作情况|情况报告|进展|成效|回顾/.test(`${kind}${title}`);
const LEAD_IN =
  /^(?:到|至|截至)?(?:20\d\d年(?:底|末|前)?)?(?:起每年)?[，,]?(?:力争|确保|全市|全省|全区|全县|我市|我省|我区|使|实现|均|基本|努力|进一步|，)*/u;
const TRAIL =
  /(?:要|均|应|将|力争|分别|全部|基本|至少|不低于|不少于|不高于|不超过|控制在|提高到|提升到|提高至|提升至|增加到|达到|达|超过|为|至|在|占|以上|实现|保持)+$/u;

const comparisonOf = (before: string, suffix: string): Target['comparison'] => {
  if (/以上|及以上/.test(suffix) || /(不低于|不少于|至少|超过)$/.test(before)) return 'min';
  if (/以下|以内/.test(suffix) || /(不超过|不高于|控制在)$/.test(before)) return 'max';
  if (/左右/.test(suffix) || /约$/.test(before)) return 'about';
  return 'exact';
};

/** Sentences of a text (。；！ and line breaks), keeping their offsets. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[。；！？\n])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Figures in a clause's own text. `docYear` is the document's year (used
 * when the text gives no deadline); `report` says the whole document reports
 * results (a 工作总结), so undated figures are achieved.
 */
export function extractTargets(text: string, docYear: number, report = false): TargetCandidate[] {
  const out: TargetCandidate[] = [];
  let deadline: { words: string; year: number } | undefined;
  for (const sentence of sentences(text)) {
    const d = DEADLINE.exec(sentence);
    // A deadline holds for the rest of the clause (到2025年，…。…。).
    if (d && (d[1] || d[3] || d[4] || /^20\d\d年/.test(sentence)))
      deadline = { words: d[0].trim(), year: Number(d[2]) };
    let lastIndicator = '';
    for (const m of sentence.matchAll(FIGURE)) {
      const at = m.index!;
      const value = m[0];
      const [, ratio, ratioAbout, n1, , scale, , unitRaw, suffix, full] = m;
      // Skip years, dates, document numbers, ordinals and ranks in a sequence (第3, 3级医院 as a kind of hospital).
      const before = sentence.slice(0, at);
      if (
        /第$|〔$|号$/.test(before) ||
        (unitRaw === '级' && /^级(医院|公立|综合|专科|甲等|乙等|及)/.test(sentence.slice(at + value.length - 1)))
      )
        continue;
      if (unitRaw === '个' && /^个(月|工作|方面|一|部门|环节|中心建设)/.test(sentence.slice(at + value.length - 1)))
        continue;
      // The indicator: the words since the last comma before the figure (or after it, for a count of things built).
      // An open bracket is a boundary only while unclosed (执业（助理）医师数 stays whole).
      const open = before.lastIndexOf('（') > before.lastIndexOf('）') ? before.lastIndexOf('（') : -1;
      const clauseStart = Math.max(open, ...['，', '、', '：', '；', ','].map((c) => before.lastIndexOf(c)));
      // Nor an earlier figure of the same phrase (投资9.29亿元（3个 …).
      let lead = before
        .slice(clauseStart + 1)
        .replace(LEAD_IN, '')
        .replace(new RegExp(`^.*\\d(?:万|亿)?(?:${UNITS})?`, 'u'), '');
      const verb = TRAIL.exec(lead)?.[0] ?? '';
      lead = lead.slice(0, lead.length - verb.length);
      const afterText = sentence.slice(at + value.length);
      const object = /^[^，。；、（(：]{2,14}/u.exec(afterText)?.[0] ?? '';
      const count = !ratio && !full && !/%|％|百分点|级/.test(unitRaw ?? '');
      let indicator = lead;
      if (full) indicator = lead.replace(/(基本|全面|实现|达到)+$/u, '');
      else if (
        count &&
        (lead.length < 4 ||
          /(建成|建设|建强|建好|组建|新增|设置|培养|培训|打造|创建|遴选|选派|推广|开展|成立|评选|引进|招收|招生)$/.test(
            lead,
          )) &&
        object
      )
        indicator = `${lead}${object.replace(/(的|等)$/u, '')}`;
      indicator = indicator.replace(/^[的和及与、，]+|[的和及与、]+$/gu, '').trim();
      // 从2.62人提高到3.5人, 分别达到90%、85%: the figure shares the indicator of the one before it.
      if ((indicator.length < 2 || /^\d/.test(indicator)) && lastIndicator) indicator = lastIndicator;
      if (indicator.length < 2 || /^\d/.test(indicator)) continue;
      lastIndicator = indicator;
      let number: number;
      let unit: string;
      if (full) {
        number = 100;
        unit = '%';
      } else if (ratio) {
        number = Number(ratio.split(/[:：]/)[1]);
        unit = '1:x';
      } else {
        number = Number(n1) * (scale === '万' ? 10000 : scale === '亿' ? 1e8 : 1);
        unit = unitRaw === '％' ? '%' : unitRaw;
        if (scale && (unitRaw === '人次' || unitRaw === '元')) {
          number = Number(n1);
          unit = `${scale}${unitRaw}`;
        }
      }
      const verbBefore = verb || /(不低于|不少于|不超过|控制在|约)$/.exec(before)?.[0] || '';
      // 从X提高到Y: X is the baseline.
      const baseline = /从$/.test(indicator) || /^(提高|提升|增加|下降|降低|减少)(到|至)/.test(afterText);
      indicator = indicator.replace(/从$/, '');
      const reported = ACHIEVED.test(sentence) || (report && !FUTURE.test(sentence));
      out.push({
        indicator,
        value,
        number,
        unit,
        comparison: ratio ? (ratioAbout ? 'about' : 'exact') : full ? 'exact' : comparisonOf(verbBefore, suffix ?? ''),
        year: deadline?.year ?? docYear,
        deadline: deadline?.words ?? '未注明',
        status: baseline ? 'baseline' : reported ? 'achieved' : 'target',
        context: sentence,
      });
    }
  }
  return out;
}
