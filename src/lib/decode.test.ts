/** Malformed escapes in URLs anyone can write never throw. */
import { describe, expect, test } from 'vitest';
import { fragmentId, safeDecode } from './decode.ts';

describe('safeDecode and fragmentId', () => {
  test.each(['%', '%E4', 's3-1%', '%zz', '%E4%B8'])('%j: null / taken as written, no throw', (raw) => {
    expect(safeDecode(raw)).toBeNull();
    expect(fragmentId(`#${raw}`)).toBe(raw);
  });
  test('well-formed escapes decode', () => {
    expect(fragmentId('#s3-4-15')).toBe('s3-4-15');
    expect(fragmentId('#%E4%B8%80')).toBe('一');
    expect(fragmentId('')).toBe('');
    expect(safeDecode('/a%20b')).toBe('/a b');
  });
});
