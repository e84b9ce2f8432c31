// The command line: argv -> analyse(), and anonymise() when the thresholds are not met -> text or JSON on
// stdout, the coded table with --out, reports with --report; exit 0 (met, or coded table written), 1 (not
// met), 2 (bad usage or input).
import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Table } from 'apache-arrow'
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { analyse, DEFAULT_K } from './analyse.js'
import { anonymise } from './anonymise/index.js'
import { riskDrivers } from './anonymise/drivers.js'
import type { AnonymiseResult, Policy } from './anonymise/index.js'
import { parseShare, readPolicy } from './anonymise/policy.js'
import { RiskcheckError } from './errors.js'
import type { HierarchySpec } from './hierarchy/index.js'
import { readCsvSchema } from './input/csv.js'
import { inputFormat, readTable } from './input/read.js'
import { loadKernels } from './kernels/wasm/index.js'
import { defaultThreads, prestartWorkers } from './kernels/wasm/team.js'
import { fileFacts } from './input/facts.js'
import { METRICS } from './lattice/metrics.js'
import type { Metric } from './lattice/metrics.js'
import { checkOutput, writeArrow, writeText } from './output/write.js'
import { frequencyFile, mergeFrequencyFiles } from './frequency-file.js'
import type { FrequencyRecord } from './frequency-file.js'
import { FREQUENCIES_KEY } from './records.js'
import { DIALECTS, sqlQuery } from './sql.js'
import { streamFrequencyFile } from './streaming.js'
import type { AnalyseOptions } from './analyse.js'
import type { Dialect } from './sql.js'
import { LANGS, renderReport, reportFormatOf } from './report/index.js'
import type { Lang } from './report/index.js'
import { renderDrivers, renderProposal } from './report/proposal.js'
import { renderText, shellWord } from './report/text.js'
import { terminalProgress } from './progress.js'
import type { Progress } from './progress.js'
import { smallClasses } from './small-classes.js'
import type { LCriterion, RiskResult } from './types.js'
import { VERSION } from './version.js'

/** Where the CLI writes; tests pass their own. */
export interface Io {
  out(text: string): void
  err(text: string): void
  /** The time a report is stamped with (default: now); tests fix it. */
  now?(): Date
  /** Where long work shows its progress (not with --json); default: nowhere. */
  progress?: Progress
}

const processIo: Io = {
  out: t => process.stdout.write(t),
  err: t => process.stderr.write(t),
  // only on a terminal: a pipeline reading stderr gets no control characters
  progress: process.stderr.isTTY ? terminalProgress(t => process.stderr.write(t)) : undefined,
}

/** Exit codes: thresholds met, not met, bad usage or input. */
export const EXIT = { met: 0, notMet: 1, usage: 2 } as const

interface CliOptions {
  k?: number
  qi?: string[]
  sensitive?: string[]
  l?: number
  lCriterion?: LCriterion
  c?: number
  json?: boolean
  maxSuppression?: string
  hierarchy: [string, string][]
  policy?: string
  metric?: Metric
  out?: string
  force?: boolean
  suppress?: 'remove' | 'mark'
  propose: boolean
  strict?: boolean
  drivers?: boolean
  drop?: string[]
  tCloseness?: boolean
  t?: number
  person?: string
  history?: boolean
  samplingFraction?: string
  counts?: string
  weight?: string
  delimiter?: string
  encoding?: string
  decimalComma?: boolean
  schema?: string
  stream?: boolean
  threads?: number
  population?: string
  report: string[]
  lang: Lang
  revealSmallCells?: boolean
}

