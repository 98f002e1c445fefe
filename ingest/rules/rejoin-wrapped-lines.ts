/**
 * Text copied from the PDF of a printed document keeps the printed lines:
 * a break every ~28 characters, in the middle of sentences and words, and a
 * paragraph start shown only by its indent:
 *
 *       为贯彻落实《安徽省人民政府办公厅关于进一步深化紧密型县
 *   域医疗卫生共同体建设的实施意见》精神，推动优质医疗资源扩容
 *   下沉，结合我县实际，制定本方案。
 *       一、总体要求
 *
 * The rule acts only on a text laid out so: most of its long lines are as
 * wide as one another (the page's line width, `layoutOf`). Then a line as wide
 * as the page is joined with the next when the next carries on the paragraph:
 * it is not indented (in a text that indents its paragraphs), starts no
 * outline item (一、 （一） 1. 第X条 …), no 附件, date or 版记 line (抄送：…);
 * after sentence punctuation only in an indented text and when the next line
 * is running text itself, never across a page break (blank lines). Headings,
 * titles and signatures are shorter than the page and stay. Each join is one
 * edit taking out the break and the indent around it, nothing else, so the
 * joined text is the lines' characters run together. Runs before
 * normalize-whitespace, which removes the indents this rule reads.
 * `unsureWraps` lists the page-wide lines it left alone, for the review.
 */
import { type Edit, type Line, result, splitLines } from '../ledger.ts';
import type { Rule } from './types.ts';

const INDENT = /^[ \t\u00a0\u3000]+/u;
/**
 * The lines that start a unit of their own, whatever the line before: outline
 * numbers, 附件, the 版记, and a labelled line of a list (组长：…, 成员：…; a
 * cut word before a colon, 属机构：, has nothing after it).
 */
const STARTS_UNIT =
  /^(第[一二三四五六七八九十百零〇两]+[章节条]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,3}[.．、](?!\d)|（\d{1,3}）|附件|附表|(抄送|主送|报送|分送|印送)[：:]|[（(]此件|[（(]联系人|[\p{Script=Han}\u3000 ]{1,6}[：:].)/u;
/** A signature's date on its own line (a date that opens a sentence carries it on). */
const DATE_LINE =
  /^(\d{4}|[〇零一二三四五六七八九]{4})年[\d〇零一二三四五六七八九十]{1,2}月[\d〇零一二三四五六七八九十]{1,3}日$/u;
const SENTENCE_END = /[。！？；：]["”’」）)]?$/u;
/** Lines narrower than this say nothing of the page's width (headings, signatures). */
const MIN_MEASURED = 10;
/** A page-wide line may fall short of the width by a character or two (half-width digits, compressed punctuation). */
const SLACK = 2;
/** Page widths of printed documents (characters per line); a web page's paragraphs are longer. */
const MIN_WIDTH = 15;
const MAX_WIDTH = 45;

/** Printed width in full-width characters: ASCII (and its spaces) takes half, a tab two. */
export function printedWidth(s: string): number {
  let w = 0;
  for (const c of s) w += c === '\t' ? 2 : c.charCodeAt(0) < 0x7f ? 0.5 : 1;
  return w;
}

export interface Layout {
  /** The page's line width in full-width characters. */
  width: number;
  /** Whether paragraphs start with an indent (then an unindented line carries the paragraph on). */
  indented: boolean;
}

/**
 * The line width of a hard-wrapped text, or undefined for a text with one
 * paragraph per line: the width of the widest fifth of the measured lines,
 * when at least six and four in ten of them are within SLACK of it and hardly
 * any is wider (a list of short lines among long paragraphs is no page).
 */
export function layoutOf(lines: readonly string[]): Layout | undefined {
  const widths = lines
    .map((l) => printedWidth(l.trimEnd()))
    .filter((w) => w >= MIN_MEASURED)
    .sort((a, b) => a - b);
  if (widths.length < 6) return undefined;
  const width = widths[Math.floor(widths.length * 0.8)];
  if (width < MIN_WIDTH || width > MAX_WIDTH) return undefined;
  const full = widths.filter((w) => w >= width - SLACK && w <= width + SLACK).length;
  if (full < 6 || full < widths.length * 0.4) return undefined;
  // No line of a printed page runs past its width (but a spaced-out 版记 line); a web page's paragraphs do.
  if (widths.filter((w) => w > width + 2 * SLACK).length > widths.length * 0.1) return undefined;
  const indented = lines.filter((l) => INDENT.test(l) && l.trim() !== '').length >= 3;
  return { width, indented };
}

type Decision = 'join' | 'unsure' | 'keep';

function decide(a: Line, b: Line, blanks: number, layout: Layout): Decision {
  const at = a.text.trimEnd();
  const bt = b.text.trim();
  if (printedWidth(at) < layout.width - SLACK || bt === '') return 'keep';
  const ends = SENTENCE_END.test(at);
  if (STARTS_UNIT.test(bt) || DATE_LINE.test(bt) || (layout.indented && INDENT.test(b.text)))
    return ends ? 'keep' : 'unsure';
  if (blanks > 0) return ends ? 'keep' : blanks <= 4 ? 'join' : 'unsure';
  if (!ends) return 'join';
  // After a full stop only an indent shows that a paragraph goes on; the next line must read as running text.
  // Without indents nothing shows it: the line stays, and the review lists it.
  if (!layout.indented) return 'unsure';
  const running = /[，。、；：！？]/u.test(bt) || printedWidth(bt) >= layout.width - SLACK;
  return running ? 'join' : 'keep';
}

/** Each page-wide line with the next non-blank line and the blank lines between. */
function pairs(text: string): { a: Line; b: Line; blanks: number }[] {
  const lines = splitLines(text);
  const out: { a: Line; b: Line; blanks: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].text.trim() === '') continue;
    let j = i + 1;
    while (j < lines.length && lines[j].text.trim() === '') j++;
    if (j < lines.length) out.push({ a: lines[i], b: lines[j], blanks: j - i - 1 });
  }
  return out;
}

export interface Wrap {
  line: number;
  text: string;
  next: string;
}

/** Page-wide lines that end as if cut off but were not joined: the review lists them. */
export function unsureWraps(text: string): Wrap[] {
  const layout = layoutOf(text.split('\n'));
  if (!layout) return [];
  return pairs(text)
    .filter((p) => decide(p.a, p.b, p.blanks, layout) === 'unsure')
    .map((p) => ({ line: p.a.index, text: p.a.text.trim(), next: p.b.text.trim() }));
}

export const rejoinWrappedLines: Rule = {
  name: 'rejoin-wrapped-lines',
  label: '接回按印刷版面折行的行（PDF 复制的文字）',
  quotable: true,
  apply(text) {
    const layout = layoutOf(text.split('\n'));
    if (!layout) return result(text, []);
    const edits: Edit[] = [];
    for (const { a, b, blanks } of pairs(text)) {
      if (decide(a, b, blanks, layout) !== 'join') continue;
      const from = a.start + a.text.trimEnd().length;
      const to = b.start + (INDENT.exec(b.text)?.[0].length ?? 0);
      // Latin words wrapped at a space keep one; Chinese is written without.
      const latin = /[A-Za-z]$/u.test(a.text.trimEnd()) && /^[A-Za-z]/u.test(b.text.trim());
      edits.push({ rule: 'rejoin-wrapped-lines', at: from, from: text.slice(from, to), to: latin ? ' ' : '' });
    }
    return result(text, edits);
  },
};
