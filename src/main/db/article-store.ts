import type { Database } from 'better-sqlite3'
import type { ArticleProgress, ArticleSummary, Bookmark, Segment } from '../../shared/contract'
import { READ_THRESHOLD } from '../../shared/domain/articles'

/** What is stored for one article, bundled or imported. */
export interface ArticleRecord {
  slug: string
  origin: 'bundled' | 'imported'
  title: string
  summary: string
  tags: string[]
  body: string
  /** The text search indexes: no Markdown syntax, no link addresses. */
  plainText: string
  wordCount: number
  readingMinutes: number
  lastReviewed: string | null
  references: string[]
  fileName: string | null
  contentHash: string
}

export interface StoredArticle extends ArticleSummary {
  id: number
  body: string
  references: string[]
  contentHash: string
}

export interface RawSearchHit {
  slug: string
  origin: 'bundled' | 'imported'
  tags: string[]
  readingMinutes: number
  title: Segment[]
  snippet: Segment[]
}

interface SummaryRow {
  slug: string
  origin: 'bundled' | 'imported'
  title: string
  summary: string
  tags: string
  word_count: number
  reading_minutes: number
  last_reviewed: string | null
  file_name: string | null
  created_at: string
  position: number | null
  furthest: number | null
  anchor: string | null
  read_at: string | null
  progress_updated_at: string | null
}

interface ArticleRow extends SummaryRow {
  id: number
  body: string
  refs: string
  content_hash: string
}

interface BookmarkRow {
  id: number
  slug: string
  title: string
  anchor: string
  label: string
  fraction: number
  created_at: string
}

// Highlight markers: control characters, which the indexed text never contains.
const OPEN = '\u0002'
const CLOSE = '\u0003'
/** Results that get a matching passage; the rest show their summary. More than a window holds. */
const SNIPPET_LIMIT = 12

const SUMMARY_COLUMNS = `a.slug, a.origin, a.title, a.summary, a.tags, a.word_count, a.reading_minutes,
         a.last_reviewed, a.file_name, a.created_at,
         p.position, p.furthest, p.anchor, p.read_at, p.updated_at AS progress_updated_at`
const FROM_ARTICLES = 'FROM articles a LEFT JOIN article_progress p ON p.article_id = a.id'
const SELECT_ARTICLE = `SELECT a.id, a.body, a.refs, a.content_hash, ${SUMMARY_COLUMNS} ${FROM_ARTICLES}`
// Lists leave out the text: reading every article's body to throw it away cost more than the rest of a list.
const SELECT_SUMMARY = `SELECT ${SUMMARY_COLUMNS} ${FROM_ARTICLES}`

const SELECT_BOOKMARK = `
  SELECT b.id, a.slug, a.title, b.anchor, b.label, b.fraction, b.created_at
  FROM article_bookmarks b JOIN articles a ON a.id = b.article_id`

export interface ArticleStore {
  /** Adds, rewrites (by content hash) and removes bundled articles; returns how many changed. */
  syncBundled(records: ArticleRecord[]): number
  /** Slug → content hash of every bundled article in the library. */
  bundledHashes(): Map<string, string>
  insertImported(record: ArticleRecord): number
  updateDetails(slug: string, title: string, tags: string[]): boolean
  remove(id: number): void
  /** Every article without its text, in the library's order. */
  list(): ArticleSummary[]
  get(slug: string): StoredArticle | undefined
  slugTaken(slug: string): boolean
  /** Ranked hits; the first `withSnippets` carry a passage around the match, the others their summary. */
  search(match: string, tag: string | null, limit: number, withSnippets?: number): RawSearchHit[]
  saveProgress(id: number, position: number, anchor: string | null): void
  setRead(id: number, read: boolean): void
  bookmarks(): Bookmark[]
  bookmarksOf(id: number): Bookmark[]
  addBookmark(id: number, anchor: string | null, label: string, fraction: number): Bookmark
  removeBookmark(id: number): boolean
}

