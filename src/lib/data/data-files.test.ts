/**
 * The data layer: every JSON file's contract. A broken file of each kind
 * stops with the file, the line and the field; every file ingest has written
 * passes its schema; and the loaders read this project wherever they are
 * started from.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { CONTENT, PROJECT_ROOT, contentFiles, projectPaths } from './paths.ts';
import { checkJson, DataFileError, readJsonFile } from './read-json.ts';
import { readClauseData } from './clauses.ts';
import { readPolicyFrontmatter } from './frontmatter.ts';
import { cleaningReportSchema } from '../../schemas/report.ts';
import { clauseDataSchema } from '../../schemas/clauses.ts';
import { relationsSchema, topicMapSchema, topicSchema } from '../../schemas/topics.ts';
import { targetsSchema } from '../../schemas/targets.ts';
import { glossaryEntrySchema } from '../../schemas/glossary.ts';
import { agencyNamesSchema } from '../../schemas/agency-names.ts';
import { similarRejectedSchema } from '../../schemas/similar.ts';
import { renderedDataSchema } from '../../schemas/rendering.ts';
import { curationReportSchema } from '../../schemas/curation.ts';
import { buildCurationReport } from '../curation/report.ts';

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const firstJson = (dir: string) =>
  join(
    dir,
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()[0],
  );
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
/** The line of `text` holding `needle`, 1-based. */
const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One kind of data file: a valid value (from the project's own files where
 * there is one), how to break one field, and the field path and a marker
 * of the line the error must name.
 */
interface Kind {
  name: string;
  schema: z.ZodType;
  schemaFile: string;
  valid: () => unknown;
  breakIt: (d: any) => void;
  field: string;
  /** Text on the line the error must point at. */
  marker: string;
}

const kinds: Kind[] = [
  {
    name: 'cleaning report (src/content/reports)',
    schema: cleaningReportSchema,
    schemaFile: 'src/schemas/report.ts',
    valid: () => json(firstJson(CONTENT.reports)),
    breakIt: (d) => {
      d.rules[0].edits = 'many';
    },
    field: 'rules.0.edits',
    marker: '"edits": "many"',
  },
  {
    name: 'clause data (src/content/clauses)',
    schema: clauseDataSchema,
    schemaFile: 'src/schemas/clauses.ts',
    valid: () => json(firstJson(CONTENT.clauses)),
    breakIt: (d) => {
      d[1].kind = 'chapter';
    },
    field: '1.kind',
    marker: '"kind": "chapter"',
  },
  {
    name: 'clause data with a field no reader knows',
    schema: clauseDataSchema,
    schemaFile: 'src/schemas/clauses.ts',
    valid: () => json(firstJson(CONTENT.clauses)),
    breakIt: (d) => {
      d[0].colour = 'red';
    },
    field: '0',
    marker: '"colour": "red"',
  },
  {
    name: 'topic',
    schema: topicSchema,
    schemaFile: 'src/schemas/topics.ts',
    valid: () => json(firstJson(CONTENT.topics)),
    breakIt: (d) => {
      d.order = 0;
    },
    field: 'order',
    marker: '"order": 0',
  },
  {
    name: 'topic map',
    schema: topicMapSchema,
    schemaFile: 'src/schemas/topics.ts',
    valid: () => ({ 'a-doc': { s1: ['jiceng'] }, 'b-doc': { s2: ['jiceng'] } }),
    breakIt: (d) => {
      d['b-doc'].s2 = [];
    },
    field: 'b-doc.s2',
    marker: '"s2": []',
  },
  {
    name: 'relations',
    schema: relationsSchema,
    schemaFile: 'src/schemas/topics.ts',
    valid: () => [{ id: 'g', topic: 'jiceng', label: '家庭医生', clauses: ['a-doc#s1', 'b-doc#s2'] }],
    breakIt: (d) => {
      d[0].clauses[1] = 'b-doc s2';
    },
    field: '0.clauses.1',
    marker: '"b-doc s2"',
  },
  {
    name: 'targets',
    schema: targetsSchema,
    schemaFile: 'src/schemas/targets.ts',
    valid: () => json(CONTENT.targets),
    breakIt: (d) => {
      d[0].comparison = 'more';
    },
    field: '0.comparison',
    marker: '"comparison": "more"',
  },
  {
    name: 'glossary entry',
    schema: glossaryEntrySchema,
    schemaFile: 'src/schemas/glossary.ts',
    valid: () => json(firstJson(CONTENT.glossary)),
    breakIt: (d) => {
      d.category = '其他';
    },
    field: 'category',
    marker: '"category": "其他"',
  },
  {
    name: 'agency names',
    schema: agencyNamesSchema,
    schemaFile: 'src/schemas/agency-names.ts',
    valid: () => json(CONTENT.agencyNames),
    breakIt: (d) => {
      d.forms[0].id = 'Wei Jian';
    },
    field: 'forms.0.id',
    marker: '"id": "Wei Jian"',
  },
  {
    name: 'rejected similar pairs',
    schema: similarRejectedSchema,
    schemaFile: 'src/schemas/similar.ts',
    valid: () => ({ rejected: [{ pair: ['a-doc#s1', 'b-doc#s2'], reason: '测试：不相关' }] }),
    breakIt: (d) => {
      d.rejected[0].reason = '';
    },
    field: 'rejected.0.reason',
    marker: '"reason": ""',
  },
  {
    name: 'glossary occurrences and references (data.rendering)',
    schema: renderedDataSchema,
    schemaFile: 'src/schemas/rendering.ts',
    valid: () => ({
      glossaryOccurrences: [{ term: 'drg', anchor: 's2', form: 'DRG', snippet: '推进DRG付费' }],
      references: [{ cid: 'c-1', title: '某方案', anchor: 's1' }],
    }),
    breakIt: (d) => {
      d.references[0].anchor = 7;
    },
    field: 'references.0.anchor',
    marker: '"anchor": 7',
  },
];

