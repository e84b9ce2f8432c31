import { readFileSync } from 'node:fs'
import { PACKAGE_ROOT, packageFile } from './paths.js'

/** riskcheck's version, from its package.json ("unknown" when riskcheck is bundled into another program). */
export const VERSION: string = PACKAGE_ROOT ? JSON.parse(readFileSync(packageFile('package.json'), 'utf8')).version : 'unknown'
