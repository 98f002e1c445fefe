/**
 * The ledger: every change a cleaning rule makes to the text is an `Edit`.
 *
 * Rules never return a new string on their own: they return the edits, and the
 * pipeline applies them with `applyEdits`. So the record of what changed and the
 * change itself cannot drift apart, and `replay` can prove that a document's
 * clean text is exactly the source with the recorded edits applied.
 */

export interface Edit {
  /** Name of the rule that made the change (a file in ingest/rules/). */
  rule: string;
  /** Offset in the rule's input text where the removed/replaced text starts. */
  at: number;
  /** Text taken out ('' for a pure insertion). */
  from: string;
  /** Text put in its place ('' for a pure removal). */
  to: string;
  /** Why, for rules driven by the manifest (repairs, corrections, furniture). */
  reason?: string;
  /** Index of the manifest entry (repair, correction …) that asked for the edit. */
  ref?: number;
}

export interface RuleResult {
  text: string;
  edits: Edit[];
}

/** Applies non-overlapping edits (offsets into `input`) and returns the new text. */
export function applyEdits(input: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.at - b.at);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.at < pos) {
      throw new Error(`ledger: overlapping edits by rule "${e.rule}" at offset ${e.at}`);
    }
    if (input.slice(e.at, e.at + e.from.length) !== e.from) {
      throw new Error(
        `ledger: rule "${e.rule}" claims to remove ${JSON.stringify(e.from)} at offset ${e.at}, but the text there differs`,
      );
    }
    out += input.slice(pos, e.at) + e.to;
    pos = e.at + e.from.length;
  }
  return out + input.slice(pos);
}

/** Builds a RuleResult from edits, so every rule's output is its recorded edits applied. */
export function result(input: string, edits: Edit[]): RuleResult {
  return { text: applyEdits(input, edits), edits };
}

/**
 * Records one edit for every match of `pattern` (must be global).
 * `replace` returns the replacement text, or `null` to leave that match alone.
 */
export function editMatches(
  input: string,
  rule: string,
  pattern: RegExp,
  replace: (match: RegExpMatchArray) => string | null,
): RuleResult {
  if (!pattern.global) throw new Error(`editMatches(${rule}): pattern must be global`);
  const edits: Edit[] = [];
  for (const m of input.matchAll(pattern)) {
    const to = replace(m);
    if (to === null || to === m[0]) continue;
    edits.push({ rule, at: m.index ?? 0, from: m[0], to });
  }
  return result(input, edits);
}

export interface Line {
  /** The line's text, without its newline. */
  text: string;
  /** Offset of the line's first character in the whole text. */
  start: number;
  /** Zero-based line index. */
  index: number;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  text.split('\n').forEach((t, index) => {
    lines.push({ text: t, start, index });
    start += t.length + 1;
  });
  return lines;
}

/**
 * Removes whole lines (with their newline) for which `drop` returns true.
 * `drop` sees all lines, so a rule can look at a line's neighbours.
 */
export function dropLines(input: string, rule: string, drop: (line: Line, lines: Line[]) => boolean): RuleResult {
  const lines = splitLines(input);
  const edits: Edit[] = [];
  for (const line of lines) {
    if (!drop(line, lines)) continue;
    const hasNewline = line.start + line.text.length < input.length;
    edits.push({ rule, at: line.start, from: line.text + (hasNewline ? '\n' : ''), to: '' });
  }
  return result(input, edits);
}

/** One stage's record: what it got, what it made, and the edits between. */
export interface StageRecord {
  rule: string;
  input: string;
  output: string;
  edits: Edit[];
}

/**
 * Replays the stages from the source: true when each stage's output is exactly
 * its input with its edits applied and each stage starts where the last ended.
 */
export function replay(source: string, stages: readonly StageRecord[]): string {
  let text = source;
  for (const s of stages) {
    if (s.input !== text) throw new Error(`ledger: stage "${s.rule}" did not start from the previous output`);
    text = applyEdits(text, s.edits);
    if (text !== s.output) throw new Error(`ledger: stage "${s.rule}" changed text it did not record`);
  }
  return text;
}
