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

/**
 * The page's own 来源 value (the first 来源 line, or the line under a bare
 * 来源：), with the 0-based line it stands on, for the document's metadata.
 * Another label on the same line (来源：某局  发布时间：…) ends the value.
 */
export function sourceOf(lines: Line[]): { site: string; line: number; text: string } | undefined {
  for (const l of lines) {
    const m = SOURCE.exec(l.text.trim());
    if (!m) continue;
    const next = lines[l.index + 1];
    const own = m[2].split(/[ \u3000]{2,}|\s+(?=[^\s:：]{2,6}[:：])/u)[0].trim();
    if (own) return own.length <= 40 ? { site: own, line: l.index, text: l.text.trim() } : undefined;
    if (next && isSourceLine(next, lines))
      return { site: next.text.trim(), line: next.index, text: `${l.text.trim()} ${next.text.trim()}` };
    return undefined;
  }
  return undefined;
}

export const stripSourceLine: Rule = {
  name: 'strip-source-line',
  label: '删除网页“来源”栏（来源记入元数据）',
  quotable: true,
  apply: (text) => dropLines(text, 'strip-source-line', isSourceLine),
};
