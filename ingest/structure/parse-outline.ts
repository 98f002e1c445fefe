/**
 * Turns the clean text (one paragraph per line) into the document tree:
 * parts (notice, main text, attachments), outline provisions (一、 （一） 1.
 * （1）) and unnumbered paragraphs, each with its anchor id.
 *
 * Anchor scheme (documented in ingest/README.md): ids are built from the
 * document's own numbering, never from position, so they survive edits
 * elsewhere in the text:
 *   一、 → s3      （一） → s3-1      1. → s3-1-15      （1） → s3-1-15-2
 * a level the text skips is written 0 (绍兴: 一、 then 1. → s1-0-1);
 * provisions in a notice or attachment carry its prefix (fj1-s3-2, tz-p1);
 * unnumbered paragraphs are numbered within their provision (s2-p1) or part (p1).
 * Regulations: 第三章 → c3, 第二节 → c3-j2, 第八条 → a8 (articles run through the
 * text, so the chapter is not in the id), its （一） → a8-1, 2. under that → a8-1-2;
 * an 一、 outline inside a chapter → c2-s1. `depth` is the nesting: 章 1, 节 2,
 * 条 3, items 4…; an outline inside a chapter adds its levels to the chapter's.
 */
import type { PartKind } from '../../src/render/policy/contract.ts';
import { IngestError } from '../errors.ts';
import type { Manifest } from '../manifest.ts';
import { splitLines } from '../ledger.ts';
import { chineseToNumber } from './numerals.ts';
import { type Agencies, type AgencyRoles, parseAgencies } from './agencies.ts';

export interface Span {
  start: number;
  end: number;
}

export interface ParaNode {
  type: 'para';
  id: string;
  span: Span;
  line: number;
  image: boolean;
  /** Item k of the part's attachment list (附件：1.… 2.…), which belongs to the part, not to the provision before it. */
  listItem?: number;
  /** Old anchors of this paragraph that still lead here (manifest `aliases`). */
  aliases?: string[];
}
export interface ProvisionNode {
  type: 'provision';
  id: string;
  depth: number;
  num: string;
  /** Number and title/lead sentence as printed (the heading). */
  heading: Span;
  /** The rest of the line after the lead sentence (may be empty). */
  body: Span;
  title: string;
  line: number;
  agencies?: Agencies;
  children: Node[];
  aliases?: string[];
  /** A regulation's 第X章 / 第X节 / 第X条, or an item under an article (（一） 1. …); none for the 一、（一） outline. */
  unit?: 'chapter' | 'section' | 'article' | 'item';
  /** The numbering form of an outline level or item: 1 一、, 2 （一）, 3 1., 4 （1）. */
  level?: number;
}
export type Node = ParaNode | ProvisionNode;
export interface PartNode {
  id: string;
  label: string;
  kind: PartKind;
  /** The title line that is the part's printed label (附件1, 附表), kept apart from the title. */
  labelLine?: Span;
  /** The title lines after the label line. */
  titles: Span[];
  children: Node[];
  /** Whether the part was declared (false for the single implicit main text). */
  declared: boolean;
  /** Why the part has no title of its own (manifest `titleNote`). */
  titleNote?: string;
  aliases?: string[];
}
export interface DocTree {
  head: Span[];
  parts: PartNode[];
}

const LEVELS: { depth: number; re: RegExp; value: (m: RegExpExecArray) => number }[] = [
  { depth: 1, re: /^([一二三四五六七八九十]+)、/u, value: (m) => chineseToNumber(m[1]) },
  { depth: 2, re: /^（([一二三四五六七八九十]+)）/u, value: (m) => chineseToNumber(m[1]) },
  // 1. 1． 1、 — and past 99. (an attachment list of 120 items).
  { depth: 3, re: /^(\d{1,3})[.．、](?!\d)/u, value: (m) => Number(m[1]) },
  { depth: 4, re: /^（(\d{1,3})）/u, value: (m) => Number(m[1]) },
];
/**
 * A regulation's (办法, 条例, 规定, 细则) own numbering: 第X章, 第X节, 第X条, to 第九百九十九条.
 * A chapter or section line is a heading (short, no sentence punctuation);
 * an article starts its text. A sentence that begins by citing an article
 * (第三条规定的…, 第五条至第八条…) is no article.
 */
