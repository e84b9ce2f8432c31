// ARX hierarchy CSV: one row per original value, ';'-separated (',' when the file has no ';'), no header;
// the first field is the original value, each further field its label at the next coarser level.
// Fields are taken as written (no quoting, no trimming); blank lines are skipped.
import { hierarchyError } from './errors.js'

/** An ARX hierarchy as read: original value -> its labels at levels 1..depth. */
export interface ArxHierarchy {
  source: string
  /** Number of levels after the original (fields per row - 1). */
  depth: number
  rows: Map<string, string[]>
}

/**
 * Read the text of an ARX hierarchy CSV file.
 * @param source the file's name, for error messages
 */
export function readArxHierarchy(text: string, source: string): ArxHierarchy {
  if (text.startsWith('\uFEFF')) text = text.slice(1) // a byte-order mark is not part of the first value
  const separator = text.includes(';') ? ';' : ','
  const rows = new Map<string, string[]>()
  const lineOf = new Map<string, number>()
  let width = -1
  let firstLine = 0
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (line.trim() === '') return
    const fields = line.split(separator)
    if (width < 0) { width = fields.length; firstLine = i + 1 }
    if (fields.length !== width) {
      throw hierarchyError(`${source}:${i + 1}: row has ${fields.length} fields, line ${firstLine} has ${width}`,
        'every row of an ARX hierarchy gives the value at every level')
    }
    const [value, ...levels] = fields
    const seen = lineOf.get(value)
    if (seen !== undefined) throw hierarchyError(`${source}:${i + 1}: value ${JSON.stringify(value)} is already on line ${seen}`)
    lineOf.set(value, i + 1)
    rows.set(value, levels)
  })
  if (width < 0) throw hierarchyError(`${source} has no rows: an ARX hierarchy has one row per value`)
  return { source, depth: width - 1, rows }
}
