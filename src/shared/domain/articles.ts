/**
 * Pure rules of the article library, shared by the main process (storage,
 * import, search) and the renderer (links, reading position, preferences).
 */

/** An imported Markdown file may be at most this large (1 MiB). */
export const MAX_IMPORT_BYTES = 1024 * 1024
/** An adult reading plain prose on screen; used only for the "n min read" estimate. */
export const WORDS_PER_MINUTE = 200
/** Scrolled this far through an article, it counts as read. */
export const READ_THRESHOLD = 0.95
export const MAX_TITLE_LENGTH = 200
export const MAX_SUMMARY_LENGTH = 300
export const MAX_TAGS = 12
export const MAX_TAG_LENGTH = 32
export const MAX_SLUG_LENGTH = 120
export const MAX_ANCHOR_LENGTH = 120
export const MAX_FILE_NAME_LENGTH = 255
export const MAX_URL_LENGTH = 2048

/** Text sizes offered in the reading view, in percent of the app's base size. */
export const FONT_SCALES = [90, 100, 115, 130, 150] as const
export type FontScale = (typeof FONT_SCALES)[number]
export const DEFAULT_FONT_SCALE: FontScale = 100

/** Lower-case letters, digits and single hyphens: safe in a route, a file name and an element id. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
/** Slugs of the user's own documents start with this, so a bundled article can never take one over. */
export const IMPORTED_SLUG_PREFIX = 'your-'
/** Heading ids in a rendered article; the prefix keeps them clear of the app's own ids (main, app…). */
export const HEADING_ID_PREFIX = 'sec-'
export const HEADING_ID_PATTERN = /^sec-[a-z0-9]+(?:-[a-z0-9]+)*$/

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0
}

/** Whole minutes, never less than one: "1 min read" for a short note. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE))
}

/**
 * A URL- and id-safe version of a title or heading: accents dropped, anything
 * that is not a letter or digit becomes one hyphen. May return '' (for "???").
 */
export function slugify(text: string, maxLength = 60): string {
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return plain.slice(0, maxLength).replace(/-+$/, '')
}

/** Tags are compared and stored in one form: trimmed, lower case, inner spaces collapsed. */
export function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase().replace(/\s+/g, ' ')
}

/** Normalised, without empties or duplicates, in the order given. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>()
  for (const tag of tags) {
    const clean = normalizeTag(tag)
    if (clean) seen.add(clean)
  }
  return [...seen]
}

/** Where a stillwell: link may lead. Anything else is not a link the app follows. */
export type InternalLink =
  | { kind: 'article'; slug: string }
  | { kind: 'planner'; foods: string[] }
  | { kind: 'settings'; section: string | null }
  | { kind: 'journal' }
  | { kind: 'today' }
  | { kind: 'insights' }

const FOOD_ID = /^\d{5}$/
const MAX_LINKED_FOODS = 60

/**
 * Reads an app link such as `stillwell:/reader/iron-and-rls` or
 * `stillwell:/planner?foods=12014,16070`. Returns null for anything that is
 * not a well-formed link to a known place, so a typo never navigates anywhere odd.
 */
