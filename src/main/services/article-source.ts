/**
 * Turns Markdown files into library articles: the bundled ones in
 * resources/articles (strict: every field present and valid) and the user's
 * own imports (lenient: front matter optional, but what is there must make
 * sense). Front matter is YAML only; gray-matter's JavaScript engine, which
 * would run code from the file, is switched off.
 */
import matter from 'gray-matter'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { z } from 'zod'
import { AppError } from '../../shared/contract'
import {
  countWords,
  IMPORTED_SLUG_PREFIX,
  MAX_IMPORT_BYTES,
  MAX_SUMMARY_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MAX_TITLE_LENGTH,
  normalizeTags,
  readingMinutes,
  SLUG_PATTERN
} from '../../shared/domain/articles'
import { outlineMarkdown, withoutLines } from '../../shared/domain/markdown'

/** Bumped when the way articles are indexed changes, so every bundled article is re-indexed once. */
const INDEX_VERSION = 1

export interface ParsedArticle {
  title: string
  summary: string
  tags: string[]
  lastReviewed: string | null
  references: string[]
  body: string
  plainText: string
  wordCount: number
  readingMinutes: number
}

export class ArticleFormatError extends Error {
  constructor(
    readonly file: string,
    message: string
  ) {
    super(`${file}: ${message}`)
    this.name = 'ArticleFormatError'
  }
}

const refuseCode = (): never => {
  throw new Error('only YAML front matter is supported')
}
const MATTER_OPTIONS = {
  language: 'yaml',
  // Any other language named after the opening "---" (---js, ---coffee…) is refused, never evaluated.
  engines: { javascript: refuseCode, js: refuseCode, coffee: refuseCode, json: refuseCode }
}

/**
 * YAML turns an unquoted `2026-11-24` into a Date, and quietly rolls an
 * impossible one (`2026-13-40`) over into next year. So a Date value is
 * replaced by the text as written in the front matter before it is checked.
 */
function datesAsWritten(data: Record<string, unknown>, rawMatter: string): Record<string, unknown> {
  const out = { ...data }
  for (const [key, value] of Object.entries(data)) {
    if (!(value instanceof Date)) continue
    const line = new RegExp(`^${key}:[ \t]*(.*)$`, 'm').exec(rawMatter)
    out[key] = line
      ? line[1]!
          .replace(/\s+#.*$/, '')
          .trim()
          .replace(/^(["'])(.*)\1$/, '$2')
      : value
  }
  return out
}

/** A calendar date written YYYY-MM-DD (quoted or not). */
const isoDate = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)) : value.trim()
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : null
  const ok = parsed !== null && !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text
  if (!ok) {
    ctx.addIssue({ code: 'custom', message: 'must be a date written as YYYY-MM-DD, for example 2026-11-24' })
    return z.NEVER
  }
  return text
})

const BUNDLED_TAG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Front matter every bundled article must have, complete and nothing else. */
export const BundledFrontMatterSchema = z
  .object({
    title: z.string().trim().min(1).max(MAX_TITLE_LENGTH),
    summary: z.string().trim().min(1).max(MAX_SUMMARY_LENGTH),
    tags: z.array(z.string().regex(BUNDLED_TAG, 'tags are lower-case words joined by hyphens')).min(1).max(MAX_TAGS),
    lastReviewed: isoDate,
    references: z.array(z.string().trim().min(10, 'a reference names its source in full')).min(1, 'at least one reference is needed')
  })
  .strict()

/** Front matter of an imported document: every field optional, unknown fields ignored. */
const ImportedFrontMatterSchema = z.looseObject({
  title: z.string({ error: 'should be text' }).trim().max(MAX_TITLE_LENGTH, `should be under ${MAX_TITLE_LENGTH} characters`).optional(),
  summary: z.string({ error: 'should be text' }).trim().optional(),
  tags: z
    .union([z.array(z.union([z.string(), z.number()])), z.string()], { error: 'should be a list of words, or words separated by commas' })
    .optional(),
  lastReviewed: isoDate.optional(),
  references: z.array(z.string(), { error: 'should be a list of sources, one per line starting with "- "' }).optional()
})

