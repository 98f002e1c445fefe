/** A document's agencies for its search record: read as the agency pages read them, each with the clauses it leads or joins. */
import { expect, test } from 'vitest';
import type { ClauseRecord } from '../../schemas/clauses.ts';
import { documentAgencies } from './by-document.ts';
import { readAgency, type Region } from './normalize.ts';

// A county the agency table has never seen.
const GONGHE: Region = { province: '青海省', city: '海南藏族自治州', district: '共和县' };
const clause = (id: string, lead: string[], partners: string[] = []): ClauseRecord =>
  ({ id, kind: 'provision', depth: 1, cite: id, text: '', agencies: { lead, partners } }) as unknown as ClauseRecord;

test('each canonical agency once, ordered by id, with its clauses in document order; unreadable names left out', () => {
  const clauses = [
    clause('s1', ['县卫健局'], ['县医保局', '某某协调小组']),
    { id: 's1-p1', kind: 'para', depth: 2, cite: 's1-p1', text: '' } as unknown as ClauseRecord,
    clause('s2', ['县医保局', '县卫生健康局'], ['县卫健局']),
  ];
  const health = readAgency('县卫健局', GONGHE);
  const insurance = readAgency('县医保局', GONGHE);
  if (health.match === 'unresolved' || insurance.match === 'unresolved')
    throw new Error('the table reads neither name');
  expect(readAgency('某某协调小组', GONGHE).match).toBe('unresolved');
  const expected = [
    [health.id, health.name, 's1', 's2'],
    [insurance.id, insurance.name, 's1', 's2'],
  ].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  expect(documentAgencies(clauses, GONGHE)).toEqual(expected);
  expect(documentAgencies([], GONGHE)).toEqual([]);
});
