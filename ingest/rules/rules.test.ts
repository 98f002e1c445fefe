/**
 * Fixture tests for the cleaning rules, in the style of the unified plugins:
 * each folder in __fixtures__/ is named after a rule (optionally `<rule>--<case>`
 * for a second scenario) and holds
 *
 *   raw.txt        the rule's input: excerpts of the real seeds, plus lines the
 *                  rule must leave alone
 *   clean.txt      the expected output of that one rule
 *   manifest.json  optional: the manifest fields the rule reads (repairs,
 *                  furniture, corrections, script), merged into a minimal
 *                  valid manifest
 *
 * Each test also checks the ledger: the rule's output is exactly its input
 * with its recorded edits applied.
 *
 * To (re)write clean.txt from the current rules, run `UPDATE=1 npx vitest run
 * ingest/rules` and review every changed clean.txt by eye before committing it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../ledger.ts';
import { manifestSchema } from '../manifest.ts';
import { RULES } from '../pipeline.ts';
import type { Rule, RuleContext } from './types.ts';
import { minimalManifest } from '../test-support/minimal-manifest.ts';

const FIXTURES = join(import.meta.dirname, '__fixtures__');
const UPDATE = process.env.UPDATE === '1';

/** The smallest manifest the schema accepts; fixtures add the fields their rule reads. */
const BASE_MANIFEST = minimalManifest('规则测试用文件', '仅供清洗规则的夹具测试使用的最小清单，不对应任何真实文件。');

const rulesByName = new Map<string, Rule>(RULES.map((r) => [r.name, r]));

function contextFor(dir: string): RuleContext {
  const partialFile = join(dir, 'manifest.json');
  const partial = existsSync(partialFile) ? JSON.parse(readFileSync(partialFile, 'utf8')) : {};
  return { manifest: manifestSchema.parse({ ...BASE_MANIFEST, ...partial }), manifestFile: partialFile };
}

const folders = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('rule fixtures', () => {
  it('every rule of the pipeline has a fixture, and every fixture names a rule', () => {
    const ruleOf = (folder: string) => folder.split('--')[0];
    expect(folders.map(ruleOf).filter((r) => !rulesByName.has(r))).toEqual([]);
    expect(RULES.map((r) => r.name).filter((r) => !folders.map(ruleOf).includes(r))).toEqual([]);
  });

  for (const folder of folders) {
    it(folder, () => {
      const dir = join(FIXTURES, folder);
      const rule = rulesByName.get(folder.split('--')[0]);
      if (!rule) throw new Error(`fixture folder ${folder} names no rule of the pipeline`);
      const raw = readFileSync(join(dir, 'raw.txt'), 'utf8');
      const ctx = contextFor(dir);

      const res = rule.apply(raw, ctx);

      // Ledger consistency: the output is the input with the recorded edits applied,
      // and every edit is signed by the rule that made it.
      expect(applyEdits(raw, res.edits)).toBe(res.text);
      for (const e of res.edits) expect(e.rule).toBe(rule.name);
      // Pure: the same input gives the same result.
      expect(rule.apply(raw, ctx)).toEqual(res);

      const cleanFile = join(dir, 'clean.txt');
      if (UPDATE) {
        writeFileSync(cleanFile, res.text);
        return;
      }
      if (!existsSync(cleanFile)) {
        throw new Error(`${cleanFile} is missing: run UPDATE=1 npx vitest run ingest/rules, then review it by eye`);
      }
      expect(res.text).toBe(readFileSync(cleanFile, 'utf8'));
    });
  }
});

describe('edge inputs', () => {
  const ctx: RuleContext = { manifest: manifestSchema.parse(BASE_MANIFEST), manifestFile: 'fixture.json' };
  const EDGE = [
    '',
    '\n',
    '\n\n',
    '  \n\u3000\u3000\n\t',
    '\u00a0',
    '正文',
    '正文\n',
    '\n正文',
    '\r\n',
    '\uFEFF',
    '(',
    ')',
    '（',
  ];

  for (const rule of RULES) {
    it(`${rule.name} keeps its ledger on empty, blank and one-word texts`, () => {
      for (const s of EDGE) {
        const res = rule.apply(s, ctx);
        expect(applyEdits(s, res.edits), JSON.stringify(s)).toBe(res.text);
      }
    });
  }

  it('normalize-whitespace empties a text of nothing but whitespace', () => {
    const rule = rulesByName.get('normalize-whitespace')!;
    expect(rule.apply('  \n\u3000\u3000\n\t', ctx)).toEqual({
      text: '',
      edits: [{ rule: 'normalize-whitespace', at: 0, from: '  \n\u3000\u3000\n\t', to: '' }],
    });
    expect(rule.apply('', ctx)).toEqual({ text: '', edits: [] });
  });
});
