#!/usr/bin/env node
// Opens riskcheck HTML reports in headless Chromium and checks that each one is
// a self-contained, printable page that is readable without JavaScript:
//   * loads with JavaScript disabled and the network cut off: any request other
//     than the report file itself (http(s), other local files) is aborted and is
//     a failure, as is any <script src>, <link href> or [src] that is not a
//     data: URI (with JS disabled Chromium never fetches external scripts, so
//     the DOM is checked too);
//   * no console errors and no page errors;
//   * nothing wider than an A4 page on screen (794 px = 210 mm at 96 dpi),
//     and nothing wider than the A4 printable width under print media
//     (680 px = 210 mm - 2 x 15 mm margins);
//   * prints to an A4 PDF (its page count is reported).
// With --screenshots DIR it also saves DIR/<name>.png (full page, screen media)
// and DIR/<name>.pdf. --js loads the page with JavaScript enabled instead.
//
// Usage: node test/browser/check-report.mjs [--js] [--screenshots DIR] REPORT.html...
// Exit status: 0 all files pass, 1 some file fails, 2 usage error or no Chromium.
// Needs a system Chromium (CHROMIUM=path, default /usr/bin/chromium); it never
// downloads a browser.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { basename, extname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'

const SCREEN_WIDTH = 794 // A4 width, 210 mm at 96 px/in
const PRINT_WIDTH = 680 // A4 minus 15 mm margins each side
const A4_HEIGHT = 1123
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']
const USAGE = 'usage: node test/browser/check-report.mjs [--js] [--screenshots DIR] REPORT.html...'

function usageError(message) {
  console.error(`${message}\n${USAGE}`)
  process.exit(2)
}

const files = []
let shotDir = null
let js = false
const argv = process.argv.slice(2)
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--screenshots') {
    shotDir = argv[++i]
    if (!shotDir) usageError('--screenshots needs a directory')
  } else if (argv[i] === '--js') js = true
  else if (argv[i] === '-h' || argv[i] === '--help') { console.log(USAGE); process.exit(0) }
  else if (argv[i].startsWith('-')) usageError(`unknown option ${argv[i]}`)
  else files.push(argv[i])
}
if (files.length === 0) usageError('no report files given')
for (const f of files) if (!existsSync(f)) usageError(`no such file: ${f}`)
if (shotDir) mkdirSync(shotDir, { recursive: true })

// Runs in the page (Playwright's utility world, so it works with page JS off).
// Lists at most 5 outermost elements whose right edge passes `width`.
function measure(width) {
  const describe = (el) => {
    let name = el.tagName.toLowerCase()
    if (el.id) name += `#${el.id}`
    else if (typeof el.className === 'string' && el.className.trim()) name += `.${el.className.trim().split(/\s+/).join('.')}`
    const text = (el.innerText ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)
    return text ? `${name} "${text}"` : name
  }
  // Boxes that stick out, plus elements whose text does (a long <pre> line or
  // an unbroken URL overflows without its box growing); outermost ones only.
  const over = new Set()
  const all = [...(document.body?.querySelectorAll('*') ?? [])]
  for (const el of all) if (el.getBoundingClientRect().right > width + 0.5) over.add(el)
  const walker = document.createTreeWalker(document.body ?? document, NodeFilter.SHOW_TEXT)
  const range = document.createRange()
  for (let node; (node = walker.nextNode()); ) {
    range.selectNodeContents(node)
    if (range.getBoundingClientRect().right > width + 0.5) over.add(node.parentElement)
  }
  const wide = []
  for (const el of all) if (over.has(el) && !wide.some((w) => w.contains(el))) wide.push(el)
  const refs = [...document.querySelectorAll('[src], link[href]')]
    .map((el) => new URL(el.getAttribute('src') ?? el.getAttribute('href'), document.baseURI).href)
    .filter((u) => !u.startsWith('data:'))
  return {
    scrollWidth: document.documentElement.scrollWidth,
    height: Math.ceil(document.documentElement.getBoundingClientRect().height),
    wide: wide.slice(0, 5).map(describe),
    more: Math.max(0, wide.length - 5),
    refs,
  }
}

function overflowFailures(m, width, what) {
  const out = []
  if (m.scrollWidth > width) out.push(`${what}: page is ${m.scrollWidth} px wide, more than ${width} px`)
  for (const w of m.wide) out.push(`${what}: wider than ${width} px: ${w}`)
  if (m.more) out.push(`${what}: ... and ${m.more} more elements wider than ${width} px`)
  return out
}

async function check(browser, file) {
  const url = pathToFileURL(resolve(file)).href
  const failures = []
  const blocked = new Set()
  const context = await browser.newContext({ javaScriptEnabled: js, viewport: { width: SCREEN_WIDTH, height: A4_HEIGHT } })
  try {
    const page = await context.newPage()
    await page.route('**/*', (route) => {
      const u = route.request().url()
      if (u === url || u.startsWith('data:')) return route.continue()
      if (!blocked.has(u)) failures.push(`requests an external resource: ${u}`)
      blocked.add(u)
      return route.abort()
    })
    page.on('console', (msg) => {
      // Our own aborts show up as "Failed to load resource"; they are already reported.
      if (msg.type() === 'error' && !blocked.has(msg.location().url)) failures.push(`console error: ${msg.text()}`)
    })
    page.on('pageerror', (err) => failures.push(`page error: ${err.message}`))
    await page.goto(url, { waitUntil: 'load' })

    const screen = await page.evaluate(measure, SCREEN_WIDTH)
    for (const ref of new Set(screen.refs)) if (!blocked.has(ref)) failures.push(`refers to a non-embedded resource: ${ref}`)
    failures.push(...overflowFailures(screen, SCREEN_WIDTH, 'screen'))
    const name = basename(file, extname(file))
    if (shotDir) await page.screenshot({ path: join(shotDir, `${name}.png`), fullPage: true })

    await page.emulateMedia({ media: 'print' })
    await page.setViewportSize({ width: PRINT_WIDTH, height: A4_HEIGHT })
    failures.push(...overflowFailures(await page.evaluate(measure, PRINT_WIDTH), PRINT_WIDTH, 'print'))
    const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } })
    if (shotDir) writeFileSync(join(shotDir, `${name}.pdf`), pdf)
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0
    return { failures, height: screen.height, pages }
  } finally {
    await context.close()
  }
}

let browser
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
} catch (err) {
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium is missing at ${CHROMIUM}. Install it with \`apt-get install chromium\` or set CHROMIUM=/path/to/chromium.`)
  } else {
    console.error(`cannot launch Chromium at ${CHROMIUM}: ${err.message.split('\n')[0]}`)
  }
  process.exit(2)
}

let failed = 0
try {
  for (const file of files) {
    let result
    try {
      result = await check(browser, file)
    } catch (err) {
      result = { failures: [`could not be checked: ${err.message.split('\n')[0]}`] }
    }
    if (result.failures.length === 0) {
      console.log(`ok  ${file} (${result.height} px high, ${result.pages} pdf page${result.pages === 1 ? '' : 's'})`)
    } else {
      failed++
      console.log(`FAIL ${file}:`)
      for (const f of result.failures) console.log(`    ${f}`)
    }
  }
} finally {
  await browser.close()
}
process.exit(failed ? 1 : 0)
