/**
 * Loads src/content/targets.json and checks it: every document and clause
 * exists, every value occurs verbatim in its clause's text, every topic exists.
 */
import { existsSync } from 'node:fs';
import { readJsonDocument } from './data/read-json.ts';
import { targetsSchema, type Target } from '../schemas/targets.ts';
import { topicData } from './topics/load.ts';
import { CONTENT } from './data/paths.ts';

export function loadTargets(file: string = CONTENT.targets): Target[] {
  if (!existsSync(file)) return [];
  const doc = readJsonDocument(file, targetsSchema, 'src/schemas/targets.ts');
  const data = topicData();
  const ids = new Set<string>();
  doc.data.forEach((t, n) => {
    if (ids.has(t.id)) throw doc.error([n, 'id'], `target id "${t.id}" is used twice`, 'Give every target its own id.');
    ids.add(t.id);
    const clause = data.clauses.get(t.doc)?.get(t.clause);
    if (!clause)
      throw doc.error(
        [n, 'clause'],
        `target "${t.id}" cites ${t.doc}#${t.clause}, which does not exist`,
        `Use a clause id from src/content/clauses/${t.doc}.json.`,
      );
    if (!clause.text.includes(t.value))
      throw doc.error(
        [n, 'value'],
        `target "${t.id}": "${t.value}" does not occur in the text of ${t.doc}#${t.clause}`,
        'Copy the figure exactly as the clause writes it, or cite the clause that states it.',
      );
    if (t.topic && !data.topics.some((x) => x.id === t.topic))
      throw doc.error(
        [n, 'topic'],
        `target "${t.id}": unknown topic "${t.topic}"`,
        `Use a topic id (a file name in src/content/topics/), e.g. ${data.topics
          .slice(0, 3)
          .map((x) => x.id)
          .join(', ')}.`,
      );
  });
  return doc.data;
}

let cache: Target[] | undefined;
export const targets = () => (cache ??= loadTargets());

/**
 * The part of a target's note readers should see. Notes also record how
 * editors read a figure (区间2-3所，number取下限; 按2022年计): that is for the
 * data file, not the page, so those segments (split at ；) are left out.
 */
export function publicNote(note: string | undefined): string | undefined {
  if (!note) return undefined;
  const kept = note.split('；').filter((s) => !/number|取[上下]限|按\d{4}年计|未写年份|方案期为/u.test(s));
  return kept.length ? kept.join('；') : undefined;
}

/** False when the text gives no deadline for the target (deadline 未注明). */
export const isDated = (t: Target): boolean => t.deadline !== '' && t.deadline !== '未注明';

/**
 * The provision that says who is responsible for a target: its clause or the
 * nearest parent with a 责任单位 line. Undefined when none names agencies.
 */
export function targetOwner(t: Target): { id: string; agencies: { lead: string[]; partners: string[] } } | undefined {
  const doc = topicData().clauses.get(t.doc);
  for (let c = doc?.get(t.clause); c; c = c.parent ? doc!.get(c.parent) : undefined) {
    const a = c.agencies;
    if (a && (a.lead.length || a.partners.length)) return { id: c.id, agencies: a };
  }
  return undefined;
}
