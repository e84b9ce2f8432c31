#!/usr/bin/env node
// the CLI bundled into one module (npm run build:bundle): Node loads one file instead of some 250
import { main } from '../dist/cli/riskcheck.mjs'

process.stdout.on('error', e => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0) })
process.exitCode = await main(process.argv.slice(2))