const CN_NUM = '[一二三四五六七八九十百零〇两]+';
const CHAPTER = new RegExp(`^第(${CN_NUM})(章|节)[ \u3000]*`, 'u');
const ARTICLE = new RegExp(`^第(${CN_NUM})条(?![规所中的之至款项和及、，。；：])[ \u3000]*`, 'u');
const UNIT_DEPTH = { chapter: 1, section: 2, article: 3 } as const;
const isOutline = (n: ProvisionNode) => n.unit === undefined || n.unit === 'item';

/** The regulation unit a line starts, with its number as printed (第八条) and the length of number and separator. */
export function regulationUnit(
  line: string,
): { unit: 'chapter' | 'section' | 'article'; n: number; num: string; matched: number } | undefined {
  const c = CHAPTER.exec(line);
  if (c) {
    const rest = line.slice(c[0].length);
    const n = chineseToNumber(c[1]);
    if (Number.isFinite(n) && rest.length <= 40 && !/[。，；：]/u.test(rest)) {
      return { unit: c[2] === '章' ? 'chapter' : 'section', n, num: c[0].trimEnd(), matched: c[0].length };
    }
    return undefined;
  }
  const a = ARTICLE.exec(line);
  if (!a) return undefined;
  const n = chineseToNumber(a[1]);
  return Number.isFinite(n) ? { unit: 'article', n, num: `第${a[1]}条`, matched: a[0].length } : undefined;
}
const IMAGE = /^(表|图|圖)\d+\.(jpe?g|png|gif|bmp)$/iu;
/** The attachment list (附件说明) after a text's body: 附件：1.…, then 2.… on their own lines. */
const ATTACHMENT_LIST = /^附件[：:]/u;
/** A title line that only labels the part: 附件1, 附件 2, 附表, 附件一. */
const PART_LABEL = /^(附件|附表|附录|附图)\s*[0-9一二三四五六七八九十]*[：:]?$/u;
/** A lead sentence longer than this is body text, not a heading. */
const MAX_TITLE = 60;