describe('every kind of data file: a broken one names the file, the line and the field', () => {
  test.each(kinds)('$name', (k) => {
    const valid = k.valid();
    expect(() => checkJson(JSON.stringify(valid, null, 2), 'ok.json', k.schema, k.schemaFile)).not.toThrow();
    const broken = structuredClone(valid);
    k.breakIt(broken);
    const text = JSON.stringify(broken, null, 2);
    const file = join(tmp('data-'), 'broken.json');
    writeFileSync(file, text);
    const line = lineWith(text, k.marker);
    expect(line).toBeGreaterThan(0);
    let error: unknown;
    try {
      readJsonFile(file, k.schema, k.schemaFile);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as DataFileError).file).toBe(file);
    expect((error as DataFileError).line).toBe(line);
    expect((error as Error).message).toMatch(
      new RegExp(`^${esc(file)}:${line}: ${esc(k.field)}: [^\\n]+\\n  hint: See ${esc(k.schemaFile)}`),
    );
  });

  test('clause data names the regeneration as the fix, not an edit', () => {
    const dir = tmp('clauses-');
    const file = join(dir, 'doc.json');
    writeFileSync(file, JSON.stringify([{ id: 'S1', kind: 'para', cite: '第1段', text: '正文' }], null, 2));
    expect(() => readClauseData(file)).toThrow(
      /doc\.json:3: 0\.id: an anchor is lower-case[\s\S]*hint: Clause data is written by `npm run ingest`/,
    );
  });

  test('a policy frontmatter names the line of the file, counting the opening ---', () => {
    const dir = tmp('policies-');
    const real = readFileSync(
      join(
        CONTENT.policies,
        readdirSync(CONTENT.policies)
          .filter((f) => f.endsWith('.mdx'))
          .sort()[0],
      ),
      'utf8',
    );
    const [, fm, rest] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(real)!;
    const data = JSON.parse(fm);
    data.year = 'recent';
    const text = JSON.stringify(data, null, 2);
    const file = join(dir, 'doc.mdx');
    writeFileSync(file, `---\n${text}\n---\n${rest}`);
    expect(() => readPolicyFrontmatter(file)).toThrow(
      new RegExp(`doc\\.mdx:${lineWith(text, '"year": "recent"') + 1}: year: [\\s\\S]*hint: Change ingest/manifests/`),
    );
  });
});

describe('the files ingest and the curation tools write keep their contracts', () => {
  test('every clause data file and cleaning report parses with its schema', () => {
    for (const f of readdirSync(CONTENT.clauses).filter((x) => x.endsWith('.json')))
      expect(() => readClauseData(join(CONTENT.clauses, f))).not.toThrow();
    for (const f of readdirSync(CONTENT.reports).filter((x) => x.endsWith('.json')))
      expect(() => readJsonFile(join(CONTENT.reports, f), cleaningReportSchema, 'src/schemas/report.ts')).not.toThrow();
  });
  test('the curation report (npm run curate -- json) is what its schema says', () => {
    const report = buildCurationReport();
    expect(curationReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(JSON.parse(JSON.stringify(report)));
  });
});

describe('content paths come from the project, not the working directory', () => {
  test('the project root holds package.json and src/content, and the paths are under it', () => {
    expect(readdirSync(PROJECT_ROOT)).toEqual(expect.arrayContaining(['package.json', 'src']));
    expect(CONTENT.targets).toBe(join(PROJECT_ROOT, 'src', 'content', 'targets.json'));
    expect(projectPaths('/lib').clauseFile('x')).toBe('/lib/src/content/clauses/x.json');
    expect(contentFiles('/c').glossaryFile('drg')).toBe('/c/glossary/drg.json');
  });

  test('the loaders started from another directory read this project', () => {
    const elsewhere = tmp('cwd-');
    const url = (p: string) => pathToFileURL(join(PROJECT_ROOT, p)).href;
    const script = `
      import { loadTopicData } from ${JSON.stringify(url('src/lib/topics/load.ts'))};
      import { loadGlossary } from ${JSON.stringify(url('src/lib/glossary/load.ts'))};
      import { loadTargets } from ${JSON.stringify(url('src/lib/targets.ts'))};
      import { agencyReview } from ${JSON.stringify(url('src/lib/agencies/review.ts'))};
      const data = loadTopicData();
      console.log(JSON.stringify({ cwd: process.cwd(), docs: [...data.clauses.keys()], topics: data.topics.length, glossary: loadGlossary().length, targets: loadTargets().length, review: agencyReview().length }));
    `;
    const r = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/node'), ['--input-type=module', '-e', script], {
      cwd: elsewhere,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.cwd).toBe(elsewhere);
    expect(out.docs).toEqual(
      readdirSync(CONTENT.clauses)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.replace(/\.json$/, ''))
        .sort(),
    );
    expect(out.topics).toBe(readdirSync(CONTENT.topics).filter((f) => f.endsWith('.json')).length);
    expect(out.glossary).toBe(readdirSync(CONTENT.glossary).filter((f) => f.endsWith('.json')).length);
    expect(out.targets).toBe(json(CONTENT.targets).length);
    expect(out.review).toBeGreaterThanOrEqual(0);
  });
});
