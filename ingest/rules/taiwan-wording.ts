/**
 * Taiwan wording in a text that reached us in Traditional script. After
 * character conversion (traditional-to-simplified, which converts characters
 * only and never phrases: OpenCC's phrase mode would turn 建立 into 创建 and
 * 整合 into 集成), a few words are still the Taiwan form of a mainland word.
 * This reviewed table turns them back. Each entry is a word a mainland
 * official text does not use in this sense, with the reason; `not` names the
 * neighbours in which the word is mainland usage and must stay (电子健康档案).
 *
 * They are editorial corrections, not cleaning: the add command writes each
 * hit into the draft manifest's `corrections`, so the page marks them and shows
 * the original on demand.
 */
export interface TaiwanWord {
  find: string;
  replace: string;
  reason: string;
  /** Matches around the word in which it is left alone. */
  not?: RegExp;
}

export const TAIWAN_WORDS: readonly TaiwanWord[] = [
  { find: '最佳化', replace: '优化', reason: '台湾用语“最佳化”，大陆规范用词为“优化”' },
  { find: '民众', replace: '群众', reason: '台湾用语“民众”，大陆政策文本用“群众”', not: /人民群众|民众团体/u },
  {
    find: '档案',
    replace: '文件',
    reason: '台湾用语“档案”（计算机文件），大陆用“文件”',
    not: /(健康|病历|病案|人事|电子|管理|居民|医疗|职工|服务|信用|诚信)档案|档案(管理|馆|室)/u,
  },
  { find: '资讯', replace: '信息', reason: '台湾用语“资讯”，大陆用“信息”' },
  { find: '网路', replace: '网络', reason: '台湾用语“网路”，大陆用“网络”' },
  { find: '软体', replace: '软件', reason: '台湾用语“软体”，大陆用“软件”' },
  { find: '硬体', replace: '硬件', reason: '台湾用语“硬体”，大陆用“硬件”' },
  { find: '资料库', replace: '数据库', reason: '台湾用语“资料库”，大陆用“数据库”' },
  { find: '数位化', replace: '数字化', reason: '台湾用语“数位化”，大陆用“数字化”' },
  { find: '品质', replace: '质量', reason: '台湾用语“品质”，大陆政策文本用“质量”', not: /品质(生活|管控)/u },
  { find: '透过', replace: '通过', reason: '台湾用语“透过”，大陆用“通过”' },
  { find: '行动装置', replace: '移动设备', reason: '台湾用语“行动装置”，大陆用“移动设备”' },
  { find: '影音', replace: '音视频', reason: '台湾用语“影音”，大陆用“音视频”' },
  { find: '远距医疗', replace: '远程医疗', reason: '台湾用语“远距医疗”，大陆用“远程医疗”' },
  { find: '医疗院所', replace: '医疗机构', reason: '台湾用语“医疗院所”，大陆用“医疗机构”' },
];

export interface WordHit {
  word: TaiwanWord;
  count: number;
  lines: number[];
  ats: number[];
  skipped: number;
}

/** Where the table's words occur in a (converted, clean) text, outside their `not` contexts. */
export function findTaiwanWording(text: string): WordHit[] {
  const hits: WordHit[] = [];
  for (const word of TAIWAN_WORDS) {
    const lines: number[] = [];
    const ats: number[] = [];
    let count = 0;
    let skipped = 0;
    for (let at = text.indexOf(word.find); at !== -1; at = text.indexOf(word.find, at + word.find.length)) {
      const around = text.slice(Math.max(0, at - 4), at + word.find.length + 4);
      if (word.not?.test(around)) {
        skipped++;
        continue;
      }
      count++;
      ats.push(at);
      lines.push(text.slice(0, at).split('\n').length - 1);
    }
    if (count) hits.push({ word, count, lines, ats, skipped });
  }
  return hits;
}

/**
 * The hits as manifest corrections. Where the word also occurs in a context
 * that keeps it, each hit is written with the two characters before it, so
 * the correction matches only there (结算档案 → 结算文件, not 健康档案).
 */
export function taiwanCorrections(text: string): { find: string; replace: string; count: number; reason: string }[] {
  const out: { find: string; replace: string; count: number; reason: string }[] = [];
  for (const h of findTaiwanWording(text)) {
    const reason = `${h.word.reason}（台湾用语对照表 ingest/rules/taiwan-wording.ts）`;
    if (!h.skipped) {
      out.push({ find: h.word.find, replace: h.word.replace, count: h.count, reason });
      continue;
    }
    const finds = new Map<string, number>();
    for (const at of h.ats) {
      const ctx = text.slice(Math.max(0, at - 2), at);
      finds.set(ctx, (finds.get(ctx) ?? 0) + 1);
    }
    for (const [ctx, n] of finds) {
      const find = ctx + h.word.find;
      if (text.split(find).length - 1 !== n) continue; // not unique: left to the editor (listed in the review)
      out.push({ find, replace: ctx + h.word.replace, count: n, reason });
    }
  }
  return out;
}
