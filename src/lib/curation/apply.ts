/**
 * Accepting suggestions of the curation report: each kind edits one data
 * file in its house format, and only that file. A document's text and
 * anchors are never touched (they come from ingest).
 * - topic:<slug>#<clause>[:<topic>]  → src/content/topic-map.json (the first suggested topic unless one is named)
 * - target:<slug>#<clause>:<hash>    → appended to src/content/targets.json
 * - alias:<term id>:<variant>        → added to src/content/glossary/<term id>.json "aliases"
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CurationReport } from './report.ts';

export class CurationError extends Error {
  constructor(message: string, hint: string) {
    super(`${message}\n  hint: ${hint}`);
    this.name = 'CurationError';
  }
}

/** topic-map.json as the project writes it: one clause per line. */
export function formatTopicMap(map: Record<string, Record<string, string[]>>): string {
  const docs = Object.entries(map).map(([slug, entries]) => `  ${JSON.stringify(slug)}: {\n${Object.entries(entries).map(([id, ts]) => `    ${JSON.stringify(id)}: [${ts.map((t) => JSON.stringify(t)).join(', ')}]`).join(',\n')}\n  }`);
  return `{\n${docs.join(',\n')}\n}\n`;
}

export interface Accepted { id: string; file: string; what: string }

export function accept(report: CurationReport, ids: string[], root = 'src/content'): Accepted[] {
  // Find every suggestion first, so nothing is half written when one id is wrong.
  const plan = ids.map((raw) => {
    const [kind] = raw.split(':');
    for (const d of report.documents) {
      if (kind === 'topic') {
        const [base, topic] = raw.split(':').length > 2 ? [raw.slice(0, raw.lastIndexOf(':')), raw.slice(raw.lastIndexOf(':') + 1)] : [raw, undefined];
        const item = d.topics.find((t) => t.id === base);
        if (!item) continue;
        const s = topic ? item.suggestions.find((x) => x.topic === topic) : item.suggestions[0];
        if (!s) throw new CurationError(`${raw}: topic "${topic}" is not among the suggestions for ${base.slice(6)}`, `Suggested: ${item.suggestions.map((x) => x.topic).join(', ')}; or edit ${join(root, 'topic-map.json')} by hand.`);
        return { kind, raw, slug: d.slug, clause: item.clause, topic: s.topic } as const;
      }
      if (kind === 'target') { const item = d.targets.find((t) => t.id === raw); if (item) return { kind, raw, target: item.target } as const; }
      if (kind === 'alias') { const item = d.aliases.find((a) => a.id === raw); if (item) return { kind, raw, termId: item.termId, variant: item.variant } as const; }
    }
    throw new CurationError(`no suggestion "${raw}" in the curation report`, 'Copy an id from `npm run curate -- list <slug>` or the /curation/ page; ids start with topic:, target: or alias:. A suggestion already accepted is no longer listed.');
  });
  const done: Accepted[] = [];
  const mapFile = join(root, 'topic-map.json');
  const topics = plan.filter((p) => p.kind === 'topic');
  if (topics.length) {
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as Record<string, Record<string, string[]>>;
    for (const p of topics) {
      const entries = (map[p.slug!] ??= {});
      const list = (entries[p.clause!] ??= []);
      if (!list.includes(p.topic!)) list.push(p.topic!);
      done.push({ id: p.raw, file: mapFile, what: `${p.slug}#${p.clause} → ${p.topic}` });
    }
    writeFileSync(mapFile, formatTopicMap(map));
  }
  const targetFile = join(root, 'targets.json');
  const targets = plan.filter((p) => p.kind === 'target');
  if (targets.length) {
    const list = JSON.parse(readFileSync(targetFile, 'utf8')) as { id: string }[];
    for (const p of targets) {
      if (list.some((t) => t.id === p.target!.id)) throw new CurationError(`${p.raw}: target id "${p.target!.id}" is already in ${targetFile}`, 'It was accepted before; nothing to do.');
      list.push(p.target!);
      done.push({ id: p.raw, file: targetFile, what: `${p.target!.indicator} ${p.target!.value}` });
    }
    writeFileSync(targetFile, `${JSON.stringify(list, null, 2)}\n`);
  }
  for (const p of plan.filter((x) => x.kind === 'alias')) {
    const file = join(root, 'glossary', `${p.termId}.json`);
    const entry = JSON.parse(readFileSync(file, 'utf8')) as { aliases?: string[] };
    entry.aliases = [...new Set([...(entry.aliases ?? []), p.variant!])];
    writeFileSync(file, `${JSON.stringify(entry, null, 2)}\n`);
    done.push({ id: p.raw, file, what: `alias ${p.variant}` });
  }
  return done;
}
