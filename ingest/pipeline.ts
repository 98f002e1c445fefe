/**
 * Cleans one seed: decodes and validates the bytes, then runs the rules in
 * order, keeping each stage's record for the ledger and the report.
 */
import { type Edit, type StageRecord } from './ledger.ts';
import { IngestError } from './errors.ts';
import type { Rule, RuleContext } from './rules/types.ts';
import { normalizeNewlines } from './rules/normalize-newlines.ts';
import { occurrences, repairMojibake } from './rules/repair-mojibake.ts';
import { checkRepair, type RepairCheck } from './repair-verify.ts';
import { detectScript } from './rules/detect-script.ts';
import { stripSpam } from './rules/strip-spam.ts';
import { stripHtmlTags } from './rules/strip-html-tags.ts';
import { stripSiteMenu } from './rules/strip-site-menu.ts';
import { stripPageWidgets } from './rules/strip-page-widgets.ts';
import { stripWechatFurniture } from './rules/strip-wechat-furniture.ts';
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
import { outlineNumberSpace } from './rules/outline-number-space.ts';
import { editorialCorrections } from './rules/editorial-corrections.ts';
import { stripBreadcrumb } from './rules/strip-breadcrumb.ts';
import { stripLostIndent } from './rules/strip-lost-indent.ts';
import { stripMetadataTable } from './rules/strip-metadata-table.ts';
import { stripEncyclopediaFurniture } from './rules/strip-encyclopedia-furniture.ts';
import { rejoinBrokenLines } from './rules/rejoin-broken-lines.ts';
import { stripPageFooters } from './rules/strip-page-footers.ts';
import { rejoinWrappedLines } from './rules/rejoin-wrapped-lines.ts';

/**
 * The order matters: repairs see the raw bytes (and lost indentation `??` goes
 * only after them); metadata tables go before the site-menu rule, which would
 * take a row of short cells for a menu; furniture goes before the
 * text is converted (its patterns cover both scripts); punctuation and
 * whitespace are normalised on the converted text (the gap after 第X条 first becomes
 * the separator normalize-whitespace keeps); WeChat furniture goes before the
 * site-menu rule, which would take its like/share bar for a menu; the page numbers of a
 * printed text go early (before rules that read the lines around them), and its
 * hard-wrapped lines are joined while their indents still show where paragraphs
 * start, just before normalize-whitespace removes them; broken lines are rejoined
 * once there is one paragraph per line; corrections come last so
 * they are written as readers see the text.
 */
export const RULES: readonly Rule[] = [
  normalizeNewlines,
  repairMojibake,
  stripLostIndent,
  stripSpam,
  stripHtmlTags,
  stripPageFooters,
  stripMetadataTable,
  stripEncyclopediaFurniture,
  stripWechatFurniture,
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
  outlineNumberSpace,
  rejoinWrappedLines,
  normalizeWhitespace,
  rejoinBrokenLines,
  editorialCorrections,
];

export interface CleanResult {
  source: string;
  text: string;
  stages: StageRecord[];
  /** Every editorial mark (corrections, repairs, notes), located in the clean text, in text order. */
  marks: TextMark[];
}

/**
 * A place in the clean text the page, the report and the open data mark:
 * a correction (the text was changed), a repair (mojibake reconstructed) or an
 * editor's note (the text is as printed, with a doubt). Numbered within its
 * kind in manifest order (entry, then occurrence), so adding an entry never
 * renumbers the others.
 */
export type TextMark = CorrectionMark | RepairMark | NoteMark;
interface MarkBase {
  n: number;
  start: number;
  end: number;
}
export interface CorrectionMark extends MarkBase {
  kind: 'correction';
  /** The characters the source had here ('' for an insertion). */
  original: string;
  corrected: string;
  /** The manifest's find/replace, with context, for the reader. */
  context: { find: string; replace: string };
  reason: string;
}
export interface RepairMark extends MarkBase {
  kind: 'repair';
  /** The damaged text as the seed has it (the manifest's `find`). */
  original: string;
  /** The reconstruction as it reads in the clean text. */
  text: string;
  reason: string;
  /** Declared uncertain in the manifest, or not confirmed by the damaged bytes: shown as 存疑. */
  uncertain: boolean;
  /** What the damaged bytes say about the reconstruction (repair-verify.ts). */
  check: Exclude<RepairCheck, { status: 'mismatch' }>;
  /** Index of the manifest repair. */
  ref: number;
}
export interface NoteMark extends MarkBase {
  kind: 'note';
  /** The text the note is about, as printed. */
  text: string;
  note: string;
}

