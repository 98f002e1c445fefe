/** A library of `n` small valid documents in a temporary folder, for tests of whole runs (scale, workers). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IngestPaths } from '../run.ts';
import { minimalManifest } from './minimal-manifest.ts';

export function smallLibrary(
  n: number,
  root = mkdtempSync(join(tmpdir(), 'ingest-library-')),
): IngestPaths & { root: string } {
  const paths = {
    root,
    seedsDir: join(root, 'seeds'),
    manifestsDir: join(root, 'manifests'),
    outDir: join(root, 'content', 'policies'),
    reportsDir: join(root, 'content', 'reports'),
    clausesDir: join(root, 'content', 'clauses'),
  };
  mkdirSync(paths.seedsDir, { recursive: true });
  mkdirSync(paths.manifestsDir, { recursive: true });
  for (let k = 1; k <= n; k++) {
    const slug = `doc-${String(k).padStart(3, '0')}`;
    const title = `某市关于推进医疗卫生改革的实施方案（第${k}号）`;
    writeFileSync(
      join(paths.seedsDir, `${slug}.txt`),
      `${title}\n一、总体要求\n为深化医药卫生体制改革，制定本方案。\n二、重点任务\n（一）推进分级诊疗。\n1.完善家庭医生签约服务。\n`,
    );
    const summary = `用于规模测试的第${k}号文件，由同一组条款写成，检验入库工作随文件数线性增长。`;
    writeFileSync(
      join(paths.manifestsDir, `${slug}.json`),
      JSON.stringify({ ...minimalManifest(title, summary), seed: `${slug}.txt`, slug, headLines: 1 }),
    );
  }
  return paths;
}
