import { describe, expect, test } from 'vitest';
import { agencyReview, agencyReviewOf } from './review.ts';
import { readFileSync } from 'node:fs';
import { loadAgencyNames, placeCode, readAgency, type Region } from './normalize.ts';
import { readFrontmatter } from '../data/frontmatter.ts';
import { loadTopicData } from '../topics/load.ts';

const table = loadAgencyNames();

describe('agencyReviewOf', () => {
  test('lists per document the names not read and those read only by pattern, with their clauses; exact names are left out', () => {
    const review = agencyReviewOf(
      [
        {
          slug: 'gonghe-yigongti',
          region: { province: '青海省', city: '海南藏族自治州', district: '共和县' },
          clauses: [
            { id: 's2-1', agencies: { lead: ['县卫健局'], partners: ['县医保局', '各乡镇人民政府'] } },
            { id: 's2-2', agencies: { lead: ['州卫健委'], partners: ['县卫健局', '县乡村振兴局'] } },
            { id: 's2-3' },
            { id: 's2-4', agencies: { lead: ['县卫健局'], partners: ['各地级以上市政府'] } },
          ],
        },
        { slug: 'no-agencies', region: { province: '河南省', city: '洛阳市' }, clauses: [{ id: 's1' }] },
        // 大同 is a curated region (under `places`): its pattern readings are not repeated; 山西省 is not listed.
        {
          slug: 'datong-x',
          region: { province: '山西省', city: '大同市' },
          clauses: [{ id: 's1', agencies: { lead: ['市卫健委'], partners: ['省卫健委'] } }],
        },
      ],
      table,
    );
    expect(review.map((d) => d.slug)).toEqual(['gonghe-yigongti', 'datong-x']);
    expect(review[1].names).toEqual([
      {
        asWritten: '省卫健委',
        match: 'pattern',
        id: `${placeCode('山西省', table)}-weijian`,
        name: '山西省卫生健康委员会',
        reading: '省 → 山西省；卫健委 → 卫生健康委员会',
        clauses: ['s1'],
      },
    ]);
    const names = review[0].names;
    // Unresolved first, then the pattern readings, each name once with every clause naming it.
    expect(names.map((n) => [n.asWritten, n.match, n.clauses])).toEqual([
      ['各乡镇人民政府', 'unresolved', ['s2-1']],
      ['县乡村振兴局', 'unresolved', ['s2-2']],
      ['县卫健局', 'pattern', ['s2-1', 's2-2', 's2-4']],
      ['县医保局', 'pattern', ['s2-1']],
      ['州卫健委', 'pattern', ['s2-2']],
    ]);
    expect(names.find((n) => n.asWritten === '州卫健委')).toMatchObject({
      name: '海南藏族自治州卫生健康委员会',
      reading: '州 → 海南藏族自治州；卫健委 → 卫生健康委员会',
    });
    expect(names.find((n) => n.asWritten === '县乡村振兴局')!.reason).toContain('forms');
  });
});

describe('agencyReview on the library', () => {
  test('every agency name of every clause is in the exact list, read for a listed place, or in the review with that clause', () => {
    const review = new Map(agencyReview().map((d) => [d.slug, d]));
    const regionOf = (slug: string) =>
      (readFrontmatter(readFileSync(`src/content/policies/${slug}.mdx`, 'utf8'), slug) as { region: Region }).region;
    const { clauses } = loadTopicData();
    for (const [slug, list] of clauses) {
      for (const c of list.values()) {
        const a = c.agencies;
        for (const raw of [...(a?.lead ?? []), ...(a?.partners ?? [])]) {
          const listed = review.get(slug)?.names.find((n) => n.asWritten === raw);
          const region = review.get(slug)?.region;
          if (listed) {
            expect(listed.clauses, `${slug}#${c.id} ${raw}`).toContain(c.id);
            expect(readAgency(raw, region!, table).match).toBe(listed.match);
          } else {
            const a = readAgency(raw, regionOf(slug), table);
            expect(a.match === 'exact' || (a.match === 'pattern' && a.placeListed), `${slug}#${c.id} ${raw}`).toBe(
              true,
            );
          }
        }
      }
    }
  });
});
