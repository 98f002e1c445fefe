import { dropLines, type Line } from '../ledger.ts';
import type { Rule } from './types.ts';

const SOURCE = /^(来源|來源|信息来源|信息來源|文章来源|文章來源)[:：]\s*(.*)$/u;

/**
 * The page's "来源：…" line. When the value sits alone on the next line
 * (来源： / 拉萨市人民政府办公室) that line goes too. The source is kept in the
 * document's metadata, not in the text.
 */
export function isSourceLine(line: Line, lines: Line[]): boolean {
  const t = line.text.trim();
  if (SOURCE.test(t)) return true;
  const prev = lines[line.index - 1]?.text.trim() ?? '';
  const m = SOURCE.exec(prev);
  // The rule runs before punctuation is normalised, so the seed's commas may be
  // half-width; a line ending in a colon is an addressee (各县(区)人民政府:), not a source.
  return !!m && m[2] === '' && t.length > 0 && t.length <= 30 && !/[。，；,;]|[：:]$/u.test(t);
}

export const stripSourceLine: Rule = {
  name: 'strip-source-line',
  label: '删除网页“来源”栏（来源记入元数据）',
  quotable: true,
  apply: (text) => dropLines(text, 'strip-source-line', isSourceLine),
};
