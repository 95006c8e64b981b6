import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate } from '../../../src/main/db/migrate'
import { MIGRATIONS } from '../../../src/main/db/migrations'

let db: Database.Database
afterEach(() => db?.close())

function migrated(): Database.Database {
  db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db, MIGRATIONS)
  return db
}

const article = (slug: string, origin = 'bundled', extra: Record<string, unknown> = {}) => ({
  slug,
  origin,
  title: 'A title',
  summary: '',
  tags: '[]',
  body: 'Text',
  word_count: 1,
  reading_minutes: 1,
  last_reviewed: null,
  refs: '[]',
  file_name: origin === 'imported' ? 'a.md' : null,
  content_hash: 'h',
  created_at: 'now',
  updated_at: 'now',
  ...extra
})

function insert(d: Database.Database, row: Record<string, unknown>): number {
  const keys = Object.keys(row)
  return Number(
    d.prepare(`INSERT INTO articles (${keys.join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`).run(row).lastInsertRowid
  )
}

describe('the articles migration', () => {
  it('creates strict tables and a full-text index', () => {
    const d = migrated()
    const strict = d.prepare("SELECT name FROM pragma_table_list WHERE strict = 1 AND name LIKE 'article%'").pluck().all()
    expect(strict).toEqual(expect.arrayContaining(['articles', 'article_progress', 'article_bookmarks']))
    const id = insert(d, article('iron-and-rls'))
    d.prepare('INSERT INTO article_search (rowid, title, summary, body) VALUES (?, ?, ?, ?)').run(id, 'Iron and RLS', '', 'ferritin levels')
    expect(d.prepare("SELECT rowid FROM article_search WHERE article_search MATCH 'level'").pluck().all()).toEqual([id])
  })

  it('refuses rows that break its rules', () => {
    const d = migrated()
    const bad: Record<string, unknown>[] = [
      article('Not A Slug'),
      article('x', 'elsewhere'),
      article('x', 'bundled', { title: '   ' }),
      article('x', 'bundled', { tags: '{"a":1}' }),
      article('x', 'bundled', { last_reviewed: '2026-02-31' }),
      article('x', 'bundled', { reading_minutes: 0 }),
      article('x', 'bundled', { file_name: 'a.md' }),
      // Bundled articles cannot take the prefix of the user's documents, and the user's documents must use it.
      article('your-x', 'bundled'),
      article('mine', 'imported')
    ]
    for (const row of bad) expect(() => insert(d, row), JSON.stringify(row)).toThrow(/constraint/i)
    expect(d.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0)
  })

  it('removes progress and bookmarks with their article, and keeps positions within the article', () => {
    const d = migrated()
    const id = insert(d, article('your-notes', 'imported'))
    d.prepare("INSERT INTO article_progress VALUES (?, 0.5, 0.5, NULL, NULL, 'now')").run(id)
    d.prepare("INSERT INTO article_bookmarks (article_id, anchor, label, fraction, created_at) VALUES (?, '', 'Beginning', 0, 'now')").run(
      id
    )
    expect(() =>
      d.prepare("INSERT INTO article_bookmarks (article_id, anchor, label, fraction, created_at) VALUES (?, '', 'Again', 0, 'now')").run(id)
    ).toThrow(/UNIQUE/)
    expect(() => d.prepare('UPDATE article_progress SET position = 1.2 WHERE article_id = ?').run(id)).toThrow(/CHECK/)
    expect(() => d.prepare("INSERT INTO article_progress VALUES (999, 0.1, 0.1, NULL, NULL, 'now')").run()).toThrow(/FOREIGN KEY/)
    d.prepare('DELETE FROM articles WHERE id = ?').run(id)
    expect(d.prepare('SELECT count(*) FROM article_progress').pluck().get()).toBe(0)
    expect(d.prepare('SELECT count(*) FROM article_bookmarks').pluck().get()).toBe(0)
  })
})
