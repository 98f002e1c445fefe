import { describe, expect, it } from 'vitest';
import {
  type Edit,
  type StageRecord,
  applyEdits,
  dropLines,
  editMatches,
  replay,
  result,
  splitLines,
} from './ledger.ts';

const e = (at: number, from: string, to: string, rule = 'test'): Edit => ({ rule, at, from, to });

describe('applyEdits', () => {
  const input = '加强p公立医院主体地位,坚持医防融合';

  it('returns the input unchanged when there are no edits', () => {
    expect(applyEdits(input, [])).toBe(input);
  });

  it('applies removals, replacements and insertions at their offsets', () => {
    expect(applyEdits(input, [e(2, 'p', '')])).toBe('加强公立医院主体地位,坚持医防融合');
    expect(applyEdits(input, [e(11, ',', '，')])).toBe('加强p公立医院主体地位，坚持医防融合');
    expect(applyEdits(input, [e(0, '', '（一）')])).toBe('（一）加强p公立医院主体地位,坚持医防融合');
    expect(applyEdits(input, [e(input.length, '', '。')])).toBe(`${input}。`);
  });

  it('applies several edits whatever order they are recorded in', () => {
    const edits = [e(11, ',', '，'), e(2, 'p', ''), e(input.length, '', '。')];
    const want = '加强公立医院主体地位，坚持医防融合。';
    expect(applyEdits(input, edits)).toBe(want);
    expect(applyEdits(input, [...edits].reverse())).toBe(want);
  });

  it('does not mutate the edits it is given', () => {
    const edits = [e(11, ',', '，'), e(2, 'p', '')];
    const copy = structuredClone(edits);
    applyEdits(input, edits);
    expect(edits).toEqual(copy);
  });

  it('accepts edits that touch but do not overlap', () => {
    expect(applyEdits('abcdef', [e(0, 'abc', 'X'), e(3, 'def', 'Y')])).toBe('XY');
  });

  it('offsets count UTF-16 code units, as JavaScript strings do', () => {
    const s = '𠀀(wù)務';
    expect(applyEdits(s, [e(2, '(wù)', '')])).toBe('𠀀務');
  });

  it('throws on overlapping edits, naming the rule and offset', () => {
    expect(() => applyEdits('abcdef', [e(0, 'abc', 'X'), e(2, 'cd', 'Y', 'second')])).toThrow(
      /overlapping edits by rule "second" at offset 2/,
    );
    // Two edits at the same offset where the first removes text overlap too.
    expect(() => applyEdits('abcdef', [e(1, 'b', ''), e(1, 'b', 'B')])).toThrow(/overlapping/);
  });

  it('throws when an edit claims to remove text that is not there', () => {
    expect(() => applyEdits(input, [e(2, 'q', '')])).toThrow(
      /rule "test" claims to remove "q" at offset 2, but the text there differs/,
    );
    // Past the end of the text.
    expect(() => applyEdits('abc', [e(2, 'cd', '')])).toThrow(/differs/);
  });
});

describe('result, editMatches, dropLines', () => {
  it('result() builds the text from the edits', () => {
    const r = result('a,b', [e(1, ',', '，')]);
    expect(r).toEqual({ text: 'a，b', edits: [e(1, ',', '，')] });
  });

  it('editMatches records one edit per changed match and skips unchanged or null ones', () => {
    const r = editMatches('政務(wù)動態(tài)(DRG)', 'remove-pinyin', /\(([a-zà-ǜ]+)\)/gu, (m) =>
      m[1] === 'wù' ? '' : m[0],
    );
    expect(r.text).toBe('政務動態(tài)(DRG)');
    expect(r.edits).toEqual([{ rule: 'remove-pinyin', at: 2, from: '(wù)', to: '' }]);
    expect(editMatches('abc', 'x', /b/g, () => null).edits).toEqual([]);
  });

  it('editMatches refuses a non-global pattern', () => {
    expect(() => editMatches('abc', 'x', /b/, () => '')).toThrow(/must be global/);
  });

  it('splitLines gives each line its offset and index', () => {
    expect(splitLines('2025\n02/17\n\n18:43')).toEqual([
      { text: '2025', start: 0, index: 0 },
      { text: '02/17', start: 5, index: 1 },
      { text: '', start: 11, index: 2 },
      { text: '18:43', start: 12, index: 3 },
    ]);
  });

  it('dropLines removes whole lines with their newline, the last one without', () => {
    const text = '2025\n02/17\n正文第一段\n18:43';
    const r = dropLines(text, 'strip-publish-stamp', (l) => /^[\d/:]+$/u.test(l.text));
    expect(r.text).toBe('正文第一段\n');
    expect(r.edits.map((x) => x.from)).toEqual(['2025\n', '02/17\n', '18:43']);
    expect(applyEdits(text, r.edits)).toBe(r.text);
  });

  it('dropLines lets the predicate look at neighbouring lines', () => {
    const text = '来源:\n拉萨市人民政府办公室\n正文';
    const r = dropLines(text, 'x', (l, all) => l.text === '来源:' || all[l.index - 1]?.text === '来源:');
    expect(r.text).toBe('正文');
  });
});

describe('replay', () => {
  const source = '  政務(wù)公開,2025\n';
  const s1: StageRecord = {
    rule: 'remove-pinyin',
    input: source,
    output: '  政務公開,2025\n',
    edits: [e(4, '(wù)', '', 'remove-pinyin')],
  };
  const s2: StageRecord = {
    rule: 'normalize-punctuation',
    input: s1.output,
    output: '  政務公開，2025\n',
    edits: [e(6, ',', '，', 'normalize-punctuation')],
  };
  const s3: StageRecord = {
    rule: 'normalize-whitespace',
    input: s2.output,
    output: '政務公開，2025',
    edits: [e(0, '  ', '', 'normalize-whitespace'), e(11, '\n', '', 'normalize-whitespace')],
  };

  it('returns the clean text when every stage is its recorded edits', () => {
    expect(replay(source, [s1, s2, s3])).toBe('政務公開，2025');
  });

  it('returns the source when there are no stages', () => {
    expect(replay(source, [])).toBe(source);
  });

  it('throws when a stage changed text it did not record', () => {
    const sneaky = { ...s2, output: '  政務公開，2026\n' };
    expect(() => replay(source, [s1, sneaky])).toThrow(/stage "normalize-punctuation" changed text it did not record/);
  });

  it('throws when a stage did not start from the previous output', () => {
    const detached = { ...s3, input: '别的文本' };
    expect(() => replay(source, [s1, s2, detached])).toThrow(
      /stage "normalize-whitespace" did not start from the previous output/,
    );
  });

  it('throws when a stage records a removal of text that is not there', () => {
    const wrong = { ...s2, edits: [e(6, ';', '；', 'normalize-punctuation')] };
    expect(() => replay(source, [s1, wrong])).toThrow(/claims to remove ";" at offset 6/);
  });

  it('throws when a stage records overlapping edits', () => {
    const overlapping = { ...s3, edits: [e(0, '  政', '政'), e(1, ' 政', '政')] };
    expect(() => replay(source, [s1, s2, overlapping])).toThrow(/overlapping/);
  });
});
