// Files of the installed package (package.json, build/riskcheck.wasm), found from this module whether it
// runs from dist/ (dist/paths.js) or from the CLI bundle (dist/cli/riskcheck.mjs).
import { readFileSync } from 'node:fs'

/** The folder whose package.json is riskcheck's (another program that bundles riskcheck has its own), if found. */
export const PACKAGE_ROOT = ['../', '../../'].map(up => new URL(up, import.meta.url)).find(isRiskcheck) ?? null
const ROOT = PACKAGE_ROOT ?? new URL('../', import.meta.url)

function isRiskcheck(root: URL): boolean {
  try {
    return JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).name === 'riskcheck'
  } catch {
    return false
  }
}

/** The URL of `path` in the package, e.g. packageFile('build/riskcheck.wasm'). */
export function packageFile(path: string): URL {
  return new URL(path, ROOT)
}
