// The report of a run in HTML, Markdown or JSON, in English, Dutch or French: renderReport() and what it needs.
import type { AnonymiseResult } from '../anonymise/index.js'
import { RiskcheckError } from '../errors.js'
import type { RiskResult } from '../types.js'
import { reportDocument } from './document.js'
import { renderHtml } from './html.js'
import { LANGS } from './i18n.js'
import type { Lang } from './i18n.js'
import { renderMarkdown } from './markdown.js'
import { buildReport } from './model.js'
import type { Report, ReportContext } from './model.js'

export { buildReport, hideSmall, REPORT_FORMAT } from './model.js'
export type { Report, ReportContext, SmallClass } from './model.js'
export { LANGS } from './i18n.js'
export type { Lang } from './i18n.js'

export type ReportFormat = 'html' | 'md' | 'json'
export const REPORT_FORMATS: ReportFormat[] = ['html', 'md', 'json']

export interface ReportOptions extends ReportContext {
  format: ReportFormat
  /** Language of the HTML and Markdown reports (default en); the JSON report has none. */
  lang?: Lang
}

/**
 * The report of an analysis or of an analysis with a proposal, as text in `format`.
 * @example writeFileSync('report.html', renderReport(anonymise(table, { k: 5 }), { format: 'html', lang: 'nl' }))
 */
export function renderReport(result: AnonymiseResult | RiskResult | Report, options: ReportOptions): string {
  const report = 'format' in result && 'verdict' in result ? result : buildReport(result, options)
  return renderBuilt(report, options.format, options.lang ?? 'en')
}

function renderBuilt(report: Report, format: ReportFormat, lang: Lang): string {
  if (!LANGS.includes(lang)) throw new RiskcheckError('E_OPTION', `the report language must be en, nl or fr, got ${JSON.stringify(lang)}`)
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n'
  const doc = reportDocument(report, lang)
  if (format === 'html') return renderHtml(doc)
  if (format === 'md') return renderMarkdown(doc)
  throw new RiskcheckError('E_OPTION', `the report format must be html, md or json, got ${JSON.stringify(format)}`)
}

/** The format a report file's name asks for: .html/.htm, .md/.markdown or .json. */
export function reportFormatOf(path: string): ReportFormat {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase()
  const format = ext === 'htm' || ext === 'html' ? 'html' : ext === 'md' || ext === 'markdown' ? 'md' : ext === 'json' ? 'json' : null
  if (!format) {
    throw new RiskcheckError('E_OPTION', `--report ${path}: the format follows the extension, and it must be .html, .md or .json`)
  }
  return format
}
