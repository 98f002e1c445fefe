/**
 * End to end: a 青海 county 医共体 plan under a 信息公开 table, whose tasks name
 * county agencies (县卫生健康局, 县委编办) that agency-names.json does not list,
 * added with `npm run add` into a temporary copy of the project and built
 * there. Curation is help, not a gate: the build and link check must pass
 * without editors adding agency names, topics or targets for it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AddedLibrary, ROOT, buildLog, buildWithAdded, policyBody } from './added-library.ts';

const PAGE = join(ROOT, 'ingest/add/__fixtures__/qinghai-gonghe-yigongti.txt');
let lib: AddedLibrary;

beforeAll(() => {
  lib = buildWithAdded([PAGE]);
}, 1_500_000);
afterAll(() => lib?.remove());

describe('an uncurated county document builds and publishes', () => {
  it('npm run add exits 0 and the site builds and passes the link check', () => {
    expect(lib.adds[0].status, lib.adds[0].stderr).toBe(0);
    expect(lib.build?.status, buildLog(lib.build)).toBe(0);
  });

  it('the page has the text with the 1、 and 1． provisions anchored and no table or widgets', () => {
    const file = join(lib.dir, 'dist/policies/gonghe-yigongti-2024/index.html');
    expect(existsSync(file)).toBe(true);
    const html = readFileSync(file, 'utf8');
    const body = policyBody(html);
    expect(html).toMatch(/id="s2-0-1"[^>]*>1、组建县域医共体。/u);
    expect(html).toMatch(/id="s3-0-1"[^>]*>1．加强组织领导。/u);
    expect(body).toContain('以县域医疗卫生共同体建设为抓手');
    expect(body).toContain('坚持党的全面领导');
    for (const f of ['索引号', '发布机构', '体裁分类', '【打印本页】', '分享到']) expect(body).not.toContain(f);
    expect(html).toContain('共政办〔2024〕12号');
  });
});
