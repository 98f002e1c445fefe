/**
 * The review printed after `npm run add`: every field read from the text with
 * the line it came from, the fields the text does not give, what each rule
 * removed, and the lines the tool is unsure of. Plain text, for a terminal or
 * a CI log.
 */
import { relative } from 'node:path';
import { RULES } from '../pipeline.ts';
import { meaningfulSpaces } from '../rules/normalize-whitespace.ts';
import { unsureBreaks } from '../rules/rejoin-broken-lines.ts';
import { unsureWraps } from '../rules/rejoin-wrapped-lines.ts';
import type { AddResult } from './add.ts';

const FIELD_HELP: Record<string, string> = {
  title: '标题（meta.title；原文缺失时由编者补写并设 titleSupplied）',
  issuer: '发文机关（meta.issuer）',
  docNumber: '发文字号（meta.docNumber）',
  date: '成文日期（meta.date）',
  region: '地区（meta.region.province / city / district）',
  kind: '文种（meta.kind）',
};
const short = (s: string, n = 50) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function formatReview(r: AddResult, root: string): string {
  const out: string[] = [];
  out.push(`已收录：/policies/${r.slug}/`);
  out.push(`  原始文本 seeds/${r.seed}（逐字节复制）`);
  out.push(`  清单     ${relative(root, r.manifestFile)}`);
  out.push(
    `  文字     ${r.script.script === 'traditional' ? `繁体（自动识别：${r.script.changed}/${r.script.han} 个汉字可转简体），已转回简体` : '简体'}`,
  );
  out.push('', '从文本读出的字段（字段 ← 出处）：');
  for (const f of r.draft.found) out.push(`  ${f.field} = ${short(f.value, 70)}\n      ← ${f.from}`);
  out.push('', '文本未给出、保持为空的字段：');
  if (r.draft.missing.length) for (const m of r.draft.missing) out.push(`  ${FIELD_HELP[m] ?? m}`);
  else out.push('  （无）');
  out.push('  简称 shortTitle、摘要 summary 由编者撰写（未写时以全称标示）。');

  out.push('', '各规则删除或改动的内容：');
  for (const s of r.clean.stages) {
    if (!s.edits.length) continue;
    const rule = RULES.find((x) => x.name === s.rule)!;
    out.push(`  ${s.rule}（${rule.label}）：${s.edits.length} 处`);
    if (!rule.quotable) continue;
    // A join takes out only a line break: shown by the words either side of it.
    const joins = s.rule.startsWith('rejoin-');
    const shown = s.edits.filter((e) => joins || e.from.trim() !== '' || e.to !== '').slice(0, 8);
    for (const e of shown) {
      if (joins)
        out.push(
          `      …${s.input.slice(Math.max(0, e.at - 8), e.at).trimStart()}⏎${s.input.slice(e.at + e.from.length, e.at + e.from.length + 8).trimEnd()}…`,
        );
      else
        out.push(
          `      ${JSON.stringify(short(e.from.replace(/\n$/u, ''), 40))}${e.to ? ` → ${JSON.stringify(short(e.to, 40))}` : ''}`,
        );
    }
    if (s.edits.length > shown.length) out.push(`      …共 ${s.edits.length} 处`);
  }
  const corr =
    (r.manifest.corrections as { find: string; replace: string; count: number; reason: string }[] | undefined) ?? [];
  if (corr.length) {
    out.push('', '起草为编者校正（页面上标为校正，可看原文）：');
    for (const c of corr) out.push(`  ${c.find} → ${c.replace}（${c.count} 处）：${c.reason}`);
  }

  const unsure = [...r.draft.unsure];
  // Printed lines (PDF text) the rejoin rule left: named by their line in the page as saved.
  const wrapStage = r.clean.stages.find((s) => s.rule === 'rejoin-wrapped-lines');
  const sourceLines = r.clean.source.split('\n');
  for (const w of wrapStage ? unsureWraps(wrapStage.input) : []) {
    const at = sourceLines.findIndex((l) => l.trim() === w.text);
    unsure.push(
      `${at === -1 ? '' : `原文第${at + 1}行`}写满整行，未与下一行接合（下一行另起一段或以句号结束）：${short(w.text, 30)} ⏎ ${short(w.next, 20)}`,
    );
  }
  for (const b of unsureBreaks(r.clean.text))
    unsure.push(`第${b.line + 1}行像是在句中断开，未接回：${short(b.text, 30)} ⏎ ${short(b.next, 20)}`);
  for (const s of meaningfulSpaces(r.clean.text))
    unsure.push(
      `第${s.line + 1}行保留了${/^\d/u.test(s.around.split(' ')[1] ?? '') ? '版记印发机关与日期' : '机关名称'}之间的空格：${s.around}`,
    );
  const spacesRemoved =
    r.clean.stages
      .find((s) => s.rule === 'normalize-whitespace')
      ?.edits.filter((e) => /^[ \u3000]+$/u.test(e.from) && e.to === '').length ?? 0;
  if (spacesRemoved) unsure.push(`删除了 ${spacesRemoved} 处中文之间或行首行尾的空白（如抓取时插入词中的空格）。`);
  out.push('', '需要核对的地方：');
  out.push(...(unsure.length ? unsure.map((u) => `  ${u}`) : ['  （无）']));

  out.push(
    '',
    '下一步（可选，不影响发布）：写 summary 和 shortTitle；在 src/content/topic-map.json 标专题；在 agency-names.json、glossary 中补充名称。',
  );
  out.push('整理是帮助而非门槛：未标专题、未收录机关名称的文件照样构建发布（README“Adding a policy document”）。');
  return out.join('\n');
}