/** Run riskcheck with the arguments after the program name; resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code: number = EXIT.usage
  const program = makeProgram(io, c => { code = c }, ['riskcheck', ...argv].map(shellWord).join(' '))
  try {
    await program.parseAsync(argv, { from: 'user' })
    return code
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT.usage
    if (e instanceof RiskcheckError) {
      io.err(`riskcheck: ${e.message}${e.hint ? ` (hint: ${e.hint})` : ''}\n`)
      return EXIT.usage
    }
    io.err(`riskcheck: internal error, please report it as a bug:\n${(e as Error).stack ?? e}\n`)
    return EXIT.usage
  }
}

/** The commander program; `done` receives the exit code of a completed analysis; `command` is how it was called. */
export function makeProgram(io: Io, done: (code: number) => void, command = 'riskcheck'): Command {
  const program = new Command('riskcheck')
    .description('Measure the re-identification risk of coded microdata in an Arrow, Parquet or CSV file and, when a threshold ' +
      'is not met, propose the generalisation of least information loss that meets it.')
    .version(VERSION)
    .argument('<file>', 'Arrow IPC file (.arrow, .feather) or stream (.arrows), Parquet file, or CSV (.csv, .tsv, .txt)')
    .option('--delimiter <char>', 'CSV: the field delimiter: , ; | or tab (default: detected)')
    .option('--encoding <name>', 'CSV: the character encoding (default: utf-8; latin1, windows-1252, ...)')
    .option('--decimal-comma', 'CSV: numbers are written 1,5')
    .option('--schema <file.json>', 'CSV: the types of some columns, {"column": "string|int|float|date|bool"}')
    .option('--k <n>', `smallest acceptable class size (default: ${DEFAULT_K})`, wholeNumber('k'))
    .option('--qi <columns>', 'quasi-identifier columns, comma-separated (default: from the file, see README)', columnList)
    .option('--sensitive <columns>', 'sensitive columns, comma-separated', columnList)
    .option('--l <n>', 'smallest acceptable l-diversity of every sensitive column (joins the verdict)', wholeNumber('l'))
    .addOption(new Option('--l-criterion <kind>', 'which l-diversity --l is checked against (default: distinct)')
      .choices(['distinct', 'entropy', 'recursive']))
    .option('--c <number>', 'the c of recursive (c,l)-diversity (with --l-criterion recursive)', positiveNumber)
    .option('--max-suppression <share>', 'records the proposal may remove, as a share or percentage: 0.01 or 1% (default: 0)')
    .addOption(new Option('--hierarchy <column=file.csv>', 'generalisation hierarchy of a quasi-identifier in ARX CSV ' +
      'format (repeatable)').argParser(hierarchyOption).default([], 'see README'))
    .option('--policy <file.json>', 'roles, thresholds, suppression limit, metric and hierarchies (flags override it)')
    .addOption(new Option('--metric <metric>', 'information loss the proposal minimises (default: loss)')
      .choices(METRICS))
    .option('--out <file.arrow>', 'write the coded table (the input is never overwritten; .arrows: stream format)')
    .option('--force', 'let --out replace an existing file')
    .option('--drop <columns>', 'columns to leave out of the --out table (not quasi-identifiers or sensitive ones), comma-separated', columnList)
    .addOption(new Option('--suppress <how>', 'what --out does with suppressed records (default: remove)')
      .choices(['remove', 'mark']))
    .option('--no-propose', 'measure only: no generalisation search')
    .option('--strict', 'refuse a file with a column that looks like an identifier (national number, hash, ...)')
    .option('--person <column>', 'the column naming the person of each row (several rows per person): classes count distinct persons')
    .option('--history', "with --person: each person's set of quasi-identifier tuples over their rows as one quasi-identifier")
    .option('--stream', 'read an Arrow file or stream batch by batch: memory grows with the combinations, not the rows ' +
      '(roles from --qi or the metadata; no --out)')
    .option('--counts <column>', 'the file is a frequency table: each row a combination, this column its records ' +
      '(a file made by riskcheck freq or merge says so itself)')
    .option('--sampling-fraction <share>', 'the file is a sample of this share of the population (0.025 or 2.5%): population uniques and individual risk')
    .option('--weight <column>', 'the column of sampling weights (each record stands for that many persons)')
    .option('--population <file.arrow>', 'population counts per combination of some quasi-identifiers: journalist and marketer risk')
    .option('--drivers', 'what drives the risk: sample uniques with each quasi-identifier left out, or one level coarser')
    .option('--t-closeness', 'measure the t-closeness of each sensitive column (equal, ordered and hierarchical distance)')
    .option('--t <number>', 'largest acceptable t-closeness of every sensitive column, 0 to 1 (joins the verdict and the search)', share('t'))
    .addOption(new Option('--report <file>', 'write a report for reviewers: .html, .md or .json (repeatable)')
      .argParser(reportOption).default([], 'none'))
    .addOption(new Option('--lang <language>', 'language of the reports').choices(LANGS).default('en'))
    .option('--reveal-small-cells', 'let the reports show combinations with fewer than k records (the report says so first)')
    .option('--threads <n>', THREADS_HELP, threadCount)
    .option('--json', 'print one JSON object instead of the summary')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(`riskcheck: ${text}`) })
    .action(async (file: string, o: CliOptions) => done(await run(file, o, io, command)))
  // the subcommands have options of their own (--out, --qi): the program's are read before the subcommand only
  program.enablePositionalOptions()
  addFrequencyCommands(program, io, done)
  return program
}

