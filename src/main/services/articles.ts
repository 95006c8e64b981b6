import type { Database } from 'better-sqlite3'
import { join } from 'node:path'
import {
  AppError,
  ReaderPreferencesSchema,
  type ArticleDetail,
  type ArticleProgress,
  type ArticleSummary,
  type Bookmark,
  type Library,
  type NextRead,
  type ReaderPreferences,
  type SearchHit
} from '../../shared/contract'
import {
  clampFraction,
  DEFAULT_FONT_SCALE,
  IMPORTED_SLUG_PREFIX,
  nextRead,
  normalizeTags,
  relatedByTags,
  slugify
} from '../../shared/domain/articles'
import { createArticleStore, type StoredArticle } from '../db/article-store'
import type { KeyValueStore } from '../db/key-value-store'
import { bundledArticleHashes, contentHash, decodeImport, loadBundledArticles, parseImportedArticle } from './article-source'
import type { Clock } from './ports'

export interface ArticleServiceDeps {
  db: Database
  clock: Clock
  keyValue: KeyValueStore
  /** The folder holding resources/; bundled articles are in its `articles` folder. */
  resourcesDir: string
  /** Where a broken bundled article is reported (it is skipped; the app still starts). */
  log?: (message: string) => void
}

export interface ArticleService {
  list(): Library
  /** What Today's reading tile offers: the article the user is part-way through, else where to start. */
  nextRead(): NextRead | null
  search(query: string, tag?: string | null): SearchHit[]
  get(slug: string): ArticleDetail
  savePosition(slug: string, fraction: number, anchor: string | null): ArticleProgress
  setRead(slug: string, read: boolean): ArticleProgress
  bookmarks(): Bookmark[]
  addBookmark(slug: string, anchor: string | null, label: string, fraction: number): Bookmark
  removeBookmark(id: number): null
  importFile(fileName: string, contentBase64: string): ArticleSummary
  update(slug: string, details: { title: string; tags: string[] }): ArticleSummary
  remove(slug: string): null
  preferences(): ReaderPreferences
  setPreferences(preferences: ReaderPreferences): ReaderPreferences
  /** Re-reads resources/articles; runs once when the service is built. Returns how many articles changed. */
  syncBundled(): { changed: number; problems: string[] }
}

const PREFERENCES_KEY = 'reader.preferences'
const SEARCH_LIMIT = 50
const MAX_QUERY_TERMS = 12
const RELATED_LIMIT = 3
const DEFAULT_PREFERENCES: ReaderPreferences = { fontScale: DEFAULT_FONT_SCALE }

