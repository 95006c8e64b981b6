import type { Database } from 'better-sqlite3'

/** A small JSON key/value table: settings and shell state (window bounds) live here. */
export interface KeyValueStore {
  get(key: string): unknown
  entries(): Map<string, unknown>
  set(entries: Record<string, unknown>): void
}

export function createKeyValueStore(db: Database, now: () => Date = () => new Date()): KeyValueStore {
  const selectOne = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
  const selectAll = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings')
  const upsert = db.prepare<[string, string, string]>(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at'
  )
  const writeAll = db.transaction((entries: Record<string, unknown>) => {
    const stamp = now().toISOString()
    for (const [key, value] of Object.entries(entries)) upsert.run(key, JSON.stringify(value), stamp)
  })

  return {
    get(key) {
      const row = selectOne.get(key)
      return row ? (JSON.parse(row.value) as unknown) : undefined
    },
    entries() {
      return new Map(selectAll.all().map((row) => [row.key, JSON.parse(row.value) as unknown]))
    },
    set(entries) {
      writeAll(entries)
    }
  }
}