export function parseOutline(text: string, manifest: Manifest, manifestFile: string): DocTree {
  const lines = splitLines(text);
  const span = (i: number): Span => ({ start: lines[i].start, end: lines[i].start + lines[i].text.length });
  const head = lines.slice(0, manifest.headLines).map((l) => span(l.index));
  const declared = manifest.parts.length > 0;
  const defs = declared
    ? manifest.parts
    : [
        {
          id: 'zw',
          label: '正文',
          kind: 'main' as const,
          start: '',
          titleLines: 0,
          agencyRoles: undefined,
          agencyBasis: undefined,
        },
      ];

  // Find where each part starts.
  const starts: number[] = [];
  let from = manifest.headLines;
  for (const def of defs) {
    const idx = declared ? lines.findIndex((l, i) => i >= from && l.text === def.start) : from;
    if (idx === -1) {
      throw new IngestError(
        `part "${def.label}" starts with ${JSON.stringify(def.start)}, but no line after line ${from + 1} of the clean text reads so`,
        {
          file: manifestFile,
          hint: 'Write `start` as the whole first line of the part after cleaning (Simplified, full-width punctuation).',
        },
      );
    }
    starts.push(idx);
    from = idx + 1;
  }
  if (starts[0] !== manifest.headLines) {
    throw new IngestError(`clean text lines ${manifest.headLines + 1}–${starts[0]} belong to no part`, {
      file: manifestFile,
      hint: 'Start the first part there, or count those lines in `headLines` if they are the title block.',
    });
  }

  const ids = new Map<string, number>();
  const claim = (id: string, line: number) => {
    if (ids.has(id)) {
      throw new IngestError(`anchor "${id}" is given twice (clean text lines ${ids.get(id)! + 1} and ${line + 1})`, {
        file: manifestFile,
        hint: 'The numbering repeats: correct the numbering with an editorial correction, or split the text into parts.',
      });
    }
    ids.set(id, line);
  };

  const parts: PartNode[] = defs.map((def, p) => {
    const first = starts[p];
    const end = p + 1 < starts.length ? starts[p + 1] : lines.length;
    const titleSpans = lines.slice(first, first + def.titleLines).map((l) => span(l.index));
    const firstTitle = lines[first]?.text ?? '';
    const labelLine =
      def.titleLines > 0 && (firstTitle === def.label || PART_LABEL.test(firstTitle)) ? titleSpans[0] : undefined;
    const titles = labelLine ? titleSpans.slice(1) : titleSpans;
    const prefix = def.kind === 'main' ? '' : `${def.id}-`;
    const roles: AgencyRoles = def.agencyRoles ?? manifest.agencyRoles;
    if (declared) claim(def.id, first);
    const root: Node[] = [];
    const stack: ProvisionNode[] = [];
    const paraCount = new Map<string, number>();
    let inList = false;
    let listItems = 0;

    // Chapters and sections reset the 一、 numbering kept for outline levels inside them.
    const numsOf = new Map<string, number[]>();
    const numsFor = (key: string) => {
      let n = numsOf.get(key);
      if (!n) {
        n = [0, 0, 0, 0, 0];
        numsOf.set(key, n);
      }
      return n;
    };

    for (let i = first + def.titleLines; i < end; i++) {
      const t = lines[i].text;
      // The attachment list closes the body: it and what follows (signature, date) belong to the part.
      if (ATTACHMENT_LIST.test(t)) {
        inList = true;
        stack.length = 0;
      }
      const parent = stack.at(-1);
      const addPara = (image: boolean) => {
        const key = parent?.id ?? '';
        const k = (paraCount.get(key) ?? 0) + 1;
        paraCount.set(key, k);
        const id = parent ? `${parent.id}-p${k}` : `${prefix}p${k}`;
        claim(id, i);
        (parent?.children ?? root).push({ type: 'para', id, span: span(i), line: i, image });
      };
      const addListItem = () => {
        const k = ++listItems;
        const id = `${prefix}fjsm-${k}`;
        claim(id, i);
        root.push({ type: 'para', id, span: span(i), line: i, image: false, listItem: k });
      };
      if (IMAGE.test(t)) {
        addPara(true);
        continue;
      }
      if (inList && (ATTACHMENT_LIST.test(t) || /^\d+[.．、]/u.test(t))) {
        addListItem();
        continue;
      }
      inList = false;

      const unit = regulationUnit(t);
      const level = unit ? undefined : LEVELS.map((l) => ({ l, m: l.re.exec(t) })).find((x) => x.m);
      if (!unit && (!level || !level.m)) {
        addPara(false);
        continue;
      }

      let id: string;
      let depth: number;
      let num: string;
      let matched: number;
      let extra: Pick<ProvisionNode, 'unit' | 'level'>;
      if (unit) {
        // 第X章 closes everything; 第X节 closes up to its chapter; 第X条 up to its section or chapter.
        const keep = unit.unit === 'chapter' ? [] : unit.unit === 'section' ? ['chapter'] : ['chapter', 'section'];
        while (stack.length && !keep.includes(stack.at(-1)!.unit ?? '')) stack.pop();
        const chapter = stack.find((s) => s.unit === 'chapter');
        // Articles are numbered through the whole text and cited without their chapter: a8, not c3-a8.
        id =
          unit.unit === 'chapter'
            ? `${prefix}c${unit.n}`
            : unit.unit === 'section'
              ? chapter
                ? `${chapter.id}-j${unit.n}`
                : `${prefix}j${unit.n}`
              : `${prefix}a${unit.n}`;
        depth = UNIT_DEPTH[unit.unit];
        num = unit.num;
        matched = unit.matched;
        extra = { unit: unit.unit };
      } else {
        const { l, m } = level!;
        const lv = l.depth;
        const n = l.value(m!);
        while (stack.length && isOutline(stack.at(-1)!) && stack.at(-1)!.level! >= lv) stack.pop();
        const container = [...stack].reverse().find((s) => !isOutline(s));
        const top = stack.at(-1);
        if (container?.unit === 'article') {
          // Items of an article (（一） 1. （1）, or 一、 where the text uses it) hang off it level by level: a8-1, a8-1-2.
          id = `${top!.id}-${n}`;
          depth = top!.depth + 1;
          extra = { unit: 'item', level: lv };
        } else {
          // The outline scheme, inside a chapter or section when there is one: s3-1, c2-s1-0-1.
          const nums = numsFor(container?.id ?? '');
          nums[lv] = n;
          for (let d = lv + 1; d < nums.length; d++) nums[d] = 0;
          for (let d = 1; d < lv; d++) if (!stack.some((s) => isOutline(s) && s.level === d)) nums[d] = 0;
          id = `${container ? `${container.id}-` : prefix}s${nums.slice(1, lv + 1).join('-')}`;
          depth = (container?.depth ?? 0) + lv;
          extra = { level: lv };
        }
        num = m![0];
        matched = num.length;
      }
      claim(id, i);

      const rest = t.slice(matched);
      const dot = rest.indexOf('。');
      let titleLen: number;
      if (dot === -1 || dot === rest.length - 1) titleLen = rest.length <= MAX_TITLE ? rest.length : 0;
      else titleLen = dot + 1 <= MAX_TITLE ? dot + 1 : 0;
      const s = span(i);
      const node: ProvisionNode = {
        type: 'provision',
        id,
        depth,
        num,
        ...extra,
        heading: { start: s.start, end: s.start + matched + titleLen },
        body: { start: s.start + matched + titleLen, end: s.end },
        title: rest.slice(0, titleLen).replace(/。$/u, ''),
        line: i,
        agencies: parseAgencies(t, roles, def.agencyBasis),
        children: [],
      };
      (stack.at(-1)?.children ?? root).push(node);
      stack.push(node);
    }
    return {
      id: def.id,
      label: def.label,
      kind: def.kind,
      ...(labelLine ? { labelLine } : {}),
      titles,
      children: root,
      declared,
      ...(def.titleNote ? { titleNote: def.titleNote } : {}),
    };
  });
  const tree = { head, parts };
  applyAliases(tree, manifest, manifestFile, ids);
  return tree;
}

