/**
 * A deterministic synthetic corpus for scale runs. Each document is built
 * from real provisions of the five seeds (their agencies, glossary terms and
 * references to other documents come along), arranged in a fresh outline, wrapped in typical page
 * furniture, and given a manifest — so ingest and the site do the same work
 * per document as for the real texts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT } from '../../src/lib/data/paths.ts';
import { readAllClauseData } from '../../src/lib/data/clauses.ts';

/** mulberry32: small, fast, deterministic. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const REGIONS = [
  { province: '山西省', city: '朔州市' },
  { province: '河北省', city: '保定市' },
  { province: '广东省', city: '韶关市' },
  { province: '浙江省', city: '湖州市' },
  { province: '四川省', city: '绵阳市' },
  { province: '甘肃省', city: '天水市' },
  { province: '北京市', district: '顺义区' },
  { province: '西藏自治区', city: '日喀则市' },
];
const SECTIONS = ['总体要求', '重点任务', '运行机制', '保障措施', '组织实施'];

/** `poolDir`: the clause files provisions are drawn from (the real documents'); the same pool, seed and count give the same documents. */
export function generate(root: string, count: number, seed = 20261123, poolDir = CONTENT.clauses): string[] {
  const pool: string[] = [];
  for (const [slug, clauses] of readAllClauseData(poolDir)) {
    if (slug.startsWith('synth-')) continue;
    for (const c of clauses) {
      if (c.kind !== 'provision' || c.depth !== 3) continue;
      // The item's text without its own number: the generator numbers items afresh.
      pool.push(c.text.split('\n')[0].replace(/^\d+\./, ''));
    }
  }
  const rand = rng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)];
  mkdirSync(join(root, 'seeds'), { recursive: true });
  mkdirSync(join(root, 'ingest', 'manifests'), { recursive: true });
  const slugs: string[] = [];
  for (let k = 1; k <= count; k++) {
    const region = pick(REGIONS);
    const place = region.district ?? region.city ?? region.province;
    const year = 2019 + Math.floor(rand() * 7);
    const lines: string[] = [
      '【字体：大中小】【打印】【关闭】',
      '浏览量：次',
      `${place}关于推进公立医院高质量发展的实施方案（合成样本${k}）`,
    ];
    lines.push(
      `为贯彻落实《国务院办公厅关于推动公立医院高质量发展的意见》（国办发〔2021〕18号），结合${place}实际，制定本方案。`,
    );
    let item = 0;
    const nSections = 3 + Math.floor(rand() * 3);
    for (let s = 0; s < nSections; s++) {
      lines.push(`${CN[s]}、${SECTIONS[s % SECTIONS.length]}`);
      const nSub = 1 + Math.floor(rand() * 3);
      for (let u = 0; u < nSub; u++) {
        lines.push(`（${CN[u]}）${pick(['深化体制机制改革', '提升服务能力', '加强队伍建设', '强化保障支撑'])}`);
        const nItems = 2 + Math.floor(rand() * 4);
        for (let i = 0; i < nItems; i++) lines.push(`${++item}.${pick(pool)}`);
      }
    }
    lines.push('扫一扫在手机打开当前页', '责任编辑：某某');
    const slug = `synth-${String(k).padStart(4, '0')}`;
    const seedFile = `${slug}.txt`;
    writeFileSync(join(root, 'seeds', seedFile), lines.join('\n') + '\n');
    const manifest = {
      seed: seedFile,
      slug,
      meta: {
        title: `${place}关于推进公立医院高质量发展的实施方案（合成样本${k}）`,
        shortTitle: `合成样本${k}`,
        year,
        region,
        kind: '实施方案',
        status: '正式',
        source: { site: '合成语料（性能测试用）', note: '由真实条款随机组合生成，仅用于规模测试。' },
        summary: `用于规模测试的合成文件，由五份真实文件的条款随机组合而成，共${item}项任务。`,
        editorialNotes: [],
      },
      furniture: [],
      headLines: 1,
    };
    writeFileSync(join(root, 'ingest', 'manifests', `${slug}.json`), JSON.stringify(manifest, null, 2));
    slugs.push(slug);
  }
  return slugs;
}