/** riskcheck freq, merge and sql: frequency tables made here, or by a SQL engine. */
function addFrequencyCommands(program: Command, io: Io, done: (code: number) => void): void {
  program.command('freq')
    .description('write the frequency table of a file: one row per combination of its quasi-identifier and sensitive ' +
      'columns, with its records (analyse it, search a coding on it, or merge it with others)')
    .argument('<file>', 'Arrow IPC file or stream, Parquet or CSV file (or a frequency table, counted again)')
    .option('--qi <columns>', 'quasi-identifier columns, comma-separated (default: from the file)', columnList)
    .option('--sensitive <columns>', 'sensitive columns, comma-separated', columnList)
    .option('--counts <column>', 'the input is itself a table of combinations with their records in this column')
    .option('--stream', 'read an Arrow file or stream batch by batch: memory grows with the combinations, not the rows')
    .option('--delimiter <char>', 'CSV: the field delimiter: , ; | or tab (default: detected)')
    .option('--encoding <name>', 'CSV: the character encoding (default: utf-8; latin1, windows-1252, ...)')
    .option('--decimal-comma', 'CSV: numbers are written 1,5')
    .option('--schema <file.json>', 'CSV: the types of some columns, {"column": "string|int|float|date|bool"}')
    .requiredOption('--out <file.arrow>', 'the frequency table to write')
    .option('--force', 'let --out replace an existing file')
    .option('--threads <n>', THREADS_HELP, threadCount)
    .action(async (file: string, o: CsvFlags & { qi?: string[]; sensitive?: string[]; counts?: string; out: string; force?: boolean; threads?: number }) => {
      checkOutput(o.out, { input: file, force: o.force })
      const options = { qi: o.qi, sensitive: o.sensitive, counts: o.counts, source: file, kernels: kernelsFor(file, o.threads) }
      const table = o.stream ? await streamed(file, o, options, io) : frequencyFile(inputOf(file, o), options)
      writeArrow(table, o.out, { input: file, force: o.force })
      io.out(`${table.numRows.toLocaleString('en-US')} combinations of ${describeFrequencies(table)} written to ${o.out}.\n`)
      done(EXIT.met)
    })
  program.command('merge')
    .description('merge frequency tables (made by riskcheck freq from files of the same columns) into one')
    .argument('<files...>', 'frequency tables')
    .requiredOption('--out <file.arrow>', 'the merged frequency table to write')
    .option('--force', 'let --out replace an existing file')
    .action((files: string[], o: { out: string; force?: boolean }) => {
      for (const file of files) checkOutput(o.out, { input: file, force: o.force })
      const table = mergeFrequencyFiles(files.map(file => ({ table: readTable(file), name: file })))
      writeArrow(table, o.out, { force: o.force })
      io.out(`${files.length} frequency tables merged: ${table.numRows.toLocaleString('en-US')} combinations of ` +
        `${describeFrequencies(table)} written to ${o.out}.\n`)
      done(EXIT.met)
    })
  program.command('sql')
    .description('print the GROUP BY query that computes the frequency table inside a SQL engine; analyse its result ' +
      'with --counts count')
    .addOption(new Option('--dialect <dialect>', 'the SQL engine').choices(DIALECTS).makeOptionMandatory())
    .requiredOption('--table <table>', "the table as the engine names it (inserted as written, e.g. read_parquet('x.parquet'))")
    .requiredOption('--qi <columns>', 'quasi-identifier columns, comma-separated', columnList)
    .option('--sensitive <columns>', 'sensitive columns, comma-separated', columnList)
    .action((o: { dialect: Dialect; table: string; qi: string[]; sensitive?: string[] }) => {
      io.out(sqlQuery({ dialect: o.dialect, table: o.table, quasiIdentifiers: o.qi, sensitive: o.sensitive }))
      done(EXIT.met)
    })
}

