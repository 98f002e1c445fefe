/**
 * npm run curate                       counts per document
 * npm run curate -- list <slug>        that document's suggestions, each with its id
 * npm run curate -- json [<slug>]      the report (or one document's part) as JSON
 * npm run curate -- accept <id> …      accept suggestions: topic:<slug>#<clause>[:<topic>],
 *                                      target:<slug>#<clause>:<hash>, alias:<term>:<variant>
 * Accepting edits src/content/topic-map.json, targets.json or a glossary entry,
 * never a document's text or anchors. Review with git diff, then npm test.
 */
import { buildCurationReport, type DocReport } from '../src/lib/curation/report.ts';
import { accept } from '../src/lib/curation/apply.ts';
import { DataFileError, shownPath } from '../src/lib/data/read-json.ts';

/** A wrong command line: said with a hint, exit code 1. */
const usage = (message: string, hint: string): never => {
  console.error(`${message}\n  hint: ${hint}`);
  process.exit(1);
};

const [cmd = 'summary', ...args] = process.argv.slice(2);
try {
  const report = buildCurationReport();
  const doc = (slug: string): DocReport =>
    report.documents.find((x) => x.slug === slug) ??
    usage(
      `unknown document "${slug}"`,
      `use a slug of src/content/clauses/, e.g. ${report.documents
        .slice(0, 3)
        .map((x) => x.slug)
        .join(', ')}`,
    );

  if (cmd === 'summary') {
    for (const d of report.documents)
      console.log(
        `${d.slug}\ttopics ${d.topics.length}\ttargets ${d.targets.length}\taliases ${d.aliases.length}\tagencies to check ${d.agencies.unresolved.length + d.agencies.pattern.length}`,
      );
  } else if (cmd === 'list') {
    const d = doc(args[0]);
    console.log(`${d.title}\n`);
    for (const t of d.topics)
      console.log(
        `${t.id}\t${t.cite} ${t.title ?? ''}\n\t${t.suggestions.map((s) => `${s.topic}（${s.name}）${s.score}：${s.reasons.slice(0, 3).join('；')}`).join('\n\t')}`,
      );
    for (const t of d.targets)
      console.log(
        `${t.id}\t${t.cite}\t${t.target.status}\t${t.target.indicator}\t${t.target.value}\t${t.target.deadline}`,
      );
    for (const a of d.aliases) console.log(`${a.id}\t${a.term} ← ${a.variant}\t${a.clauses.join(', ')}`);
    for (const a of d.agencies.unresolved)
      console.log(`agency (not in the list)\t${a.name}\t${a.clauses.join(', ')}\n\t${a.hint}`);
    for (const a of d.agencies.pattern)
      console.log(`agency (by pattern)\t${a.name} → ${a.resolved!.name}\t${a.clauses.join(', ')}`);
  } else if (cmd === 'json') {
    console.log(JSON.stringify(args[0] ? doc(args[0]) : report, null, 2));
  } else if (cmd === 'accept') {
    if (!args.length)
      usage(
        'accept needs suggestion ids',
        'e.g. npm run curate -- accept topic:my-doc#s2-1 target:my-doc#s2-1-p1:1a2b3c4d',
      );
    for (const a of accept(report, args)) console.log(`accepted ${a.id}: ${a.what} (${shownPath(a.file)})`);
  } else usage(`unknown command "${cmd}"`, 'Use list, json or accept (see scripts/curate.ts).');
} catch (e) {
  // A broken data file or a suggestion that cannot be accepted: the message says where and what to do.
  if (!(e instanceof DataFileError)) throw e;
  console.error(e.message);
  process.exit(1);
}
