// Converts the Adult benchmark (ARX's cleaned adult.csv, ';'-separated) to datasets/adult.arrow.
// Usage: node datasets/scripts/make-adult.js [path/to/adult.csv]
import { readFileSync, writeFileSync } from 'node:fs'
import { Dictionary, Int16, Int8, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow'
import { tableWithRoles } from './arrow-table.js'

const input = process.argv[2] ?? new URL('../../../shared/datasets/adult/adult.csv', import.meta.url).pathname
const [head, ...lines] = readFileSync(input, 'utf8').trim().split(/\r?\n/)
const names = head.split(';')
const rows = lines.map(line => line.split(';'))
const column = j => rows.map(r => r[j])
const text = j => vectorFromArray(column(j), new Dictionary(new Utf8(), new Int8()))

const columns = {}
names.forEach((name, j) => {
  const role = name === 'salary-class' ? 'sensitive' : 'quasi-identifier'
  columns[name] = [name === 'age' ? vectorFromArray(column(j).map(Number), new Int16()) : text(j), role]
})
const out = new URL('../adult.arrow', import.meta.url)
writeFileSync(out, tableToIPC(tableWithRoles(columns), 'file'))
console.log(`wrote ${out.pathname}: ${rows.length} rows, ${names.length} columns`)
