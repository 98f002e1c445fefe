/**
 * Accepting suggestions of the curation report: each kind edits one data
 * file in its house format, and only that file. A document's text and
 * anchors are never touched (they come from ingest).
 * - topic:<slug>#<clause>[:<topic>]  → src/content/topic-map.json (the first suggested topic unless one is named)
 * - target:<slug>#<clause>:<hash>    → appended to src/content/targets.json
 * - alias:<term id>:<variant>        → added to src/content/glossary/<term id>.json "aliases"
 * A suggestion that cannot be accepted (unknown id, already accepted) is a
 * DataFileError naming the file it would have gone into.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { z } from 'zod';
import type { CurationReport } from './report.ts';
import { CONTENT, contentFiles } from '../data/paths.ts';
import { DataFileError, parseJson, readJsonFile } from '../data/read-json.ts';
import { topicMapSchema } from '../../schemas/topics.ts';
import { targetsSchema } from '../../schemas/targets.ts';
import { glossaryEntrySchema } from '../../schemas/glossary.ts';

/**
 * A data file checked against its schema (a broken file stops with its line
 * before anything is written), then its JSON as written, so that editing it
 * keeps every field as it is and adds no schema default.
 */
function editable<T>(file: string, schema: z.ZodType, schemaFile: string): T {
  readJsonFile(file, schema, schemaFile);
  return parseJson(readFileSync(file, 'utf8'), file) as T;
}

/** topic-map.json as the project writes it: one clause per line. */
export function formatTopicMap(map: Record<string, Record<string, string[]>>): string {
  const docs = Object.entries(map).map(
    ([slug, entries]) =>
      `  ${JSON.stringify(slug)}: {\n${Object.entries(entries)
        .map(([id, ts]) => `    ${JSON.stringify(id)}: [${ts.map((t) => JSON.stringify(t)).join(', ')}]`)
        .join(',\n')}\n  }`,
  );
  return `{\n${docs.join(',\n')}\n}\n`;
}

export interface Accepted {
  id: string;
  file: string;
  what: string;
}

export function accept(report: CurationReport, ids: string[], root: string = CONTENT.content): Accepted[] {
  // Find every suggestion first, so nothing is half written when one id is wrong.
  const plan = ids.map((raw) => {
    const [kind] = raw.split(':');
    for (const d of report.documents) {
      if (kind === 'topic') {
        const [base, topic] =
          raw.split(':').length > 2
            ? [raw.slice(0, raw.lastIndexOf(':')), raw.slice(raw.lastIndexOf(':') + 1)]
            : [raw, undefined];
        const item = d.topics.find((t) => t.id === base);
        if (!item) continue;
        const s = topic ? item.suggestions.find((x) => x.topic === topic) : item.suggestions[0];
        if (!s)
          throw new DataFileError(
            contentFiles(root).topicMap,
            undefined,
            `${raw}: topic "${topic}" is not among the suggestions for ${base.slice(6)}`,
            `Suggested: ${item.suggestions.map((x) => x.topic).join(', ')}; or edit the file by hand.`,
          );
        return { kind, raw, slug: d.slug, clause: item.clause, topic: s.topic } as const;
      }
      if (kind === 'target') {
        const item = d.targets.find((t) => t.id === raw);
        if (item) return { kind, raw, target: item.target } as const;
      }
      if (kind === 'alias') {
        const item = d.aliases.find((a) => a.id === raw);
        if (item) return { kind, raw, termId: item.termId, variant: item.variant } as const;
      }
    }
    throw new DataFileError(
      contentFiles(root).content,
      undefined,
      `no suggestion "${raw}" in the curation report`,
      'Copy an id from `npm run curate -- list <slug>` or the /curation/ page; ids start with topic:, target: or alias:. A suggestion already accepted is no longer listed.',
    );
  });
  // Then every edit in memory, and only when all succeeded the files: nothing is half written.
  const files = contentFiles(root);
  const done: Accepted[] = [];
  const writes: { file: string; content: string }[] = [];
  const topics = plan.filter((p) => p.kind === 'topic');
  if (topics.length) {
    const map = existsSync(files.topicMap)
      ? editable<Record<string, Record<string, string[]>>>(files.topicMap, topicMapSchema, 'src/schemas/topics.ts')
      : {};
    for (const p of topics) {
      const entries = (map[p.slug!] ??= {});
      const list = (entries[p.clause!] ??= []);
      if (!list.includes(p.topic!)) list.push(p.topic!);
      done.push({ id: p.raw, file: files.topicMap, what: `${p.slug}#${p.clause} → ${p.topic}` });
    }
    writes.push({ file: files.topicMap, content: formatTopicMap(map) });
  }
  const targets = plan.filter((p) => p.kind === 'target');
  if (targets.length) {
    const list = existsSync(files.targets)
      ? editable<{ id: string }[]>(files.targets, targetsSchema, 'src/schemas/targets.ts')
      : [];
    for (const p of targets) {
      if (list.some((t) => t.id === p.target!.id))
        throw new DataFileError(
          files.targets,
          undefined,
          `${p.raw}: target id "${p.target!.id}" is already in the file`,
          'It was accepted before; nothing to do.',
        );
      list.push(p.target!);
      done.push({ id: p.raw, file: files.targets, what: `${p.target!.indicator} ${p.target!.value}` });
    }
    writes.push({ file: files.targets, content: `${JSON.stringify(list, null, 2)}\n` });
  }
  const entries = new Map<string, { aliases?: string[] }>();
  for (const p of plan.filter((x) => x.kind === 'alias')) {
    const file = files.glossaryFile(p.termId!);
    const entry =
      entries.get(file) ?? editable<{ aliases?: string[] }>(file, glossaryEntrySchema, 'src/schemas/glossary.ts');
    entry.aliases = [...new Set([...(entry.aliases ?? []), p.variant!])];
    entries.set(file, entry);
    done.push({ id: p.raw, file, what: `alias ${p.variant}` });
  }
  for (const [file, entry] of entries) writes.push({ file, content: `${JSON.stringify(entry, null, 2)}\n` });
  for (const w of writes) writeFileSync(w.file, w.content);
  return done;
}
