/**
 * Cleans one seed: decodes and validates the bytes, then runs the rules in
 * order, keeping each stage's record for the ledger and the report.
 */
import { type StageRecord } from './ledger.ts';
import { IngestError } from './errors.ts';
import type { Rule, RuleContext } from './rules/types.ts';
import { normalizeNewlines } from './rules/normalize-newlines.ts';
import { repairMojibake } from './rules/repair-mojibake.ts';
import { stripSpam } from './rules/strip-spam.ts';
import { stripHtmlTags } from './rules/strip-html-tags.ts';
import { stripSiteMenu } from './rules/strip-site-menu.ts';
import { stripPageWidgets } from './rules/strip-page-widgets.ts';
import { stripViewCounter } from './rules/strip-view-counter.ts';
import { stripRelatedArticles } from './rules/strip-related-articles.ts';
import { stripPublishStamp } from './rules/strip-publish-stamp.ts';
import { stripSourceLine } from './rules/strip-source-line.ts';
import { stripEditorCredit } from './rules/strip-editor-credit.ts';
import { stripCopyright } from './rules/strip-copyright.ts';
import { stripRelatedLinks } from './rules/strip-related-links.ts';
import { manifestFurniture } from './rules/manifest-furniture.ts';
import { removePinyin } from './rules/remove-pinyin.ts';
import { traditionalToSimplified } from './rules/traditional-to-simplified.ts';
import { normalizePunctuation } from './rules/normalize-punctuation.ts';
import { normalizeWhitespace } from './rules/normalize-whitespace.ts';
import { editorialCorrections } from './rules/editorial-corrections.ts';
import { stripBreadcrumb } from './rules/strip-breadcrumb.ts';
import { stripLostIndent } from './rules/strip-lost-indent.ts';
import { stripMetadataTable } from './rules/strip-metadata-table.ts';
import { stripEncyclopediaFurniture } from './rules/strip-encyclopedia-furniture.ts';
import { rejoinBrokenLines } from './rules/rejoin-broken-lines.ts';

/**
 * The order matters: repairs see the raw bytes (and lost indentation `??` goes
 * only after them); metadata tables go before the site-menu rule, which would
 * take a row of short cells for a menu; furniture goes before the
 * text is converted (its patterns cover both scripts); punctuation and
 * whitespace are normalised on the converted text; broken lines are rejoined
 * once there is one paragraph per line; corrections come last so
 * they are written as readers see the text.
 */
export const RULES: readonly Rule[] = [
  normalizeNewlines,
  repairMojibake,
  stripLostIndent,
  stripSpam,
  stripHtmlTags,
  stripMetadataTable,
  stripEncyclopediaFurniture,
  stripSiteMenu,
  stripBreadcrumb,
  stripPageWidgets,
  stripViewCounter,
  stripRelatedArticles,
  stripPublishStamp,
  stripSourceLine,
  stripEditorCredit,
  stripCopyright,
  stripRelatedLinks,
  manifestFurniture,
  removePinyin,
  traditionalToSimplified,
  normalizePunctuation,
  normalizeWhitespace,
  rejoinBrokenLines,
  editorialCorrections,
];

export interface CleanResult {
  source: string;
  text: string;
  stages: StageRecord[];
  /** Editorial corrections, located in the clean text, for the page to mark. */
  marks: CorrectionMark[];
}

export interface CorrectionMark {
  /** 1-based number of the correction in the document. */
  n: number;
  start: number;
  end: number;
  /** The characters the source had here ('' for an insertion). */
  original: string;
  corrected: string;
  /** The manifest's find/replace, with context, for the reader. */
  context: { find: string; replace: string };
  reason: string;
}

/** Decodes a seed's bytes, refusing anything that is not a UTF-8 text. */
export function decodeSeed(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    throw new IngestError('the seed is empty', { file, hint: 'Copy the scraped text into the file; ingest never makes up content.' });
  }
  if (bytes.includes(0)) {
    throw new IngestError('the seed holds NUL bytes: it looks binary, not text', { file, hint: 'Seeds are UTF-8 text files (.txt); save the page as text first.' });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = bytes.slice(0, at).filter((b) => b === 0x0a).length + 1;
    throw new IngestError(`the seed is not valid UTF-8 (first bad byte at offset ${at})`, {
      file,
      line,
      hint: 'Convert the file to UTF-8 (e.g. iconv -f GB18030 -t UTF-8) before ingesting.',
    });
  }
  // Ideographic and no-break spaces or a lone byte-order mark are empty too.
  if (text.trim() === '') {
    throw new IngestError('the seed is empty', { file, hint: 'Copy the scraped text into the file; ingest never makes up content.' });
  }
  return text;
}

