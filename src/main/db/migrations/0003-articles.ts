import type { Migration } from './types'

/**
 * The article library: bundled articles (re-indexed from resources/ at start
 * when their content hash changes) and the user's own imported documents, a
 * full-text index over both, reading progress and bookmarks.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'articles',
  up(db) {
    db.exec(`
      CREATE TABLE articles (
        id              INTEGER PRIMARY KEY,
        slug            TEXT NOT NULL UNIQUE
                        CHECK (length(slug) BETWEEN 1 AND 120 AND slug NOT GLOB '*[^a-z0-9-]*'),
        origin          TEXT NOT NULL CHECK (origin IN ('bundled', 'imported')),
        title           TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
        summary         TEXT NOT NULL CHECK (length(summary) <= 300),
        tags            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
        body            TEXT NOT NULL,
        word_count      INTEGER NOT NULL CHECK (word_count >= 0),
        reading_minutes INTEGER NOT NULL CHECK (reading_minutes >= 1),
        last_reviewed   TEXT CHECK (last_reviewed IS NULL OR date(last_reviewed) IS last_reviewed),
        refs            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(refs) AND json_type(refs) = 'array'),
        file_name       TEXT CHECK (file_name IS NULL OR length(file_name) BETWEEN 1 AND 255),
        content_hash    TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        -- Only the user's own documents come from a file they picked; their slugs keep to their own prefix.
        CHECK (origin = 'imported' OR file_name IS NULL),
        CHECK ((origin = 'imported') = (slug GLOB 'your-*'))
      ) STRICT;
      CREATE INDEX articles_by_origin ON articles (origin, title);

      -- Title, summary and plain body text (no Markdown syntax, no link addresses); rowid = articles.id.
      CREATE VIRTUAL TABLE article_search USING fts5(
        title, summary, body,
        tokenize = 'porter unicode61 remove_diacritics 2'
      );

      CREATE TABLE article_progress (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        position   REAL NOT NULL CHECK (position BETWEEN 0 AND 1),
        furthest   REAL NOT NULL CHECK (furthest BETWEEN 0 AND 1),
        anchor     TEXT CHECK (anchor IS NULL OR length(anchor) BETWEEN 1 AND 120),
        read_at    TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE article_bookmarks (
        id         INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        -- '' marks the beginning of the article, so UNIQUE also holds there (NULLs would not collide).
        anchor     TEXT NOT NULL DEFAULT '' CHECK (length(anchor) <= 120),
        label      TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
        fraction   REAL NOT NULL CHECK (fraction BETWEEN 0 AND 1),
        created_at TEXT NOT NULL,
        UNIQUE (article_id, anchor)
      ) STRICT;
    `)
  }
}
