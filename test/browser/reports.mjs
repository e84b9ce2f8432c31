#!/usr/bin/env node
// npm run test:browser: makes the HTML reports of the bundled datasets (three languages, and one that reveals
// small cells) in build/browser/, then checks each in headless Chromium with check-report.mjs, which saves a
// PNG screenshot and an A4 PDF of each beside it. Needs a built riskcheck (npm run build) and /usr/bin/chromium.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const out = 'build/browser'
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
const adultHierarchies = ['sex', 'age', 'race', 'marital-status', 'education', 'native-country', 'workclass', 'occupation']
  .flatMap(c => ['--hierarchy', `${c}=datasets/hierarchies/adult/adult_hierarchy_${c}.csv`])
const runs = [
  ...['en', 'nl', 'fr'].map(lang => [`care-extract.${lang}.html`, 'datasets/care-extract.arrow', '--k', '5', '--max-suppression', '1%', '--lang', lang]),
  ['care-extract.reveal.html', 'datasets/care-extract.arrow', '--k', '5', '--no-propose', '--reveal-small-cells'],
  ['adult.en.html', 'datasets/adult.arrow', '--k', '5', ...adultHierarchies],
]
for (const [name, ...args] of runs) {
  // exit 1 (thresholds not met) is expected; anything else stops here
  try {
    execFileSync(process.execPath, ['bin/riskcheck.js', ...args, '--report', join(out, name)], { stdio: ['ignore', 'ignore', 'inherit'] })
  } catch (e) {
    if (e.status !== 1) process.exit(2)
  }
}
const check = spawnSync(process.execPath, ['test/browser/check-report.mjs', '--screenshots', out, ...runs.map(([name]) => join(out, name))],
  { stdio: 'inherit' })
process.exit(check.status ?? 2)
