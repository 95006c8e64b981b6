/**
 * Markdown → safe DOM for the reading view, the same for bundled articles and
 * the user's own documents.
 *
 * Rendering happens here, in the page, rather than in the main process:
 * DOMPurify needs a real DOM to sanitize against, and this module is loaded
 * only with the reading view (a lazy route chunk), so the first screen never
 * pays for markdown-it or DOMPurify. The main process hands over Markdown only.
 *
 * Two layers, each enough on its own for what it covers:
 *  1. markdown-it with raw HTML off: `<script>` in a document is shown as text.
 *  2. DOMPurify with a strict allow-list: only text formatting, lists, tables,
 *     headings and links survive; no scripts, styles, event handlers, forms,
 *     frames, SVG/MathML or images, and links only to https:, stillwell: and
 *     the article's own headings.
 * The result is a DocumentFragment put into the page with DOM calls (never
 * v-html), and Vue never compiles it, so `{{ }}` in a document stays text.
 */
import DOMPurify, { type Config } from 'dompurify'
import type { Token } from 'markdown-it'
import { HEADING_ID_PATTERN, HEADING_ID_PREFIX, httpsHref, parseInternalLink, slugify } from '../../../../shared/domain/articles'
import { createMarkdown } from '../../../../shared/domain/markdown'

export interface TocEntry {
  id: string
  text: string
  level: number
}

export interface RenderedArticle {
  fragment: DocumentFragment
  /** Headings of level 2 and 3, for the table of contents. */
  toc: TocEntry[]
}

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'em',
  'strong',
  'del',
  's',
  'sup',
  'sub',
  'a',
  'span',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td'
]
const ALLOWED_ATTR = ['href', 'id', 'class', 'title', 'start', 'colspan', 'rowspan']
const ALLOWED_CLASSES = new Set(['align-left', 'align-center', 'align-right', 'image-omitted'])
const SANITIZE_CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: /^(?:https:|stillwell:|#)/i,
  // Belt and braces: named even though the allow-list already excludes them.
  FORBID_TAGS: [
    'script',
    'style',
    'iframe',
    'frame',
    'object',
    'embed',
    'form',
    'input',
    'button',
    'svg',
    'math',
    'img',
    'video',
    'audio',
    'link',
    'meta',
    'base'
  ],
  FORBID_ATTR: ['style', 'srcset', 'src', 'action', 'formaction', 'xlink:href']
}

/** One DOMPurify instance of our own, so its hooks never affect anyone else's. */
function createSanitizer(): ReturnType<typeof DOMPurify> {
  const purifier = DOMPurify(window)
  purifier.addHook('uponSanitizeAttribute', (_node, data) => {
    const value = data.attrValue
    if (data.attrName === 'id') data.keepAttr = HEADING_ID_PATTERN.test(value)
    if (data.attrName === 'class') {
      const kept = value.split(/\s+/).filter((c) => ALLOWED_CLASSES.has(c))
      data.attrValue = kept.join(' ')
      data.keepAttr = kept.length > 0
    }
    if (data.attrName === 'href') data.keepAttr = safeHref(value) !== null
  })
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return
    const href = node.getAttribute('href')
    const safe = href === null ? null : safeHref(href)
    if (safe === null) node.removeAttribute('href')
    else {
      node.setAttribute('href', safe)
      if (safe.startsWith('https:')) node.setAttribute('rel', 'noopener noreferrer')
    }
  })
  return purifier
}

