import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3'
import { outlineMarkdown } from '../../shared/domain/markdown'
import { migrate } from './migrate'
import { MIGRATIONS } from './migrations'

/**
 * Which tables hold the user's own data, found from the live schema so that a
 * table a later migration adds is exported, imported and deleted without
 * changes here. Everything else is left out, and why:
 */
const LEFT_OUT: Record<string, string> = {
  // Schemas 4–8 kept which version of the shipped USDA files was loaded (dropped in migration 9): never the
  // user's data, never in an export, so an older export is not expected to carry it either.
  food_catalogue: 'derived from the bundled USDA files',
  // How often each USDA food is planned: counted from plan items by triggers, so an import recounts it.
  usda_uses: 'counted from plan_items',
  // When the reminder scheduler last looked at the clock: this computer's bookkeeping, not the user's data.
  // Brought from another time, it would make the scheduler think it had seen (or missed) evenings it had not.
  reminder_state: 'scheduler bookkeeping'
}

/**
 * Tables of which only some rows are the user's. The others come with the app
 * (bundled articles, loaded again from its files; a USDA food kept only because
 * old plans use it), so exporting them would only repeat the app.
 */
const USER_ROWS: Record<string, string> = {
  foods: "source = 'user'",
  food_portions: "food_id IN (SELECT id FROM foods WHERE source = 'user')",
  articles: "origin = 'imported'"
}

export interface UserTable {
  name: string
  columns: string[]
  /** Column names of the primary key (rowid tables: the INTEGER PRIMARY KEY), for a stable row order. */
  key: string[]
  /** An SQL condition selecting the user's rows, or null for every row. */
  where: string | null
}

interface TableListRow {
  schema: string
  name: string
  type: string
}

interface ColumnRow {
  name: string
  pk: number
  hidden: number
}

interface ForeignKeyRow {
  table: string
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`

/**
 * The user's tables, ordered so that a table comes before every table it
 * refers to (children first). Virtual tables (full-text indexes) and their
 * shadow tables are skipped: they are derived from the rows they index.
 */
export function discoverUserTables(db: Database): UserTable[] {
  const listed = db.prepare<[], TableListRow>('PRAGMA main.table_list').all()
  const tables = listed
    .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_') && !(t.name in LEFT_OUT))
    .map((t) => t.name)
    .sort()
  const byName = new Map<string, UserTable>()
  const parents = new Map<string, string[]>()
  for (const name of tables) {
    const columns = db.prepare<[], ColumnRow>(`PRAGMA main.table_xinfo(${quote(name)})`).all()
    const visible = columns.filter((c) => c.hidden === 0)
    const key = visible
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name)
    byName.set(name, { name, columns: visible.map((c) => c.name), key, where: USER_ROWS[name] ?? null })
    const refs = db.prepare<[], ForeignKeyRow>(`PRAGMA main.foreign_key_list(${quote(name)})`).all()
    parents.set(
      name,
      refs.map((r) => r.table).filter((t) => t !== name)
    )
  }
  // Children first: a table is placed only after every table that refers to it.
  const ordered: UserTable[] = []
  const placed = new Set<string>()
  const referrers = (name: string): string[] => tables.filter((t) => !placed.has(t) && t !== name && parents.get(t)?.includes(name))
  while (placed.size < tables.length) {
    const next = tables.find((t) => !placed.has(t) && referrers(t).length === 0) ?? tables.find((t) => !placed.has(t))!
    placed.add(next)
    ordered.push(byName.get(next)!)
  }
  return ordered
}

const tablesBySchema = new Map<number, string[]>()

/**
 * The user tables a database at schema `version` has: so the tables every
 * export made at that version lists (an export writes each of them, empty or
 * not). Found by migrating an empty in-memory database that far, so it stays
 * right when a migration adds a table.
 */
export function userTableNamesAt(version: number): string[] {
  const known = tablesBySchema.get(version)
  if (known) return known
  const scratch = new BetterSqlite3(':memory:')
  try {
    migrate(scratch, MIGRATIONS.slice(0, Math.max(0, Math.min(version, MIGRATIONS.length))))
    const names = discoverUserTables(scratch)
      .map((t) => t.name)
      .sort()
    tablesBySchema.set(version, names)
    return names
  } finally {
    scratch.close()
  }
}

export type Row = Record<string, string | number | null>

/** The user's rows of one table, in key order so two exports of the same data are identical. */
export function readRows(db: Database, table: UserTable): Row[] {
  const order = table.key.length > 0 ? table.key.map(quote).join(', ') : 'rowid'
  const where = table.where ? ` WHERE ${table.where}` : ''
  const rows = db
    .prepare(`SELECT ${table.columns.map(quote).join(', ')} FROM ${quote(table.name)}${where} ORDER BY ${order}`)
    .all() as Row[]
  return rows
}

export function countRows(db: Database, table: UserTable): number {
  const where = table.where ? ` WHERE ${table.where}` : ''
  return (db.prepare(`SELECT count(*) AS n FROM ${quote(table.name)}${where}`).get() as { n: number }).n
}

/** Removes the user's rows of every table (children first). Call inside a transaction. */
export function deleteUserRows(db: Database, tables: readonly UserTable[]): void {
  for (const table of tables) {
    db.prepare(`DELETE FROM ${quote(table.name)}${table.where ? ` WHERE ${table.where}` : ''}`).run()
  }
}

/**
 * Inserts rows exactly as given (their keys included). Call inside a
 * transaction. A row SQLite refuses is reported with its index through
 * `refused`, which must throw (so the transaction rolls back).
 */
export function insertRows(db: Database, table: UserTable, rows: readonly Row[], refused: (index: number, error: unknown) => never): void {
  const byShape = new Map<string, Statement<unknown[]>>()
  rows.forEach((row, index) => {
    const columns = Object.keys(row)
    const shape = columns.join('\u0000')
    let statement = byShape.get(shape)
    if (!statement) {
      statement = db.prepare<unknown[]>(
        `INSERT INTO ${quote(table.name)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
      )
      byShape.set(shape, statement)
    }
    try {
      statement.run(...columns.map((c) => row[c]))
    } catch (error) {
      refused(index, error)
    }
  })
}

/**
 * Brings the article search index back in line after rows were replaced: the
 * index is not tied to the articles table, so removed documents leave entries
 * behind and imported ones arrive without any. Call inside a transaction.
 */
export function reindexArticles(db: Database): void {
  const has = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'article_search'").get()
  if (!has) return
  db.prepare('DELETE FROM article_search WHERE rowid NOT IN (SELECT id FROM articles)').run()
  const missing = db
    .prepare<[], { id: number; title: string; summary: string; body: string }>(
      'SELECT id, title, summary, body FROM articles WHERE id NOT IN (SELECT rowid FROM article_search)'
    )
    .all()
  const insert = db.prepare('INSERT INTO article_search (rowid, title, summary, body) VALUES (?, ?, ?, ?)')
  for (const article of missing) insert.run(article.id, article.title, article.summary, outlineMarkdown(article.body).plainText)
}
