/**
 * The cleaning report of one document: what each rule removed or changed,
 * with counts, the repairs and the corrections. Rendered as the provenance
 * section of the document page. Spam is counted, never quoted.
 */
import type { CleanResult, TextMark } from './pipeline.ts';
import type { RepairCheck } from './repair-verify.ts';
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
  /** One per repaired place, numbered as marked in the text (〔修n〕). */
  repairs: {
    n: number;
    find: string;
    bytes: string;
    replace: string;
    reason: string;
    uncertain: boolean;
    check: RepairCheck;
    clause: string;
  }[];
  corrections: { n: number; find: string; replace: string; reason: string; clause: string }[];
  notes: { n: number; text: string; note: string; clause: string }[];
}

const chars = (s: string) => [...s].length;
const hex = (s: string) => [...new TextEncoder().encode(s)].map((b) => b.toString(16).padStart(2, '0')).join(' ');

export function buildReport(
  manifest: Manifest,
  res: CleanResult,
  clauseAt: (pos: number) => string = () => '',
): CleaningReport {
  const of = <K extends TextMark['kind']>(k: K) =>
    res.marks.filter((m): m is Extract<TextMark, { kind: K }> => m.kind === k).sort((a, b) => a.n - b.n);
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
        examples:
          rule.quotable &&
          !['traditional-to-simplified', 'normalize-punctuation', 'remove-pinyin', 'normalize-whitespace'].includes(
            s.rule,
          )
            ? s.edits.slice(0, 12).map((e) => ({ from: e.from.trim(), to: e.to }))
            : [],
      };
    });
  return {
    seed: manifest.seed,
    sourceChars: chars(res.source),
    cleanChars: chars(res.text),
    rules,
    repairs: of('repair').map((m) => ({
      n: m.n,
      find: m.original,
      bytes: hex(m.original),
      replace: m.text,
      reason: m.reason,
      uncertain: m.uncertain,
      check: m.check,
      clause: clauseAt(m.start),
    })),
    corrections: of('correction').map((m) => ({
      n: m.n,
      find: m.context.find,
      replace: m.context.replace,
      reason: m.reason,
      clause: clauseAt(m.start),
    })),
    notes: of('note').map((m) => ({ n: m.n, text: m.text, note: m.note, clause: clauseAt(m.start) })),
  };
}
