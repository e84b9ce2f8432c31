// The command line: argv -> analyse() -> text or JSON on stdout; exit 0 (met), 1 (not met), 2 (bad usage or input).
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { analyse, DEFAULT_K } from './analyse.js'
import { RiskcheckError } from './errors.js'
import { readArrow } from './input/arrow.js'
import { renderText } from './report/text.js'
import type { LCriterion } from './types.js'
import { VERSION } from './version.js'

/** Where the CLI writes; tests pass their own. */
export interface Io {
  out(text: string): void
  err(text: string): void
}

const processIo: Io = { out: t => process.stdout.write(t), err: t => process.stderr.write(t) }

/** Exit codes: thresholds met, not met, bad usage or input. */
export const EXIT = { met: 0, notMet: 1, usage: 2 } as const

interface CliOptions {
  k: number
  qi?: string[]
  sensitive?: string[]
  l?: number
  lCriterion?: LCriterion
  c?: number
  json?: boolean
}

/** Run riskcheck with the arguments after the program name; resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code: number = EXIT.usage
  const program = makeProgram(io, c => { code = c })
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

/** The commander program; `done` receives the exit code of a completed analysis. */
export function makeProgram(io: Io, done: (code: number) => void): Command {
  return new Command('riskcheck')
    .description('Measure the re-identification risk of coded microdata in an Arrow IPC file.')
    .version(VERSION)
    .argument('<file>', 'Arrow IPC file (.arrow, .feather) or stream (.arrows)')
    .option('--k <n>', 'smallest acceptable class size', wholeNumber('k'), DEFAULT_K)
    .option('--qi <columns>', 'quasi-identifier columns, comma-separated (default: from the file, see README)', columnList)
    .option('--sensitive <columns>', 'sensitive columns, comma-separated', columnList)
    .option('--l <n>', 'smallest acceptable l-diversity of every sensitive column (joins the verdict)', wholeNumber('l'))
    .addOption(new Option('--l-criterion <kind>', 'which l-diversity --l is checked against (default: distinct)')
      .choices(['distinct', 'entropy', 'recursive']))
    .option('--c <number>', 'the c of recursive (c,l)-diversity (with --l-criterion recursive)', positiveNumber)
    .option('--json', 'print one JSON object instead of the summary')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(`riskcheck: ${text}`) })
    .action((file: string, o: CliOptions) => {
      const result = analyse(readArrow(file), {
        k: o.k, qi: o.qi, sensitive: o.sensitive, l: o.l, lCriterion: o.lCriterion, c: o.c, source: file,
      })
      io.out(o.json ? JSON.stringify(result, null, 2) + '\n' : renderText(result))
      done(result.meetsThreshold ? EXIT.met : EXIT.notMet)
    })
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

function positiveNumber(value: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('c must be a number above 0.')
  return n
}

function columnList(value: string): string[] {
  const names = value.split(',').map(s => s.trim())
  if (names.some(s => s === '')) throw new InvalidArgumentError('give column names separated by commas, without empty names.')
  return names
}