export function createArticleService(deps: ArticleServiceDeps): ArticleService {
  const repo = createArticleStore(deps.db, deps.clock.now)
  const articlesDir = join(deps.resourcesDir, 'articles')

  function find(slug: string): StoredArticle {
    const article = repo.get(slug)
    if (!article) throw new AppError('not-found', 'That article is no longer in your library.')
    return article
  }

  function ownDocument(slug: string): StoredArticle {
    const article = find(slug)
    if (article.origin !== 'imported') {
      throw new AppError('forbidden', 'Articles that come with Stillwell cannot be changed or deleted; only your own documents can.')
    }
    return article
  }

  /** What a list shows of an article: all but its id, text, references and hash. */
  function summary({ id: _id, body: _body, references: _references, contentHash: _hash, ...rest }: StoredArticle): ArticleSummary {
    return rest
  }

  function syncBundled(): { changed: number; problems: string[] } {
    // Every start: hash the shipped files and compare with the library first; parsing and indexing
    // them is needed only after an update changed one (or a file that failed before).
    const shipped = bundledArticleHashes(articlesDir)
    const stored = repo.bundledHashes()
    if (shipped && shipped.size === stored.size && [...shipped].every(([slug, hash]) => stored.get(slug) === hash)) {
      return { changed: 0, problems: [] }
    }
    const { articles, problems } = loadBundledArticles(articlesDir)
    for (const problem of problems) deps.log?.(`Skipped a bundled article: ${problem}`)
    // If the folder could not be read at all, keep what the library already has rather than emptying it.
    if (articles.length === 0 && problems.length > 0) return { changed: 0, problems }
    const changed = repo.syncBundled(
      articles.map((a) => ({ ...a, origin: 'bundled' as const, fileName: null, contentHash: a.contentHash }))
    )
    return { changed, problems }
  }

  function uniqueSlug(title: string): string {
    const base = `${IMPORTED_SLUG_PREFIX}${slugify(title) || 'document'}`
    let candidate = base
    for (let n = 2; repo.slugTaken(candidate); n++) candidate = `${base}-${n}`
    return candidate
  }

  syncBundled()

  return {
    syncBundled,

    list() {
      const articles = repo.list()
      const counts = new Map<string, number>()
      for (const article of articles) for (const tag of article.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1)
      const tags = [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
      return { articles, tags }
    },

    nextRead() {
      const next = nextRead(repo.list())
      if (!next) return null
      const { article, kind } = next
      return { kind, slug: article.slug, title: article.title, readingMinutes: article.readingMinutes, position: article.progress.position }
    },

    search(query, tag = null) {
      const match = toMatchExpression(query)
      if (!match) return []
      return repo.search(match, tag ?? null, SEARCH_LIMIT)
    },

    get(slug) {
      const article = find(slug)
      const related = relatedByTags(article, repo.list(), RELATED_LIMIT)
      return {
        ...summary(article),
        body: article.body,
        references: article.references,
        bookmarks: repo.bookmarksOf(article.id),
        related
      }
    },

    savePosition(slug, fraction, anchor) {
      const article = find(slug)
      repo.saveProgress(article.id, clampFraction(fraction), anchor)
      return find(slug).progress
    },

    setRead(slug, read) {
      const article = find(slug)
      repo.setRead(article.id, read)
      return find(slug).progress
    },

    bookmarks: () => repo.bookmarks(),

    addBookmark(slug, anchor, label, fraction) {
      const article = find(slug)
      return repo.addBookmark(article.id, anchor, label.trim(), clampFraction(fraction))
    },

    removeBookmark(id) {
      if (!repo.removeBookmark(id)) throw new AppError('not-found', 'That bookmark was already removed.')
      return null
    },

    importFile(fileName, contentBase64) {
      const text = decodeImport(contentBase64)
      const parsed = parseImportedArticle(fileName, text)
      const slug = uniqueSlug(parsed.title)
      repo.insertImported({
        ...parsed,
        slug,
        origin: 'imported',
        fileName: fileName.trim().slice(0, 255),
        contentHash: contentHash(text)
      })
      return summary(find(slug))
    },

    update(slug, details) {
      ownDocument(slug)
      const title = details.title.replace(/\s+/g, ' ').trim()
      if (!title) throw new AppError('invalid-input', 'Give the document a title.', { title: 'Give the document a title.' })
      repo.updateDetails(slug, title, normalizeTags(details.tags))
      return summary(find(slug))
    },

    remove(slug) {
      const article = ownDocument(slug)
      repo.remove(article.id)
      return null
    },

    preferences() {
      const stored = ReaderPreferencesSchema.safeParse(deps.keyValue.get(PREFERENCES_KEY))
      return stored.success ? stored.data : DEFAULT_PREFERENCES
    },

    setPreferences(preferences) {
      const checked = ReaderPreferencesSchema.parse(preferences)
      deps.keyValue.set({ [PREFERENCES_KEY]: checked })
      return checked
    }
  }
}

/**
 * Turns what the user typed into a safe FTS5 query: each word quoted (so
 * operators and punctuation are just text), all words required, and the last
 * one matched as a prefix, so results appear while a word is still being typed.
 */
export function toMatchExpression(query: string): string | null {
  const words = (query.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_QUERY_TERMS)
  if (words.length === 0) return null
  const typingLastWord = !/[\s\p{P}]$/u.test(query)
  return words.map((word, i) => (i === words.length - 1 && typingLastWord ? `"${word}"*` : `"${word}"`)).join(' ')
}
