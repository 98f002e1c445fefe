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