/** Attaches the manifest's old anchors to the nodes that now carry them. */
function applyAliases(tree: DocTree, manifest: Manifest, manifestFile: string, ids: Map<string, number>): void {
  const byId = new Map<string, { aliases?: string[] }>();
  for (const part of tree.parts) {
    if (part.declared) byId.set(part.id, part);
    const walk = (nodes: Node[]) =>
      nodes.forEach((n) => {
        byId.set(n.id, n);
        if (n.type === 'provision') walk(n.children);
      });
    walk(part.children);
  }
  for (const a of manifest.aliases) {
    if (ids.has(a.from)) {
      throw new IngestError(`alias "${a.from}" is an anchor the document still has`, {
        file: manifestFile,
        hint: 'An alias keeps an old anchor that a structural fix moved; remove this entry.',
      });
    }
    const node = byId.get(a.to);
    if (!node) {
      throw new IngestError(`alias "${a.from}" points to "${a.to}", which is no anchor of the document`, {
        file: manifestFile,
        hint: `Point it at the anchor that now holds the text (src/content/clauses/${manifest.slug}.json lists them).`,
      });
    }
    node.aliases = [...(node.aliases ?? []), a.from];
  }
}

/** Every provision in document order. */
export function* provisions(nodes: Node[]): Generator<ProvisionNode> {
  for (const n of nodes) {
    if (n.type === 'provision') {
      yield n;
      yield* provisions(n.children);
    }
  }
}
