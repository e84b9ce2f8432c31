import { readFileSync } from 'node:fs'
import { packageFile } from './paths.js'

/** riskcheck's version, from its package.json. */
export const VERSION: string = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')).version
