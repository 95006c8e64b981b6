import MarkdownIt, { type Token } from 'markdown-it'

/**
 * The one Markdown dialect of the library, for bundled and imported articles
 * alike: CommonMark plus GFM tables and strikethrough. Raw HTML is never
 * passed through (it shows as text), bare URLs are not turned into links, and
 * the typographer gives proper quotes and dashes.
 */
export function createMarkdown(): MarkdownIt {
  return new MarkdownIt('default', { html: false, linkify: false, typographer: true, breaks: false })
}

export interface MarkdownOutline {
  /** The text a reader sees, without Markdown syntax or link addresses: what search indexes and words are counted in. */
  plainText: string
  /** The first heading, if any, with its level and source lines (to lift it out as a title). */
  firstHeading: { level: number; text: string; firstBlock: boolean; lines: [number, number] | null } | null
  /** The first paragraph's text, for a summary when none is given. */
  firstParagraph: string
}

// Control characters never belong in prose; search uses two of them as highlight markers.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

const shared = createMarkdown()

export function outlineMarkdown(source: string): MarkdownOutline {
  const tokens = shared.parse(source, {})
  const blocks: string[] = []
  let firstHeading: MarkdownOutline['firstHeading'] = null
  let firstParagraph = ''
  let sawBlock = false

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.type === 'inline') {
      blocks.push(inlineText(token))
    } else if (token.type === 'fence' || token.type === 'code_block') {
      blocks.push(token.content)
    } else if (token.type === 'heading_open' && firstHeading === null) {
      const text = inlineText(tokens[i + 1]!).trim()
      firstHeading = {
        level: Number(token.tag.slice(1)),
        text,
        firstBlock: !sawBlock,
        lines: token.map ? [token.map[0], token.map[1]] : null
      }
    } else if (token.type === 'paragraph_open' && firstParagraph === '' && token.level === 0) {
      // A summary reads as prose: an image's alt text (never shown as an image) stays out of it.
      firstParagraph = inlineText(tokens[i + 1]!, false)
        .replace(/\s+/g, ' ')
        .trim()
    }
    if (token.nesting !== -1 && token.level === 0 && token.type !== 'inline') sawBlock = true
  }
  return {
    plainText: blocks.join('\n').replace(CONTROL_CHARS, '').trim(),
    firstHeading,
    firstParagraph: firstParagraph.replace(CONTROL_CHARS, '')
  }
}

/** The source without the lines of its first heading (used when that heading became the title). */
export function withoutLines(source: string, lines: [number, number]): string {
  const all = source.split('\n')
  all.splice(lines[0], lines[1] - lines[0])
  return all.join('\n').replace(/^\s*\n/, '')
}

function inlineText(token: Token, withImages = true): string {
  let text = ''
  for (const child of token.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' '
    else if (child.type === 'image' && withImages) text += child.content
  }
  return text
}
