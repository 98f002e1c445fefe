/**
 * The cleaning report of one document: what each rule removed or changed,
 * with counts, the repairs and the corrections. Rendered as the provenance
 * section of the document page. Spam is counted, never quoted.
 */
import type { CleanResult } from './pipeline.ts';
import type { Manifest } from './manifest.ts';
import { RULES } from './pipeline.ts';

export interface RuleSummary {
  rule: string;
  label: string;
  edits: number;
  removedChars: number;
  addedChars: number;
  /** Up to 12 of the rule's changes, only for rules whose removed text may be quoted. */
  examples: { from: string; to: string }[];
}

export interface CleaningReport {
  seed: string;
  sourceChars: number;
  cleanChars: number;
  rules: RuleSummary[];
  repairs: { find: string; bytes: string; replace: string; reason: string; count: number }[];
  corrections: { n: number; find: string; replace: string; reason: string }[];
}

const chars = (s: string) => [...s].length;
const hex = (s: string) => [...new TextEncoder().encode(s)].map((b) => b.toString(16).padStart(2, '0')).join(' ');

export function buildReport(manifest: Manifest, res: CleanResult): CleaningReport {
  const rules = res.stages
    .filter((s) => s.edits.length > 0)
    .map((s) => {
      const rule = RULES.find((r) => r.name === s.rule)!;
      return {
        rule: s.rule,
        label: rule.label,
        edits: s.edits.length,
        removedChars: s.edits.reduce((n, e) => n + chars(e.from), 0),
        addedChars: s.edits.reduce((n, e) => n + chars(e.to), 0),
        examples: rule.quotable && !['traditional-to-simplified', 'normalize-punctuation', 'remove-pinyin', 'normalize-whitespace'].includes(s.rule)
          ? s.edits.slice(0, 12).map((e) => ({ from: e.from.trim(), to: e.to }))
          : [],
      };
    });
  return {
    seed: manifest.seed,
    sourceChars: chars(res.source),
    cleanChars: chars(res.text),
    rules,
    repairs: manifest.repairs.map((r) => ({ find: r.find, bytes: hex(r.find), replace: r.replace, reason: r.reason, count: r.count })),
    corrections: res.marks.map((m) => ({ n: m.n, find: m.context.find, replace: m.context.replace, reason: m.reason })),
  };
}
