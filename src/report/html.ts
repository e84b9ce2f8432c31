// A report document -> one self-contained HTML page: no script, font or image from elsewhere, the chart as
// inline SVG, print CSS for A4 (each section on a new page, table rows never cut, headers repeated).
import type { Block, Document } from './document.js'

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1b1b1b; margin: 0 auto; padding: 16px; max-width: 794px; }
h1 { font-size: 18pt; margin: 0 0 2px; }
h2 { font-size: 14pt; border-bottom: 2px solid #1b1b1b; padding-bottom: 2px; margin: 24px 0 8px; }
h3 { font-size: 11pt; margin: 16px 0 6px; break-after: avoid; }
p, ul { margin: 6px 0; }
.subtitle { color: #555; margin: 0 0 12px; overflow-wrap: anywhere; }
.notice { border: 2px solid #b00020; background: #fff4f4; padding: 8px 10px; font-weight: 600; }
.formula { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 9pt;
  background: #f4f4f4; padding: 4px 6px; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 9.5pt; }
th, td { border-bottom: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
td:first-child, th { overflow-wrap: break-word; }
th { border-bottom: 1.5px solid #1b1b1b; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; overflow-wrap: normal; }
svg { display: block; width: 100%; height: auto; margin: 6px 0; }
svg text { font: 11px system-ui, Arial, sans-serif; fill: #1b1b1b; }
@page { size: A4; margin: 15mm; }
@media print {
  body { padding: 0; max-width: none; }
  section + section { break-before: page; }
  tr, .notice, svg, .formula { break-inside: avoid; }
  thead { display: table-header-group; }
}
`

const escape = (text: string) => text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c] as string))

/** The HTML page of a document. */
export function renderHtml(doc: Document): string {
  const sections = doc.sections.map(s =>
    `<section id="${s.id}">\n<h2>${escape(s.title)}</h2>\n${s.blocks.map(block).join('\n')}\n</section>`)
  return `<!DOCTYPE html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(doc.title)} - ${escape(doc.subtitle)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escape(doc.title)}</h1>
<p class="subtitle">${escape(doc.subtitle)}</p>
</header>
${sections.join('\n')}
</body>
</html>
`
}

function block(b: Block): string {
  switch (b.kind) {
    case 'p': return `<p>${escape(b.text)}</p>`
    case 'notice': return `<p class="notice">${escape(b.text)}</p>`
    case 'h3': return `<h3>${escape(b.text)}</h3>`
    case 'formula': return `<p class="formula">${escape(b.text)}</p>`
    case 'list': return `<ul>\n${b.items.map(i => `<li>${escape(i)}</li>`).join('\n')}\n</ul>`
    case 'table': {
      const cls = (i: number) => b.numeric[i] ? ' class="n"' : ''
      const head = b.head.some(h => h !== '') ? `<thead><tr>${b.head.map((h, i) => `<th${cls(i)}>${escape(h)}</th>`).join('')}</tr></thead>` : ''
      const rows = b.rows.map(r => `<tr>${r.map((c, i) => `<td${cls(i)}>${escape(c)}</td>`).join('')}</tr>`)
      return `<table>${head}<tbody>\n${rows.join('\n')}\n</tbody></table>`
    }
    case 'chart': return chart(b)
  }
}

/** A horizontal bar chart of shares (0 to 1), as inline SVG. */
function chart(b: Extract<Block, { kind: 'chart' }>): string {
  const row = 22
  const left = 120
  const width = 440
  const height = b.bars.length * row + 24
  const bars = b.bars.map((bar, i) => {
    const y = 20 + i * row
    const w = Math.max(0, Math.min(1, bar.share)) * width
    return `<text x="${left - 8}" y="${y + 14}" text-anchor="end">${escape(bar.label)}</text>` +
      `<rect x="${left}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 8}" fill="#3b6ea5"/>` +
      `<text x="${(left + w + 6).toFixed(1)}" y="${y + 14}">${escape(bar.text)}</text>`
  })
  return `<svg viewBox="0 0 ${left + width + 80} ${height}" role="img" aria-label="${escape(b.title)}">` +
    `<text x="0" y="12" font-weight="600">${escape(b.title)}</text>${bars.join('')}</svg>`
}