/**
 * A bundled article: `slug` is its file name. Throws ArticleFormatError with
 * the file and the problem, so a broken article fails a unit test clearly.
 */
export function parseBundledArticle(slug: string, raw: string): ParsedArticle {
  const file = `${slug}.md`
  if (!SLUG_PATTERN.test(slug) || slug.startsWith(IMPORTED_SLUG_PREFIX)) {
    throw new ArticleFormatError(file, `the file name must be a lower-case slug not starting with "${IMPORTED_SLUG_PREFIX}"`)
  }
  let parsed: matter.GrayMatterFile<string>
  try {
    parsed = matter(raw, MATTER_OPTIONS)
  } catch (error) {
    throw new ArticleFormatError(file, `the front matter is not valid YAML (${firstLine(error)})`)
  }
  if (!parsed.matter) throw new ArticleFormatError(file, 'front matter (between --- lines) is missing')
  const checked = BundledFrontMatterSchema.safeParse(datesAsWritten(parsed.data, parsed.matter))
  if (!checked.success) throw new ArticleFormatError(file, describeIssues(checked.error))
  const body = parsed.content.trim()
  const outline = outlineMarkdown(body)
  if (outline.firstHeading?.level === 1) throw new ArticleFormatError(file, 'the body must not repeat the title as a "# " heading')
  if (countWords(outline.plainText) === 0) throw new ArticleFormatError(file, 'the body is empty')
  const wordCount = countWords(outline.plainText)
  return {
    title: checked.data.title,
    summary: checked.data.summary,
    tags: checked.data.tags,
    lastReviewed: checked.data.lastReviewed,
    references: checked.data.references,
    body,
    plainText: outline.plainText,
    wordCount,
    readingMinutes: readingMinutes(wordCount)
  }
}

export interface BundledArticle extends ParsedArticle {
  slug: string
  contentHash: string
}

/** Reads every `*.md` in `dir`. A broken file is reported and skipped: the app still starts with the rest. */
export function loadBundledArticles(dir: string): { articles: BundledArticle[]; problems: string[] } {
  const articles: BundledArticle[] = []
  const problems: string[] = []
  let names: string[]
  try {
    names = readdirSync(dir).filter((name) => extname(name) === '.md')
  } catch (error) {
    return { articles, problems: [`The article folder ${dir} could not be read: ${firstLine(error)}`] }
  }
  for (const name of names.sort()) {
    try {
      const raw = readFileSync(join(dir, name), 'utf8')
      const slug = basename(name, '.md')
      articles.push({ ...parseBundledArticle(slug, raw), slug, contentHash: contentHash(raw) })
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error))
    }
  }
  return { articles, problems }
}

/**
 * The content hash of every bundled article, without parsing any: what a
 * start compares with the library before deciding whether to load them at
 * all. Null when the folder cannot be read.
 */
export function bundledArticleHashes(dir: string): Map<string, string> | null {
  try {
    const names = readdirSync(dir).filter((name) => extname(name) === '.md')
    return new Map(names.map((name) => [basename(name, '.md'), contentHash(readFileSync(join(dir, name), 'utf8'))]))
  } catch {
    return null
  }
}

export function contentHash(raw: string): string {
  return createHash('sha256').update(`${INDEX_VERSION}\0${raw}`).digest('hex')
}

const importError = (message: string): AppError => new AppError('invalid-input', message, { file: message })

/**
 * Checks and decodes an imported file's bytes: not empty, at most 1 MB,
 * valid UTF-8 text. Every refusal is an AppError with a message for the user.
 */
export function decodeImport(contentBase64: string): string {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(contentBase64) || contentBase64.length % 4 !== 0) {
    throw importError('The file could not be read. Please choose it again.')
  }
  const bytes = Buffer.from(contentBase64, 'base64')
  if (bytes.length === 0) throw importError('This file is empty. Choose a Markdown file with some text in it.')
  if (bytes.length > MAX_IMPORT_BYTES) throw importError('This file is larger than 1 MB. Stillwell imports documents up to 1 MB.')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw importError('This file is not UTF-8 text. Save it as a plain-text Markdown file (UTF-8) and try again.')
  }
  // A NUL byte is valid UTF-8 but never appears in a text document: this is some other kind of file.
  if (text.includes('\0')) throw importError('This does not look like a text file. Choose a Markdown (.md) or plain-text file.')
  if (text.trim() === '') throw importError('This file is empty. Choose a Markdown file with some text in it.')
  return text
}

