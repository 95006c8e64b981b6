import { z } from 'zod'
import {
  FONT_SCALES,
  HEADING_ID_PATTERN,
  MAX_ANCHOR_LENGTH,
  MAX_FILE_NAME_LENGTH,
  MAX_IMPORT_BYTES,
  MAX_SLUG_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MAX_TITLE_LENGTH,
  SLUG_PATTERN
} from '../domain/articles'

const slug = z.string().max(MAX_SLUG_LENGTH, 'That article address is too long.').regex(SLUG_PATTERN, 'That is not an article address.')

/** A heading id inside an article (`sec-…`), or null for the very top. */
const anchor = z.string().max(MAX_ANCHOR_LENGTH).regex(HEADING_ID_PATTERN, 'That is not a place in the article.').nullable()

const fraction = z.number().min(0).max(1)

/** A piece of text that is, or is not, part of a search match: the page marks matches without ever handling HTML. */
export const SegmentSchema = z.object({ text: z.string(), match: z.boolean() })

export const ArticleProgressSchema = z.object({
  /** Where the reader was last, 0 (top) to 1 (end). */
  position: fraction,
  /** The furthest they have read. */
  furthest: fraction,
  /** The section they were in, for bookmarks and the table of contents. */
  anchor: z.string().nullable(),
  read: z.boolean(),
  readAt: z.string().nullable(),
  updatedAt: z.string().nullable()
})

export const ArticleSummarySchema = z.object({
  slug: z.string(),
  /** 'bundled' comes with Stillwell; 'imported' is the user's own document. */
  origin: z.enum(['bundled', 'imported']),
  title: z.string(),
  summary: z.string(),
  tags: z.array(z.string()),
  wordCount: z.number().int(),
  readingMinutes: z.number().int(),
  /** ISO date (YYYY-MM-DD) the content was last checked against its sources. */
  lastReviewed: z.string().nullable(),
  addedAt: z.string(),
  fileName: z.string().nullable(),
  progress: ArticleProgressSchema
})

export const BookmarkSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  articleTitle: z.string(),
  anchor: z.string().nullable(),
  /** The section's heading, or "Beginning". */
  label: z.string(),
  fraction,
  createdAt: z.string()
})

export const ArticleDetailSchema = ArticleSummarySchema.extend({
  /** Markdown, without front matter; rendered and sanitized by the reader. */
  body: z.string(),
  references: z.array(z.string()),
  bookmarks: z.array(BookmarkSchema),
  related: z.array(ArticleSummarySchema)
})

export const LibrarySchema = z.object({
  articles: z.array(ArticleSummarySchema),
  /** Every tag in use, the most common first. */
  tags: z.array(z.object({ tag: z.string(), count: z.number().int() }))
})

/** Today's reading suggestion: the article to go on with, or one to start with. */
export const NextReadSchema = z.object({
  kind: z.enum(['continue', 'start']),
  slug: z.string(),
  title: z.string(),
  readingMinutes: z.number().int(),
  /** Where the reader was last, 0 (top) to 1 (end). */
  position: fraction
})

export const SearchHitSchema = z.object({
  slug: z.string(),
  origin: z.enum(['bundled', 'imported']),
  title: z.array(SegmentSchema),
  snippet: z.array(SegmentSchema),
  tags: z.array(z.string()),
  readingMinutes: z.number().int()
})

export const ReaderPreferencesSchema = z
  .object({
    fontScale: z.literal([...FONT_SCALES], { error: 'Choose one of the offered text sizes.' })
  })
  .strict()

const tagList = z
  .array(z.string().trim().min(1, 'A tag cannot be empty.').max(MAX_TAG_LENGTH, `Keep each tag under ${MAX_TAG_LENGTH} characters.`))
  .max(MAX_TAGS, `Use at most ${MAX_TAGS} tags.`)

// A base64 text of MAX_IMPORT_BYTES (plus a little): anything longer is refused before it is decoded.
const MAX_BASE64_LENGTH = Math.ceil((MAX_IMPORT_BYTES + 3) / 3) * 4

export const ImportArticleSchema = z
  .object({
    fileName: z.string().trim().min(1, 'The file needs a name.').max(MAX_FILE_NAME_LENGTH, 'That file name is too long.'),
    contentBase64: z.string().max(MAX_BASE64_LENGTH, 'This file is larger than 1 MB. Stillwell imports documents up to 1 MB.')
  })
  .strict()

export const UpdateArticleSchema = z
  .object({
    slug,
    title: z
      .string()
      .trim()
      .min(1, 'Give the document a title.')
      .max(MAX_TITLE_LENGTH, `Keep the title under ${MAX_TITLE_LENGTH} characters.`),
    tags: tagList
  })
  .strict()

export type Segment = z.infer<typeof SegmentSchema>
export type ArticleProgress = z.infer<typeof ArticleProgressSchema>
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>
export type ArticleDetail = z.infer<typeof ArticleDetailSchema>
export type Bookmark = z.infer<typeof BookmarkSchema>
export type Library = z.infer<typeof LibrarySchema>
export type NextRead = z.infer<typeof NextReadSchema>
export type SearchHit = z.infer<typeof SearchHitSchema>
export type ReaderPreferences = z.infer<typeof ReaderPreferencesSchema>
export type ImportArticle = z.infer<typeof ImportArticleSchema>
export type UpdateArticle = z.infer<typeof UpdateArticleSchema>

export const articlesChannels = {
  'articles.list': { input: z.undefined(), output: LibrarySchema },
  'articles.nextRead': { input: z.undefined(), output: NextReadSchema.nullable() },
  'articles.search': {
    input: z
      .object({
        query: z.string().max(200, 'Keep the search under 200 characters.'),
        tag: z.string().max(MAX_TAG_LENGTH).nullable().optional()
      })
      .strict(),
    output: z.array(SearchHitSchema)
  },
  'articles.get': { input: z.object({ slug }).strict(), output: ArticleDetailSchema },
  'articles.savePosition': {
    input: z.object({ slug, fraction, anchor }).strict(),
    output: ArticleProgressSchema
  },
  'articles.setRead': { input: z.object({ slug, read: z.boolean() }).strict(), output: ArticleProgressSchema },
  'articles.bookmarks': { input: z.undefined(), output: z.array(BookmarkSchema) },
  'articles.addBookmark': {
    input: z.object({ slug, anchor, label: z.string().trim().min(1).max(MAX_TITLE_LENGTH), fraction }).strict(),
    output: BookmarkSchema
  },
  'articles.removeBookmark': { input: z.object({ id: z.number().int().positive() }).strict(), output: z.null() },
  'articles.import': { input: ImportArticleSchema, output: ArticleSummarySchema },
  'articles.update': { input: UpdateArticleSchema, output: ArticleSummarySchema },
  'articles.delete': { input: z.object({ slug }).strict(), output: z.null() },
  'articles.preferences': { input: z.undefined(), output: ReaderPreferencesSchema },
  'articles.setPreferences': { input: ReaderPreferencesSchema, output: ReaderPreferencesSchema }
} as const
