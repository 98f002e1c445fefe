/**
 * End to end: a scraped page nobody has seen (a 吉林 city plan from an
 * encyclopedia mirror, Traditional script with Taiwan wording, an infobox and
 * joint issuers) goes into a temporary copy of the project through `npm run
 * add`, and the whole site builds there: astro build, search index and the
 * link check. The built page then holds every sentence of the text, the
 * metadata the text gives, the Taiwan-word corrections as marked corrections,
 * and none of the page furniture. It takes minutes: it runs one real build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AddedLibrary, ROOT, buildLog, buildWithAdded, policyBody } from './added-library.ts';

const PAGE = join(ROOT, 'ingest/add/__fixtures__/jilin-jilinshi-yibao.txt');
const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
let lib: AddedLibrary;

beforeAll(() => {
  lib = buildWithAdded([PAGE]);
}, 1_500_000);
afterAll(() => lib?.remove());

describe('a page added with npm run add builds into the site', () => {
  it('npm run add exits 0 and the site builds and passes the link check', () => {
    expect(lib.adds[0].stderr, lib.adds[0].stdout).not.toMatch(/add failed/u);
    expect(lib.adds[0].status).toBe(0);
    expect(lib.build?.status, buildLog(lib.build)).toBe(0);
  });

  it('the built page holds every sentence of the text, the corrections marked, and no furniture', () => {
    const file = join(lib.dir, 'dist/policies/jilin-yibao-2023/index.html');
    expect(existsSync(file)).toBe(true);
    const html = readFileSync(file, 'utf8');
    const body = policyBody(html);
    const manifest = JSON.parse(readFileSync(join(lib.dir, 'ingest/manifests/jilin-yibao-2023.json'), 'utf8'));
    const lines = readFileSync(PAGE, 'utf8').split('\n');
    // From the notice title on, every line is the document's (the infobox and tabs come before it).
    const start = lines.findIndex((l) => l.includes('關於印發'));
    for (const line of lines.slice(start).filter((l) => l.trim())) {
      let want = t2s(line).replace(/\s+/gu, '');
      for (const c of manifest.corrections) want = want.split(c.find).join(c.replace);
      for (const s of want.split(/(?<=。)/u).filter(Boolean)) expect(body).toContain(s);
    }
    for (const f of [
      '基本介绍',
      '中文名',
      '颁布时间',
      '政策解读',
      '是吉林市医疗保障局、吉林市卫生健康委员会发布的文件',
    ])
      expect(body).not.toContain(f);
    expect(html).toContain('吉市医保联〔2023〕8号');
    expect(html).toContain('吉林市医疗保障局 吉林市卫生健康委员会');
    // Taiwan wording corrected and marked as a correction, with the original on demand.
    expect(body).toContain('优化门诊共济保障机制');
    expect(html).toMatch(
      /<span class="correction"><ins>优<\/ins><a class="correction-mark"[^>]*>〔校\d+〕<\/a><span class="original"[^>]*>原文作“最佳化”<\/span><\/span>化门诊共济/u,
    );
  });
});