/**
 * The user's own document. Front matter is optional; without a title there,
 * the first heading is used (and lifted out of the text), else the file name.
 */
export function parseImportedArticle(fileName: string, text: string): ParsedArticle {
  let parsed: matter.GrayMatterFile<string>
  try {
    parsed = matter(text.replace(/^\uFEFF/, ''), MATTER_OPTIONS)
  } catch (error) {
    throw importError(
      `The front matter at the top of the file (between the --- lines) could not be read: ${yamlProblem(error)}. Fix it or remove it, then try again.`
    )
  }
  const data: unknown = parsed.data
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw importError('The front matter at the top of the file must be fields such as "title: …", one per line.')
  }
  const checked = ImportedFrontMatterSchema.safeParse(datesAsWritten(data as Record<string, unknown>, parsed.matter ?? ''))
  if (!checked.success) {
    throw importError(
      `The front matter at the top of the file has a problem: ${describeIssues(checked.error)}. Fix it or remove it, then try again.`
    )
  }
  const front = checked.data

  let body = parsed.content.replace(/\r\n?/g, '\n').trim()
  let outline = outlineMarkdown(body)
  let title = front.title ?? ''
  if (!title && outline.firstHeading?.text) {
    title = outline.firstHeading.text
    // The heading became the page title: showing it again right under it would repeat it.
    if (outline.firstHeading.firstBlock && outline.firstHeading.lines) {
      body = withoutLines(body, outline.firstHeading.lines).trim()
      outline = outlineMarkdown(body)
    }
  }
  if (!title) title = titleFromFileName(fileName)
  title = title.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_LENGTH)

  const tags = normalizeTags(typeof front.tags === 'string' ? front.tags.split(',') : (front.tags ?? []).map(String))
  if (tags.length > MAX_TAGS) throw importError(`The front matter lists ${tags.length} tags; use at most ${MAX_TAGS}.`)
  const longTag = tags.find((t) => t.length > MAX_TAG_LENGTH)
  if (longTag) throw importError(`The tag "${longTag.slice(0, 40)}…" is too long; keep each tag under ${MAX_TAG_LENGTH} characters.`)

  const wordCount = countWords(outline.plainText)
  return {
    title,
    summary: truncate(front.summary || outline.firstParagraph, 200),
    tags,
    lastReviewed: front.lastReviewed ?? null,
    references: (front.references ?? []).map((r) => r.trim()).filter(Boolean),
    body,
    plainText: outline.plainText,
    wordCount,
    readingMinutes: readingMinutes(wordCount)
  }
}

/** "doctors-notes_2026.md" → "Doctors notes 2026". */
export function titleFromFileName(fileName: string): string {
  const stem = basename(fileName.replace(/\\/g, '/'), extname(fileName))
    .replace(/[-_.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (!stem) return 'Untitled document'
  return stem.charAt(0).toUpperCase() + stem.slice(1)
}

function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const field = issue.path.map(String).join('.')
      if (issue.code === 'unrecognized_keys') return `unexpected field ${issue.keys.map((k) => `"${k}"`).join(', ')}`
      return field ? `"${field}" ${issue.message}` : issue.message
    })
    .join('; ')
}

/** js-yaml's first line, with its position turned into a line of the whole file (the front matter starts on line 2). */
function yamlProblem(error: unknown): string {
  const text = firstLine(error).replace(/:\s*$/, '')
  const at = /^(.*?) at line (\d+), column \d+$/.exec(text)
  return at ? `${at[1]} (near line ${Number(at[2]) + 1})` : text
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return (message.split('\n')[0] ?? message).slice(0, 200)
}
