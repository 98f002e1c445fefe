/**
 * Loads src/content/targets.json and checks it: every document and clause
 * exists, every value occurs verbatim in its clause's text, every topic exists.
 */
import { existsSync } from 'node:fs';
import { readJsonFile } from './data/read-json.ts';
import { targetsSchema, type Target } from '../schemas/targets.ts';
import { topicData } from './topics/load.ts';

export function loadTargets(file = 'src/content/targets.json'): Target[] {
  if (!existsSync(file)) return [];
  const parsed = { data: readJsonFile(file, targetsSchema, 'src/schemas/targets.ts') };
  const data = topicData();
  const ids = new Set<string>();
  for (const t of parsed.data) {
    if (ids.has(t.id)) throw new Error(`${file}: target id "${t.id}" is used twice\n  hint: give every target its own id.`);
    ids.add(t.id);
    const clause = data.clauses.get(t.doc)?.get(t.clause);
    if (!clause) throw new Error(`${file}: target "${t.id}" cites ${t.doc}#${t.clause}, which does not exist\n  hint: use a clause id from src/content/clauses/${t.doc}.json.`);
    if (!clause.text.includes(t.value)) throw new Error(`${file}: target "${t.id}": "${t.value}" does not occur in the text of ${t.doc}#${t.clause}\n  hint: copy the figure exactly as the clause writes it, or cite the clause that states it.`);
    if (t.topic && !data.topics.some((x) => x.id === t.topic)) throw new Error(`${file}: target "${t.id}": unknown topic "${t.topic}"`);
  }
  return parsed.data;
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
    const a = (c as { agencies?: { lead: string[]; partners: string[] } }).agencies;
    if (a && (a.lead.length || a.partners.length)) return { id: c.id, agencies: a };
  }
  return undefined;
}