/** The frequency table of an Arrow file read batch by batch (--stream); the CSV options do not apply. */
function streamed(file: string, o: CsvFlags, options: AnalyseOptions, io: Io): Promise<Table> {
  if (o.delimiter !== undefined || o.encoding !== undefined || o.decimalComma || o.schema !== undefined) {
    throw new RiskcheckError('E_OPTION', '--stream reads Arrow IPC, and the CSV options are given', 'leave out --stream for CSV')
  }
  return streamFrequencyFile(file, options, o.json ? undefined : io.progress)
}

/** How CSV is read (--delimiter, --encoding, --decimal-comma, --schema). */
interface CsvFlags { delimiter?: string; encoding?: string; decimalComma?: boolean; schema?: string; stream?: boolean; json?: boolean }

/** The table in `file`, Arrow, Parquet or CSV; the CSV options are refused for the others. */
function inputOf(file: string, o: CsvFlags): Table {
  const given = (['delimiter', 'encoding', 'decimalComma', 'schema'] as const).filter(k => o[k] !== undefined)
  if (given.length && inputFormat(file) !== 'csv') {
    const flag = `--${given[0].replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)}`
    throw new RiskcheckError('E_OPTION', `${flag} is about CSV, and ${file} is ${inputFormat(file) === 'arrow' ? 'Arrow' : 'Parquet'}`,
      `leave out ${flag}`)
  }
  const delimiter = o.delimiter === 'tab' ? '\t' : o.delimiter
  return readTable(file, { delimiter, encoding: o.encoding, decimalComma: o.decimalComma, name: file,
    schema: o.schema === undefined ? undefined : readCsvSchema(o.schema) })
}

/** "20,000 records (birth_year, sex; sensitive: care_decision)" from a frequency table's metadata. */
function describeFrequencies(table: Table): string {
  const record = JSON.parse(table.schema.metadata.get(FREQUENCIES_KEY) as string) as FrequencyRecord
  return `${record.rows.toLocaleString('en-US')} records (${record.quasiIdentifiers.join(', ')}` +
    `${record.sensitive.length ? `; sensitive: ${record.sensitive.join(', ')}` : ''})`
}

