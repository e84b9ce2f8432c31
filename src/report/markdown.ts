// A report document -> Markdown (GitHub-flavoured tables); the chart as text bars.
import type { Block, Document } from './document.js'

/** Markdown punctuation in text, escaped so that a value like a_b*c prints as it is. */
const escape = (text: string) => text.replace(/[\\`*_<>[\]|#]/g, c => `\\${c}`)

/** The Markdown of a document. */
export function renderMarkdown(doc: Document): string {
  const parts = [`# ${escape(doc.title)}`, `_${escape(doc.subtitle)}_`]
  for (const s of doc.sections) parts.push(`## ${escape(s.title)}`, ...s.blocks.map(block))
  return parts.join('\n\n') + '\n'
}

function block(b: Block): string {
  switch (b.kind) {
    case 'p': return escape(b.text)
    case 'notice': return `> **${escape(b.text)}**`
    case 'h3': return `### ${escape(b.text)}`
    case 'formula': return '```\n' + b.text + '\n```'
    case 'list': return b.items.map(i => `- ${escape(i)}`).join('\n')
    case 'table': {
      const line = (cells: string[]) => `| ${cells.map(c => escape(c).replace(/\n/g, ' ')).join(' | ')} |`
      const rule = `|${b.numeric.slice(0, b.head.length).map(n => n ? ' ---: ' : ' --- ').join('|')}|`
      return [line(b.head), rule, ...b.rows.map(line)].join('\n')
    }
    case 'chart': {
      const width = Math.max(...b.bars.map(bar => bar.label.length))
      const bars = b.bars.map(bar => `${bar.label.padEnd(width)} ${'#'.repeat(Math.round(40 * bar.share)).padEnd(40)} ${bar.text}`)
      return `${escape(b.title)}:\n\n\`\`\`\n${bars.join('\n')}\n\`\`\``
    }
  }
}
