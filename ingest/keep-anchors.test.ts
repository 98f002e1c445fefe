/** Ingest never drops an anchor the committed clause data has: it must stay an id or become an alias. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepAnchors } from './run.ts';
import { IngestError } from './errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'keep-anchors-'));
const previous = join(dir, 'doc.json');
writeFileSync(
  previous,
  JSON.stringify([
    { id: 's4', kind: 'provision', cite: '第四部分', text: '四、保障措施' },
    { id: 's4-p2', kind: 'para', parent: 's4', cite: '第四部分第2段', text: '附件：1.某某方案' },
    { id: 'p1', kind: 'para', cite: '第1段', text: '前言。', aliases: ['old-p'] },
  ]),
);
const next = (clauses: unknown[]) => JSON.stringify(clauses);
const MANIFEST = 'ingest/manifests/doc.json';

describe('keepAnchors', () => {
  it('refuses a run that drops an id or an alias, naming the manifest and proposing the alias by the clause text', () => {
    let err: unknown;
    try {
      keepAnchors(
        previous,
        next([
          { id: 's4', kind: 'provision', cite: '第四部分', text: '四、保障措施' },
          { id: 'fjsm-1', kind: 'para', cite: '附件说明第1项', text: '附件：1.某某方案' },
          { id: 'p1', kind: 'para', cite: '第1段', text: '前言。' },
        ]),
        MANIFEST,
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IngestError);
    const e = err as IngestError;
    expect(e.file).toBe(MANIFEST);
    expect(e.message).toContain('anchor(s) s4-p2, old-p would disappear');
    expect(e.hint).toContain('{ "from": "s4-p2", "to": "fjsm-1", "reason": "…" }');
  });

  it('accepts the same anchors kept as aliases, and a document that had no clause data yet', () => {
    expect(() =>
      keepAnchors(
        previous,
        next([
          { id: 's4', kind: 'provision', cite: '第四部分', text: '四、保障措施' },
          { id: 'fjsm-1', kind: 'para', cite: '附件说明第1项', text: '附件：1.某某方案', aliases: ['s4-p2'] },
          { id: 'p1', kind: 'para', cite: '第1段', text: '前言。', aliases: ['old-p'] },
        ]),
        MANIFEST,
      ),
    ).not.toThrow();
    expect(() => keepAnchors(join(dir, 'new.json'), next([]), MANIFEST)).not.toThrow();
  });
});