/** Analyse `file` (and propose and write a coding when asked); returns the exit code. */
async function run(file: string, o: CliOptions, io: Io, command: string): Promise<number> {
  const policy = policyOf(file, o, io)
  if (!o.propose && o.out) throw new RiskcheckError('E_OPTION', '--out writes the coded table, which --no-propose does not make')
  if (o.drop && !o.out) throw new RiskcheckError('E_OPTION', '--drop leaves columns out of the table written with --out, and there is no --out')
  if (o.revealSmallCells && o.report.length === 0) throw new RiskcheckError('E_OPTION', '--reveal-small-cells is about the reports, and there is no --report')
  if (o.out) checkOutput(o.out, { input: file, force: o.force })
  for (const path of o.report) checkOutput(path, { input: file, force: o.force, flag: '--report' })
  if (o.out && o.report.some(path => resolve(path) === resolve(o.out as string))) {
    throw new RiskcheckError('E_OPTION', `${o.out} is given to both --out and --report`)
  }
  if (o.stream && o.out) {
    throw new RiskcheckError('E_OPTION', '--stream keeps the combinations, not the rows: --out would write a coded frequency table',
      'leave out --stream to write the coded rows, or code the frequency table: riskcheck freq FILE --stream --out F, then riskcheck F --out')
  }
  const table = o.stream ? await streamed(file, o, policy, io) : inputOf(file, o)
  const result = o.propose ? anonymise(table, policy) : analyse(table, policy)
  const before = 'before' in result ? result.before : result
  const drivers = o.drivers || o.report.length ? riskDrivers(table, policy, before) : undefined
  const written = 'before' in result && o.out && dropColumns(result.table ?? (result.reason === 'met' ? table : null), o.drop, before, file)
  if (o.out && written) writeArrow(written, o.out, { input: file, force: o.force })
  const out = written ? o.out : undefined
  if (o.report.length) {
    const context = {
      input: fileFacts(file), command, generated: io.now?.() ?? new Date(), drivers,
      smallClasses: o.revealSmallCells ? smallClasses(table, before) : undefined,
    }
    for (const path of o.report) {
      writeText(path, renderReport(result, { ...context, format: reportFormatOf(path), lang: o.lang }),
        { input: file, force: o.force, flag: '--report' })
    }
  }
  const shownDrivers = o.drivers ? drivers : undefined
  if (o.json) {
    const json = 'before' in result ? jsonOf(result, out) : result
    io.out(JSON.stringify({ ...json, drivers: shownDrivers, reports: o.report }, null, 2) + '\n')
  } else {
    io.out([renderText(before) + renderDrivers(shownDrivers), 'before' in result ? renderProposal(result, out) : '',
      'before' in result ? outputLine(result, o.out) : '', ...o.report.map(path => `Report written to ${path}.\n`)]
      .filter(Boolean).join('\n'))
  }
  const met = before.meetsThreshold || ('before' in result && out && result.after?.meetsThreshold)
  return met ? EXIT.met : EXIT.notMet
}

/** The policy file (if any) with the flags over it; CLI hierarchy paths start from the working directory. */
function policyOf(file: string, o: CliOptions, io: Io): Policy {
  const base: Policy = o.policy ? readPolicy(o.policy) : {}
  const hierarchies: Record<string, HierarchySpec> = { ...base.hierarchies }
  // relative to the working directory, kept as given (reports show it) unless a policy's folder is the base
  for (const [column, path] of o.hierarchy) hierarchies[column] = { kind: 'file', file: o.policy ? resolve(path) : path }
  const given = <T>(flag: T | undefined, fromPolicy: T | undefined) => flag ?? fromPolicy
  return {
    ...base,
    k: given(o.k, base.k) ?? DEFAULT_K, // the policy's maxProsecutorRisk still applies: the larger k wins
    qi: given(o.qi, base.qi),
    sensitive: given(o.sensitive, base.sensitive),
    l: given(o.l, base.l),
    // --l replaces the policy's l, whether one for all columns or one per column
    lByColumn: o.l === undefined ? base.lByColumn : undefined,
    lCriterion: o.lCriterion,
    c: o.c,
    maxSuppression: o.maxSuppression === undefined ? base.maxSuppression : parseShare(o.maxSuppression, '--max-suppression'),
    metric: given(o.metric, base.metric),
    suppress: o.suppress,
    strict: o.strict,
    tCloseness: o.tCloseness,
    t: given(o.t, base.t),
    person: given(o.person, base.person),
    samplingFraction: o.samplingFraction === undefined ? base.samplingFraction : samplingFraction(o.samplingFraction),
    weight: given(o.weight, base.weight),
    counts: o.counts,
    population: o.population === undefined ? undefined : { table: readTable(o.population), name: o.population },
    history: given(o.history, base.history),
    hierarchies,
    source: file,
    progress: o.json ? undefined : io.progress,
    kernels: kernelsFor(file, o.threads),
  }
}

const THREADS_HELP = `threads for large tables (default: the cores, here ${defaultThreads()}, at most 8); the figures do not depend on it`

/** Inputs of this size or more get their worker threads started ahead, while they are read and encoded. */
const PRESTART_BYTES = 4 * 2 ** 20

/** The kernels with --threads (or the default ones); the worker threads of a large `file` start now. */
function kernelsFor(file: string, threads: number | undefined) {
  const workers = (threads ?? defaultThreads()) - 1
  if (workers > 0 && sizeOf(file) >= PRESTART_BYTES) prestartWorkers(workers)
  return threads === undefined ? undefined : loadKernels({ threads })
}