export function parseInternalLink(href: string): InternalLink | null {
  const match = /^stillwell:(\/[a-z0-9/-]*)(?:\?([^#]*))?$/i.exec(href.trim())
  if (!match) return null
  const path = match[1]!.replace(/\/+$/, '') || '/'
  const query = new URLSearchParams(match[2] ?? '')
  const parts = path.split('/').slice(1)
  switch (parts[0]) {
    case 'reader':
      return parts.length === 2 && SLUG_PATTERN.test(parts[1]!) ? { kind: 'article', slug: parts[1]! } : null
    case 'planner': {
      if (parts.length !== 1) return null
      const raw = query.get('foods')
      if (raw === null) return { kind: 'planner', foods: [] }
      const foods = raw.split(',').filter(Boolean)
      if (foods.length === 0 || foods.length > MAX_LINKED_FOODS || !foods.every((id) => FOOD_ID.test(id))) return null
      return { kind: 'planner', foods }
    }
    case 'settings':
      if (parts.length === 1) return { kind: 'settings', section: null }
      return parts.length === 2 && SLUG_PATTERN.test(parts[1]!) ? { kind: 'settings', section: parts[1]! } : null
    case 'journal':
    case 'today':
    case 'insights':
      return parts.length === 1 ? { kind: parts[0] } : null
    default:
      return null
  }
}

/** The in-app route an internal link opens (the router's hash path plus query). */
export function internalLinkRoute(link: InternalLink): { path: string; query?: Record<string, string> } {
  switch (link.kind) {
    case 'article':
      return { path: `/reader/${link.slug}` }
    case 'planner':
      return link.foods.length > 0 ? { path: '/planner', query: { foods: link.foods.join(',') } } : { path: '/planner' }
    case 'settings':
      return { path: link.section ? `/settings/${link.section}` : '/settings' }
    default:
      return { path: `/${link.kind}` }
  }
}

/**
 * Only plain https addresses leave the app (to the system browser), and never
 * ones carrying a user name or password, which are a classic way to disguise
 * where a link really goes.
 */
export function isSafeExternalUrl(value: string): boolean {
  // What is checked must be exactly what is opened: the URL parser forgives leading control characters, tabs
  // and backslashes, but the system browser would be handed the original string. Only the normalised form passes.
  return httpsHref(value) === value
}

/**
 * The address an https link really points to (the URL parser's normalised
 * href), or null for anything that is not a plain https address without a
 * user name or password. Links are rendered with this href, so the address
 * a person sees is the one that is later opened.
 */
export function httpsHref(value: string): string | null {
  if (value.length > MAX_URL_LENGTH) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  const plain = url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === ''
  return plain && url.href.length <= MAX_URL_LENGTH ? url.href : null
}

/** Clamps a reading position into 0…1; anything that is not a number counts as the top. */
export function clampFraction(value: number): number {
  if (!Number.isFinite(value)) return 0
  return Math.min(1, Math.max(0, value))
}

/**
 * How far down an article the reader is, as a fraction: 0 with the article's
 * top at the top of the window, 1 with its end at the bottom. An article that
 * fits the window entirely is fully in view, so 1.
 */
export function scrollFraction(scrollTop: number, articleTop: number, articleHeight: number, viewportHeight: number): number {
  const travel = articleHeight - viewportHeight
  if (travel <= 0) return 1
  return clampFraction((scrollTop - articleTop) / travel)
}

/** The window scroll offset that puts a reader back at `fraction` of the article. */
export function scrollTopFor(fraction: number, articleTop: number, articleHeight: number, viewportHeight: number): number {
  const travel = Math.max(0, articleHeight - viewportHeight)
  return Math.max(0, Math.round(articleTop + clampFraction(fraction) * travel))
}

export interface TaggedItem {
  slug: string
  title: string
  tags: readonly string[]
}

/** Articles sharing the most tags with `target` first, then by title; never the target itself. */
export function relatedByTags<T extends TaggedItem>(target: TaggedItem, candidates: readonly T[], limit = 3): T[] {
  const wanted = new Set(target.tags)
  return candidates
    .filter((c) => c.slug !== target.slug)
    .map((c) => ({ item: c, shared: c.tags.filter((t) => wanted.has(t)).length }))
    .filter((c) => c.shared > 0)
    .sort((a, b) => b.shared - a.shared || a.item.title.localeCompare(b.item.title))
    .slice(0, limit)
    .map((c) => c.item)
}

/** How a reading state is described on a card: "Unread", "40% read", "Read". */
export function progressLabel(progress: { furthest: number; read: boolean }): string {
  if (progress.read) return 'Read'
  const percent = Math.round(clampFraction(progress.furthest) * 100)
  return percent < 2 ? 'Unread' : `${percent}% read`
}

/** Where a new reader is best off starting. */
export const FIRST_READ = 'what-is-rls'

interface ReadingState {
  slug: string
  origin: 'bundled' | 'imported'
  progress: { position: number; furthest: number; read: boolean; updatedAt: string | null }
}

/**
 * What to offer next: the article most recently left part-way through ('continue'), else an unread
 * bundled article to begin with, FIRST_READ when it is still unread ('start'). It never counts what is
 * left unread.
 */
export function nextRead<T extends ReadingState>(articles: readonly T[]): { article: T; kind: 'continue' | 'start' } | undefined {
  const started = articles
    .filter((a) => !a.progress.read && a.progress.position > 0.02 && a.progress.position < READ_THRESHOLD && a.progress.updatedAt)
    .sort((a, b) => (b.progress.updatedAt ?? '').localeCompare(a.progress.updatedAt ?? ''))[0]
  if (started) return { article: started, kind: 'continue' }
  const unread = articles.filter((a) => a.origin === 'bundled' && !a.progress.read && a.progress.furthest < 0.02)
  const first = unread.find((a) => a.slug === FIRST_READ) ?? unread[0]
  return first ? { article: first, kind: 'start' } : undefined
}