/** Storage of the library. Statements are prepared once; every multi-row write is one transaction. */
export function createArticleStore(db: Database, now: () => Date): ArticleStore {
  const stmt = {
    // The user's own documents first: they are few, and the reason they were imported.
    all: db.prepare<[], SummaryRow>(`${SELECT_SUMMARY} ORDER BY a.origin = 'imported' DESC, a.title COLLATE NOCASE`),
    bySlug: db.prepare<[string], ArticleRow>(`${SELECT_ARTICLE} WHERE a.slug = ?`),
    slugTaken: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM articles WHERE slug = ?'),
    bundledHashes: db.prepare<[], { slug: string; content_hash: string }>(
      "SELECT slug, content_hash FROM articles WHERE origin = 'bundled'"
    ),
    idOf: db.prepare<[string], { id: number }>('SELECT id FROM articles WHERE slug = ?'),
    insert: db.prepare(
      `INSERT INTO articles (slug, origin, title, summary, tags, body, word_count, reading_minutes, last_reviewed, refs,
                             file_name, content_hash, created_at, updated_at)
       VALUES (@slug, @origin, @title, @summary, @tags, @body, @wordCount, @readingMinutes, @lastReviewed, @refs,
               @fileName, @contentHash, @stamp, @stamp)`
    ),
    updateBundled: db.prepare(
      `UPDATE articles SET title = @title, summary = @summary, tags = @tags, body = @body, word_count = @wordCount,
              reading_minutes = @readingMinutes, last_reviewed = @lastReviewed, refs = @refs,
              content_hash = @contentHash, updated_at = @stamp
       WHERE slug = @slug AND origin = 'bundled'`
    ),
    updateDetails: db.prepare<{ slug: string; title: string; tags: string; stamp: string }>(
      "UPDATE articles SET title = @title, tags = @tags, updated_at = @stamp WHERE slug = @slug AND origin = 'imported'"
    ),
    remove: db.prepare<[number]>('DELETE FROM articles WHERE id = ?'),
    unindex: db.prepare<[number]>('DELETE FROM article_search WHERE rowid = ?'),
    index: db.prepare<[number, string, string, string]>('INSERT INTO article_search (rowid, title, summary, body) VALUES (?, ?, ?, ?)'),
    retitle: db.prepare<[string, number]>('UPDATE article_search SET title = ? WHERE rowid = ?'),
    search: db.prepare<{ match: string; tag: string | null; limit: number }, Record<string, unknown>>(
      `SELECT a.id, a.slug, a.origin, a.tags, a.reading_minutes, a.summary,
              highlight(article_search, 0, char(2), char(3)) AS marked_title
       FROM article_search JOIN articles a ON a.id = article_search.rowid
       WHERE article_search MATCH @match
         AND (@tag IS NULL OR EXISTS (SELECT 1 FROM json_each(a.tags) WHERE json_each.value = @tag))
       ORDER BY bm25(article_search, 10.0, 4.0, 1.0), a.title
       LIMIT @limit`
    ),
    // Snippets re-read and re-tokenize a whole document, so they are made only for the results near the top.
    snippets: db.prepare<{ match: string; id: bigint }, { body: string | null; summary: string | null }>(
      `SELECT snippet(article_search, 2, char(2), char(3), '…', 16) AS body,
              snippet(article_search, 1, char(2), char(3), '…', 16) AS summary
       FROM article_search WHERE article_search MATCH @match AND rowid = @id`
    ),
    saveProgress: db.prepare<{ id: number; position: number; anchor: string | null; readAt: string | null; stamp: string }>(
      `INSERT INTO article_progress (article_id, position, furthest, anchor, read_at, updated_at)
       VALUES (@id, @position, @position, @anchor, @readAt, @stamp)
       ON CONFLICT (article_id) DO UPDATE SET
         position = excluded.position,
         furthest = max(furthest, excluded.position),
         anchor = excluded.anchor,
         read_at = coalesce(read_at, excluded.read_at),
         updated_at = excluded.updated_at`
    ),
    setRead: db.prepare<{ id: number; readAt: string; stamp: string }>(
      `INSERT INTO article_progress (article_id, position, furthest, anchor, read_at, updated_at)
       VALUES (@id, 0, 1, NULL, @readAt, @stamp)
       ON CONFLICT (article_id) DO UPDATE SET read_at = excluded.read_at, furthest = 1, updated_at = excluded.updated_at`
    ),
    setUnread: db.prepare<{ id: number; stamp: string }>(
      'UPDATE article_progress SET read_at = NULL, furthest = 0, updated_at = @stamp WHERE article_id = @id'
    ),
    bookmarks: db.prepare<[], BookmarkRow>(`${SELECT_BOOKMARK} ORDER BY b.id DESC`),
    bookmarksOf: db.prepare<[number], BookmarkRow>(`${SELECT_BOOKMARK} WHERE b.article_id = ? ORDER BY b.fraction, b.id`),
    bookmarkById: db.prepare<[number], BookmarkRow>(`${SELECT_BOOKMARK} WHERE b.id = ?`),
    addBookmark: db.prepare<{ id: number; anchor: string; label: string; fraction: number; stamp: string }>(
      `INSERT INTO article_bookmarks (article_id, anchor, label, fraction, created_at)
       VALUES (@id, @anchor, @label, @fraction, @stamp)
       ON CONFLICT (article_id, anchor) DO UPDATE SET label = excluded.label, fraction = excluded.fraction
       RETURNING id`
    ),
    removeBookmark: db.prepare<[number]>('DELETE FROM article_bookmarks WHERE id = ?')
  }

  const stamp = (): string => now().toISOString()

  function row(record: ArticleRecord, at: string): Record<string, unknown> {
    return {
      slug: record.slug,
      origin: record.origin,
      title: record.title,
      summary: record.summary,
      tags: JSON.stringify(record.tags),
      body: record.body,
      wordCount: record.wordCount,
      readingMinutes: record.readingMinutes,
      lastReviewed: record.lastReviewed,
      refs: JSON.stringify(record.references),
      fileName: record.fileName,
      contentHash: record.contentHash,
      stamp: at
    }
  }

  function reindex(id: number, record: ArticleRecord): void {
    stmt.unindex.run(id)
    stmt.index.run(id, record.title, record.summary, record.plainText)
  }

  /**
   * Brings the bundled articles in line with what ships in resources/: new ones
   * are added, changed ones (by content hash) rewritten in place so their
   * reading progress and bookmarks stay, and ones no longer shipped removed.
   */
  const syncBundled = db.transaction((records: ArticleRecord[]) => {
    const stored = new Map(stmt.bundledHashes.all().map((r) => [r.slug, r.content_hash]))
    const at = stamp()
    let changed = 0
    for (const record of records) {
      const hash = stored.get(record.slug)
      if (hash === record.contentHash) continue
      if (hash === undefined) stmt.insert.run(row(record, at))
      else stmt.updateBundled.run(row(record, at))
      reindex(stmt.idOf.get(record.slug)!.id, record)
      changed++
    }
    const shipped = new Set(records.map((r) => r.slug))
    for (const slug of stored.keys()) {
      if (shipped.has(slug)) continue
      const id = stmt.idOf.get(slug)!.id
      stmt.unindex.run(id)
      stmt.remove.run(id)
      changed++
    }
    return changed
  })

  const insertImported = db.transaction((record: ArticleRecord) => {
    const id = Number(stmt.insert.run(row(record, stamp())).lastInsertRowid)
    reindex(id, record)
    return id
  })

  const updateDetails = db.transaction((slug: string, title: string, tags: string[]) => {
    const id = stmt.idOf.get(slug)?.id
    if (id === undefined) return false
    stmt.updateDetails.run({ slug, title, tags: JSON.stringify(tags), stamp: stamp() })
    stmt.retitle.run(title, id)
    return true
  })

  const remove = db.transaction((id: number) => {
    stmt.unindex.run(id)
    stmt.remove.run(id)
  })

  return {
    syncBundled,
    bundledHashes: () => new Map(stmt.bundledHashes.all().map((r) => [r.slug, r.content_hash])),
    insertImported,
    updateDetails,
    remove,
    list(): ArticleSummary[] {
      return stmt.all.all().map(toSummary)
    },
    get(slug: string): StoredArticle | undefined {
      const found = stmt.bySlug.get(slug)
      return found ? toArticle(found) : undefined
    },
    slugTaken(slug: string): boolean {
      return stmt.slugTaken.get(slug) !== undefined
    },
    search(match: string, tag: string | null, limit: number, withSnippets = SNIPPET_LIMIT): RawSearchHit[] {
      return stmt.search.all({ match, tag, limit }).map((r, rank) => {
        // Bound as an integer: FTS5 ignores a rowid filter given as a floating-point number and would hand back the first match.
        const passages = rank < withSnippets ? stmt.snippets.get({ match, id: BigInt(Number(r['id'])) }) : undefined
        const body = passages?.body ?? ''
        const summary = passages?.summary ?? ''
        // Prefer a passage of the body that contains a match; else the summary's; else the plain summary.
        const snippet = body.includes(OPEN) ? body : summary.includes(OPEN) ? summary : String(r['summary'] ?? '')
        return {
          slug: String(r['slug']),
          origin: r['origin'] as 'bundled' | 'imported',
          tags: JSON.parse(String(r['tags'])) as string[],
          readingMinutes: Number(r['reading_minutes']),
          title: segments(String(r['marked_title'] ?? '')),
          snippet: segments(snippet)
        }
      })
    },
    saveProgress(id: number, position: number, anchor: string | null): void {
      const at = stamp()
      stmt.saveProgress.run({ id, position, anchor, readAt: position >= READ_THRESHOLD ? at : null, stamp: at })
    },
    setRead(id: number, read: boolean): void {
      const at = stamp()
      if (read) stmt.setRead.run({ id, readAt: at, stamp: at })
      else stmt.setUnread.run({ id, stamp: at })
    },
    bookmarks(): Bookmark[] {
      return stmt.bookmarks.all().map(toBookmark)
    },
    bookmarksOf(id: number): Bookmark[] {
      return stmt.bookmarksOf.all(id).map(toBookmark)
    },
    addBookmark(id: number, anchor: string | null, label: string, fraction: number): Bookmark {
      const added = stmt.addBookmark.get({ id, anchor: anchor ?? '', label, fraction, stamp: stamp() }) as { id: number }
      return toBookmark(stmt.bookmarkById.get(added.id)!)
    },
    removeBookmark(id: number): boolean {
      return stmt.removeBookmark.run(id).changes > 0
    }
  }
}

