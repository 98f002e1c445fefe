import { describe, expect, it } from 'vitest';
import { publicNote } from './targets.ts';

describe('publicNote', () => {
  it('drops how editors read the number, keeps what the text says', () => {
    expect(publicNote('力争；区间1-2所，number取下限')).toBe('力争');
    expect(publicNote('区间2-3所，number取下限')).toBeUndefined();
    expect(publicNote('本段未写年份；附件2方案期为2019-2022年，按2022年计')).toBeUndefined();
    expect(publicNote('医共体所在县域')).toBe('医共体所在县域');
    expect(publicNote(undefined)).toBeUndefined();
  });
});