/** Decodes a seed's bytes, refusing anything that is not a UTF-8 text. */
export function decodeSeed(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    throw new IngestError('the seed is empty', {
      file,
      hint: 'Copy the scraped text into the file; ingest never makes up content.',
    });
  }
  if (bytes.includes(0)) {
    throw new IngestError('the seed holds NUL bytes: it looks binary, not text', {
      file,
      hint: 'Seeds are UTF-8 text files (.txt); save the page as text first.',
    });
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
    throw new IngestError('the seed is empty', {
      file,
      hint: 'Copy the scraped text into the file; ingest never makes up content.',
    });
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
  const marks = [...repairMarks(stages, ctx), ...correctionMarks(stages.at(-1)!, ctx), ...noteMarks(text, ctx)].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
  for (let i = 1; i < marks.length; i++) {
    const [a, b] = [marks[i - 1], marks[i]];
    if (b.start < a.end) {
      throw new IngestError(
        `the ${a.kind} ${a.n} and the ${b.kind} ${b.n} overlap in the clean text (…${text.slice(a.start, b.end)}…)`,
        {
          file: ctx.manifestFile,
          hint: "Marks may not overlap: narrow one `find`, or fold the note into the correction's reason.",
        },
      );
    }
  }
  return { source, text, stages, marks };
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
    const m =
      /(?:[\p{Script=Han}\u3000-\u303f\uff00-\uffef][?\ufffd]|[?\ufffd][\p{Script=Han}\u3000-\u303f\uff00-\uffef]|\ufffd)/u.exec(
        l,
      );
    if (m) {
      throw new IngestError(
        `clean text line ${i + 1} still holds mojibake: …${l.slice(Math.max(0, m.index - 8), m.index + 10)}…`,
        {
          file: seedFile,
          hint: `Add a repair (find the raw bytes in the seed, give the reconstruction and a reason) to ${manifestFile}.`,
        },
      );
    }
  });
}

/** Where the last stage's corrections ended up in the clean text, numbered in manifest order. */
function correctionMarks(stage: StageRecord, ctx: RuleContext): CorrectionMark[] {
  let delta = 0;
  const located = [...stage.edits]
    .sort((a, b) => a.at - b.at)
    .map((e) => {
      const start = e.at + delta;
      delta += e.to.length - e.from.length;
      return { e, start };
    });
  return [...located]
    .sort((a, b) => (a.e.ref ?? 0) - (b.e.ref ?? 0) || a.start - b.start)
    .map(({ e, start }, i) => {
      const c = ctx.manifest.corrections[e.ref ?? 0];
      return {
        kind: 'correction',
        n: i + 1,
        start,
        end: start + e.to.length,
        original: e.from,
        corrected: e.to,
        context: { find: c.find, replace: c.replace },
        reason: e.reason ?? '',
      };
    });
}

/**
 * Follows each repair from the stage that made it to the clean text. Later
 * rules may change characters inside a reconstruction (Traditional → Simplified);
 * one that cuts across its edge or removes it is refused, since the mark would
 * no longer say what was reconstructed.
 */
function repairMarks(stages: StageRecord[], ctx: RuleContext): RepairMark[] {
  const at = stages.findIndex((s) => s.rule === 'repair-mojibake');
  if (at === -1) return [];
  const stage = stages[at];
  let delta = 0;
  const spans = [...stage.edits]
    .sort((a, b) => a.at - b.at)
    .map((e) => {
      const start = e.at + delta;
      delta += e.to.length - e.from.length;
      return { e, span: [start, start + e.to.length] as [number, number] };
    });
  const text = stages.at(-1)!.output;
  return spans
    .sort((a, b) => (a.e.ref ?? 0) - (b.e.ref ?? 0) || a.span[0] - b.span[0])
    .map(({ e, span }, i) => {
      let sp = span;
      for (const later of stages.slice(at + 1)) {
        const next = mapSpan(sp, later.edits);
        if (!next || next[0] === next[1]) {
          throw new IngestError(
            `repair ${JSON.stringify(e.from)} → ${JSON.stringify(e.to)} is ${next ? 'removed' : 'cut across'} by the later rule ${later.rule}`,
            {
              file: ctx.manifestFile,
              hint: 'Make the repair cover whole characters of running text (not page furniture), so later rules leave its edges alone.',
            },
          );
        }
        sp = next;
      }
      const r = ctx.manifest.repairs[e.ref ?? 0];
      const check = checkRepair(r, ctx.manifest.script ?? detectScript(stage.input).script);
      return {
        kind: 'repair',
        n: i + 1,
        start: sp[0],
        end: sp[1],
        original: e.from,
        text: text.slice(sp[0], sp[1]),
        reason: e.reason ?? r.reason,
        uncertain: r.uncertain || check.status !== 'verified',
        check,
        ref: e.ref ?? 0,
      };
    });
}

/**
 * Maps a span of a stage's input to its output. Edits wholly inside move its
 * end; an edit across one of its edges gives null. An insertion at an edge
 * stays outside.
 */
export function mapSpan([a, b]: [number, number], edits: readonly Edit[]): [number, number] | null {
  let start = a;
  let end = b;
  for (const e of edits) {
    const d = e.to.length - e.from.length;
    const eEnd = e.at + e.from.length;
    if (eEnd <= a) {
      start += d;
      end += d;
    } else if (e.at >= b) continue;
    else if (e.at >= a && eEnd <= b) end += d;
    else return null;
  }
  return [start, end];
}

/** Editor's notes on the clean text: each `find` must occur as often as declared. */
function noteMarks(text: string, ctx: RuleContext): NoteMark[] {
  const out: NoteMark[] = [];
  for (const note of ctx.manifest.notes) {
    const hits = occurrences(text, note.find);
    if (hits.length !== note.count) {
      throw new IngestError(
        `editor's note on ${JSON.stringify(note.find)} matches ${hits.length} time(s) in the cleaned text, expected ${note.count}`,
        {
          file: ctx.manifestFile,
          hint: 'Write `find` as it reads after cleaning and corrections (Simplified, full-width punctuation), with enough context to be unique.',
        },
      );
    }
    for (const start of hits)
      out.push({
        kind: 'note',
        n: out.length + 1,
        start,
        end: start + note.find.length,
        text: note.find,
        note: note.note,
      });
  }
  return out;
}
