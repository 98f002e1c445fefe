/**
 * axe-core in a browser test: the violations on the page as it is, one line
 * each (rule: help — the first three targets). The page must be opened with
 * `bypassCSP: true`: axe is injected as an inline script, which the pages'
 * Content-Security-Policy refuses.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}

export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: source });
  return page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResult> } };
    const res = await axe.run(document, { resultTypes: ['violations'] });
    return res.violations.map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
  });
}
