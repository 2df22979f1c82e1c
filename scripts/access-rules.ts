/**
 * Writes docs/access-rules.md from the policy registry (`npm run docs:access-rules`), or with `--check`
 * fails when the checked-in file is not what the rules say today (run by `npm test`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resourceKinds } from '../server/core/http/access.js';
import { rulesDocument, type ExamplesOf } from '../server/core/policy/rulesDocument.js';
import { features } from '../server/features/index.js';

const target = fileURLToPath(new URL('../docs/access-rules.md', import.meta.url));

const text = rulesDocument({
  features: features.map((f) => ({
    name: f.name,
    actions: Object.entries(f.policy ?? {}).flatMap(([type, byAction]) => Object.keys(byAction as object).map((action) => ({ type, action }))),
  })),
  examples: Object.fromEntries(resourceKinds().flatMap((k) => (k.examples ? [[k.type, k.examples]] : []))) as Record<string, ExamplesOf>,
});

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch { /* missing counts as out of date */ }
  if (current !== text) {
    console.error('docs/access-rules.md is out of date with the policy: run `npm run docs:access-rules` and commit it.');
    process.exit(1);
  }
  console.log('docs/access-rules.md is current.');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