function toProgress(r: SummaryRow): ArticleProgress {
  return {
    position: r.position ?? 0,
    furthest: r.furthest ?? 0,
    anchor: r.anchor,
    read: r.read_at !== null,
    readAt: r.read_at,
    updatedAt: r.progress_updated_at
  }
}

function toSummary(r: SummaryRow): ArticleSummary {
  return {
    slug: r.slug,
    origin: r.origin,
    title: r.title,
    summary: r.summary,
    tags: JSON.parse(r.tags) as string[],
    wordCount: r.word_count,
    readingMinutes: r.reading_minutes,
    lastReviewed: r.last_reviewed,
    addedAt: r.created_at,
    fileName: r.file_name,
    progress: toProgress(r)
  }
}

function toArticle(r: ArticleRow): StoredArticle {
  return { id: r.id, ...toSummary(r), body: r.body, references: JSON.parse(r.refs) as string[], contentHash: r.content_hash }
}

function toBookmark(r: BookmarkRow): Bookmark {
  return {
    id: r.id,
    slug: r.slug,
    articleTitle: r.title,
    anchor: r.anchor === '' ? null : r.anchor,
    label: r.label,
    fraction: r.fraction,
    createdAt: r.created_at
  }
}

/** Splits FTS5 output marked with the control-character markers into plain segments. */
export function segments(marked: string): Segment[] {
  const out: Segment[] = []
  let match = false
  let text = ''
  const flush = (): void => {
    // Block boundaries in the indexed text are line breaks; in a one-line snippet they read better as a dot.
    text = text.replace(/\s*\n\s*/g, ' · ')
    if (text) {
      const last = out[out.length - 1]
      if (last && last.match === match) last.text += text
      else out.push({ text, match })
    }
    text = ''
  }
  for (const ch of marked) {
    if (ch === OPEN || ch === CLOSE) {
      flush()
      match = ch === OPEN
    } else {
      text += ch
    }
  }
  flush()
  return out
}
