#!/usr/bin/env node
import { main } from '../dist/cli.js'

process.stdout.on('error', e => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0) })
process.exitCode = await main(process.argv.slice(2))