/** The size of `file` in bytes (0 if it cannot be read: reading it will say why). */
function sizeOf(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

/** The table without the --drop columns; a quasi-identifier or sensitive column cannot be dropped (the risk
 * after was measured with it). */
function dropColumns(table: Table | null, drop: string[] | undefined, r: RiskResult, file: string): Table | null {
  if (!table || !drop) return table
  for (const column of drop) {
    if (!table.schema.fields.some(f => f.name === column)) throw new RiskcheckError('E_COLUMN', `--drop: column ${JSON.stringify(column)} not found in ${file}`)
    if (r.quasiIdentifiers.includes(column) || r.sensitive.includes(column)) {
      throw new RiskcheckError('E_OPTION', `--drop: column ${JSON.stringify(column)} is a quasi-identifier or sensitive: the ` +
        'risk figures count it', 'change the roles (--qi, --sensitive) to leave it out of the analysis too')
    }
  }
  return table.select(table.schema.fields.map(f => f.name).filter(name => !drop.includes(name)))
}

/** What became of --out when there was no coding to write. */
function outputLine(r: AnonymiseResult, out: string | undefined): string {
  if (!out || r.transformation) return ''
  return r.reason === 'met' ? `The thresholds are met as the file is: ${out} is an unchanged copy.\n`
    : `Nothing was written to ${out}: there is no coding to write.\n`
}

/** The JSON of a run: the risk of the file as it is, then `proposal` (with `after`) and how it was found. */
function jsonOf(r: AnonymiseResult, out: string | undefined): RiskResult & Record<string, unknown> {
  return {
    ...r.before,
    // `after` names the coded file, as its own analysis will
    proposal: r.transformation && r.after ? { ...r.transformation, after: { ...r.after, source: out ?? null } } : null,
    alternatives: r.alternatives,
    // the search time is left out so that the same command on the same file prints the same JSON
    generalisation: { reason: r.reason, assumptions: r.assumptions, notes: r.notes, ...r.search, milliseconds: undefined },
    output: out ?? null,
  }
}

/** --threads: 1 to 64. */
function threadCount(value: string): number {
  const n = Number(value)
  if (!/^\s*\d+\s*$/.test(value) || n < 1 || n > 64) throw new InvalidArgumentError('threads must be a whole number from 1 to 64.')
  return n
}

function wholeNumber(name: string) {
  return (value: string): number => {
    const n = Number(value)
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
      throw new InvalidArgumentError(`${name} must be a whole number from 1 to 4294967295.`)
    }
    return n
  }
}

function samplingFraction(value: string): number {
  const pi = parseShare(value, '--sampling-fraction')
  if (pi === 0) throw new RiskcheckError('E_OPTION', '--sampling-fraction must be above 0')
  return pi
}

function share(name: string) {
  return (value: string): number => {
    const n = Number(value)
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError(`${name} must be a number from 0 to 1.`)
    return n
  }
}

function positiveNumber(value: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('c must be a number above 0.')
  return n
}

function hierarchyOption(value: string, previous: [string, string][]): [string, string][] {
  const at = value.indexOf('=')
  if (at <= 0 || at === value.length - 1) throw new InvalidArgumentError('give it as COLUMN=FILE.csv, e.g. age=age.csv.')
  const column = value.slice(0, at)
  if (previous.some(([c]) => c === column)) throw new InvalidArgumentError(`column ${JSON.stringify(column)} is given two hierarchies.`)
  return [...previous, [column, value.slice(at + 1)]]
}

function reportOption(value: string, previous: string[]): string[] {
  reportFormatOf(value)
  if (previous.some(p => resolve(p) === resolve(value))) throw new InvalidArgumentError(`${value} is given twice.`)
  return [...previous, value]
}

function columnList(value: string): string[] {
  const names = value.split(',').map(s => s.trim())
  if (names.some(s => s === '')) throw new InvalidArgumentError('give column names separated by commas, without empty names.')
  return names
}