/** The href a link may keep, normalised; null if the link must not lead anywhere. */
function safeHref(raw: string): string | null {
  const href = raw.trim()
  if (href.startsWith('#')) {
    // In-page links: only to this article's headings. "#dosage" in a document means its "Dosage" heading.
    const target = href.slice(1)
    if (HEADING_ID_PATTERN.test(target)) return href
    const slug = slugify(decodeURIComponentSafe(target))
    return slug ? `#${HEADING_ID_PREFIX}${slug}` : null
  }
  if (/^stillwell:/i.test(href)) return parseInternalLink(href) ? href : null
  if (/^https:/i.test(href)) return httpsHref(href)
  return null
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

let sanitizer: ReturnType<typeof DOMPurify> | null = null

/** Sanitizes HTML into a fragment that can be put into the page. Exposed for the hostile-input tests. */
export function sanitizeArticleHtml(html: string): DocumentFragment {
  sanitizer ??= createSanitizer()
  return sanitizer.sanitize(html, { ...SANITIZE_CONFIG, RETURN_DOM_FRAGMENT: true })
}

const md = createMarkdown()

// Images are never loaded: a remote image would be a request leaving the machine. The alt text stays.
md.renderer.rules['image'] = (tokens, idx, options, env) => {
  const alt = md.renderer.renderInlineAsText(tokens[idx]!.children ?? [], options, env).trim()
  return `<span class="image-omitted">${md.utils.escapeHtml(alt ? `[Image not shown: ${alt}]` : '[Image not shown]')}</span>`
}

// Headings: ids for the table of contents (prefixed, unique), and one level lower when a document
// uses "# " itself, because the page's only <h1> is the article title.
md.core.ruler.push('stillwell_outline', (state) => {
  const tokens = state.tokens
  const shift = tokens.some((t) => t.type === 'heading_open' && t.tag === 'h1') ? 1 : 0
  const used = new Set<string>()
  const toc: TocEntry[] = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + shift)}`
    }
    if (token.type === 'heading_open') {
      const text = plainInline(tokens[i + 1])
      const base = `${HEADING_ID_PREFIX}${slugify(text) || 'section'}`
      let id = base
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`
      used.add(id)
      token.attrSet('id', id)
      const level = Number(token.tag.slice(1))
      if (level <= 3) toc.push({ id, text, level })
    }
    if (token.type === 'th_open' || token.type === 'td_open') {
      // markdown-it aligns table cells with style attributes, which the sanitizer removes: use a class.
      const align = /text-align:\s*(left|center|right)/.exec(token.attrGet('style') ?? '')
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style')
      if (align) token.attrJoin('class', `align-${align[1]}`)
    }
  }
  ;(state.env as { toc?: TocEntry[] }).toc = toc
})

function plainInline(token: Token | undefined): string {
  return (token?.children ?? [])
    .filter((c) => c.type === 'text' || c.type === 'code_inline')
    .map((c) => c.content)
    .join('')
    .trim()
}

/** Markdown → HTML string, before sanitizing (exposed for tests). */
export function renderMarkdownHtml(markdown: string): { html: string; toc: TocEntry[] } {
  const env: { toc?: TocEntry[] } = {}
  const html = md.render(markdown, env)
  return { html, toc: env.toc ?? [] }
}

const DOCTOR_NOTE = /^talk to your (doctor|gp|midwife)/i

/** Markdown → a sanitized fragment ready for the page, plus its table of contents. */
export function renderArticle(markdown: string): RenderedArticle {
  const { html, toc } = renderMarkdownHtml(markdown)
  const fragment = sanitizeArticleHtml(html)
  wrapTables(fragment)
  markDoctorNotes(fragment)
  // The table of contents lists only headings that survived sanitizing.
  const ids = new Set([...fragment.querySelectorAll('[id]')].map((el) => el.id))
  return { fragment, toc: toc.filter((entry) => ids.has(entry.id)) }
}

/** Wide tables scroll sideways inside their own box instead of widening the page. */
function wrapTables(fragment: DocumentFragment): void {
  for (const table of fragment.querySelectorAll('table')) {
    const wrapper = document.createElement('div')
    wrapper.className = 'table-scroll'
    table.replaceWith(wrapper)
    wrapper.appendChild(table)
  }
}

/** The closing "Talk to your doctor" section gets a calm box of its own, as written, under its own heading. */
function markDoctorNotes(fragment: DocumentFragment): void {
  for (const heading of fragment.querySelectorAll('h2')) {
    if (!DOCTOR_NOTE.test(heading.textContent?.trim() ?? '')) continue
    const section = document.createElement('section')
    section.className = 'doctor-note'
    section.setAttribute('aria-labelledby', heading.id)
    heading.replaceWith(section)
    section.appendChild(heading)
    while (section.nextSibling && section.nextSibling.nodeName !== 'H2') section.appendChild(section.nextSibling)
  }
}
