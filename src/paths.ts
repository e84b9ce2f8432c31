// Files of the installed package (package.json, build/riskcheck.wasm), found from this module whether it
// runs from dist/ (dist/paths.js) or from the CLI bundle (dist/cli/riskcheck.mjs).
import { existsSync } from 'node:fs'

const ROOT = ['../', '../../'].map(up => new URL(up, import.meta.url))
  .find(root => existsSync(new URL('package.json', root))) ?? new URL('../', import.meta.url)

/** The URL of `path` in the package, e.g. packageFile('build/riskcheck.wasm'). */
export function packageFile(path: string): URL {
  return new URL(path, ROOT)
}
