/**
 * Lighthouse scores of the built site's key pages (scripts/lib/lighthouse.ts),
 * one JSON line per page and preset.
 *
 *   node scripts/lighthouse.ts [--desktop]
 */
import { parseArgs } from 'node:util';
import { runLighthouse } from './lib/lighthouse.ts';

const { values } = parseArgs({ options: { desktop: { type: 'boolean', default: false } } });
const res = await runLighthouse({ presets: values.desktop ? ['mobile', 'desktop'] : ['mobile'] });
for (const r of res) console.log(JSON.stringify(r));
