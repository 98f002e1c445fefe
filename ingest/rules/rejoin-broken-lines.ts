/**
 * A paragraph that the page broke in the middle of a sentence:
 *
 *   各县（市、区）要加强组织领导，建立健全工作
 *   机制，确保各项任务落实到位。
 *
 * The break goes when the first line is running text cut off (it ends in a
 * character or a comma, holds a comma or 、 itself, and is no numbered
 * heading) and the second line carries the sentence on to its end (it is not
 * numbered, no date or signature, and ends in sentence punctuation). Headings,
 * titles split over two lines and signatures do not meet these conditions and
 * stay; `unsureBreaks` lists lines that look cut off but were left alone.
 * Runs on the text after whitespace normalisation (one paragraph per line).
 */
import { type Edit, result, splitLines } from '../ledger.ts';
import type { Rule } from './types.ts';

const NUMBERED =
  /^(第[一二三四五六七八九十百零〇两]+[章节条部分]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,3}[.．、]|（\d{1,3}）|附件|附表)/u;
const DATE_LINE =
  /^(\d{4}|[〇零一二三四五六七八九十]{4})年[\d〇零一二三四五六七八九十]{1,2}月([\d〇零一二三四五六七八九十]{1,3}日)?$/u;
/** The first line stops where no sentence stops. */
const CUT_END = /[\p{Script=Han}，、]$/u;
const RUNNING = /[，、]/u;
const SENTENCE_END = /[。；！？]["”’」）)]?$/u;
const MIN_CUT = 16;

export interface Break {
  line: number;
  text: string;
  next: string;
}

function decide(a: string, b: string | undefined): 'join' | 'unsure' | 'keep' {
  if (b === undefined || !CUT_END.test(a) || [...a].length < MIN_CUT) return 'keep';
  const looksCut = RUNNING.test(a) && !NUMBERED.test(a);
  const continues =
    /^[\p{Script=Han}“《（、，]/u.test(b) && !NUMBERED.test(b) && !DATE_LINE.test(b) && SENTENCE_END.test(b);
  if (looksCut && continues) return 'join';
  if (a.endsWith('，') || a.endsWith('、') || (RUNNING.test(a) && continues)) return 'unsure';
  return 'keep';
}

/** Lines that end as if cut off but were not joined: the review shows them. */
export function unsureBreaks(text: string): Break[] {
  const lines = text.split('\n');
  return lines.flatMap((a, i) =>
    decide(a, lines[i + 1]) === 'unsure' ? [{ line: i, text: a, next: lines[i + 1] }] : [],
  );
}

export const rejoinBrokenLines: Rule = {
  name: 'rejoin-broken-lines',
  label: '接回在句子中间断开的行',
  quotable: true,
  apply(text) {
    const lines = splitLines(text);
    const edits: Edit[] = [];
    for (let i = 0; i + 1 < lines.length; i++) {
      if (decide(lines[i].text, lines[i + 1].text) !== 'join') continue;
      edits.push({ rule: 'rejoin-broken-lines', at: lines[i].start + lines[i].text.length, from: '\n', to: '' });
    }
    return result(text, edits);
  },
};
