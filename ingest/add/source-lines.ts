/**
 * Which line of the raw page a line of the clean text came from, read back
 * through the ledger: each stage's edits map an offset in its output to one
 * in its input, so the review can say "原文第12行" for every field it read.
 */
import type { StageRecord } from '../ledger.ts';

/** The offset in the source that `offset` in the last stage's output comes from. */
export function sourceOffset(stages: readonly StageRecord[], offset: number): number {
  let o = offset;
  for (let k = stages.length - 1; k >= 0; k--) {
    const edits = [...stages[k].edits].sort((a, b) => a.at - b.at);
    let delta = 0;
    let input: number | undefined;
    for (const e of edits) {
      const outStart = e.at + delta;
      if (o < outStart) break;
      if (o < outStart + e.to.length) {
        input = e.at;
        break;
      }
      delta += e.to.length - e.from.length;
    }
    o = input ?? o - delta;
  }
  return o;
}

/** For each clean line (0-based), the 0-based line of the source it starts on. */
export function sourceLines(source: string, clean: string, stages: readonly StageRecord[]): number[] {
  const out: number[] = [];
  let start = 0;
  for (const line of clean.split('\n')) {
    const at = sourceOffset(stages, start);
    out.push(source.slice(0, at).split('\n').length - 1);
    start += line.length + 1;
  }
  return out;
}
