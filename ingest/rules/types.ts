import type { RuleResult } from '../ledger.ts';
import type { Manifest } from '../manifest.ts';

export interface RuleContext {
  manifest: Manifest;
  /** Manifest file, for error messages. */
  manifestFile: string;
}

/** A cleaning rule: a pure function from text to text plus the edits it made. */
export interface Rule {
  /** Stable name, recorded in the ledger and shown in the report. */
  name: string;
  /** One line in Chinese for readers of the provenance report. */
  label: string;
  /** Whether the report may quote the removed text (false for spam). */
  quotable: boolean;
  apply(text: string, ctx: RuleContext): RuleResult;
}