/**
 * Offset of the first byte that does not belong to a well-formed UTF-8 sequence
 * (Unicode table 3-7, as TextDecoder checks it: no overlong forms, surrogates or
 * code points past U+10FFFF).
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (i + k >= b.length || (k === 1 ? x < lo || x > hi : x >> 6 !== 2)) return i;
    }
    i += n + 1;
  }
  return b.length;
}

/**
 * `draft`: for the add command's first look at a page, which has no repairs
 * yet: mojibake left in the text is returned, not refused (ingest proper
 * still refuses it).
 */
export function clean(source: string, ctx: RuleContext, seedFile: string, opts: { draft?: boolean } = {}): CleanResult {
  const stages: StageRecord[] = [];
  let text = source;
  for (const rule of RULES) {
    const res = rule.apply(text, ctx);
    stages.push({ rule: rule.name, input: text, output: res.text, edits: res.edits });
    text = res.text;
  }
  if (text === '') {
    throw new IngestError('nothing is left of the seed after cleaning', {
      file: seedFile,
      hint: `The seed holds only page furniture: check that the right page was saved, and that no rule or entry in ${ctx.manifestFile} removes the document's text.`,
    });
  }
  assertNoControlChars(text, seedFile, ctx.manifestFile);
  if (!opts.draft) assertNoMojibake(text, seedFile, ctx.manifestFile);
  return { source, text, stages, marks: correctionMarks(stages.at(-1)!, ctx) };
}

/**
 * Control characters and bidi overrides/isolates (Trojan Source) would reach
 * the pages, the open data and feed.xml invisibly: refused with the line.
 */
export function assertNoControlChars(text: string, seedFile: string, manifestFile: string): void {
  text.split('\n').forEach((l, i) => {
    const m = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u.exec(l);
    if (m) {
      const code = `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      // Quoted with the character spelt out: printed raw, a bidi override would reorder the message itself.
      const excerpt = `${l.slice(Math.max(0, m.index - 8), m.index)}⟨${code}⟩${l.slice(m.index + 1, m.index + 9)}`;
      throw new IngestError(`clean text line ${i + 1} holds the invisible character ${code}: …${excerpt}…`, {
        file: seedFile,
        hint: `Remove it with a repair in ${manifestFile} (find: the characters around it copied from the seed, replace: the same without it, reason: why).`,
      });
    }
  });
}

/** No ? or U+FFFD may survive next to Chinese: each needs a repair in the manifest. */
export function assertNoMojibake(text: string, seedFile: string, manifestFile: string): void {
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    const m = /(?:[\p{Script=Han}\u3000-\u303f\uff00-\uffef][?\ufffd]|[?\ufffd][\p{Script=Han}\u3000-\u303f\uff00-\uffef]|\ufffd)/u.exec(l);
    if (m) {
      throw new IngestError(`clean text line ${i + 1} still holds mojibake: …${l.slice(Math.max(0, m.index - 8), m.index + 10)}…`, {
        file: seedFile,
        hint: `Add a repair (find the raw bytes in the seed, give the reconstruction and a reason) to ${manifestFile}.`,
      });
    }
  });
}

/** Where the last stage's corrections ended up in the clean text. */
function correctionMarks(stage: StageRecord, ctx: RuleContext): CorrectionMark[] {
  let delta = 0;
  return [...stage.edits]
    .sort((a, b) => a.at - b.at)
    .map((e, i) => {
      const start = e.at + delta;
      delta += e.to.length - e.from.length;
      const c = ctx.manifest.corrections[e.ref ?? 0];
      return { n: i + 1, start, end: start + e.to.length, original: e.from, corrected: e.to, context: { find: c.find, replace: c.replace }, reason: e.reason ?? '' };
    });
}
