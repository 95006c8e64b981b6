import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/connection'
import { migrate } from '../../../src/main/db/migrate'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src/main/db/migrations'
import type { Channel } from '../../../src/shared/contract'
import { startTestApp, type TestApp } from '../../support/app'
import { fixedClock, night } from '../../support/journal'
import { makeTempDir } from '../../support/temp-dir'

/**
 * One database for every schema version Stillwell has had, built the way an
 * older app built it (migrations 1..N only) and filled with real rows, then
 * opened by today's app: every row must still be there, unchanged.
 *
 * The rows come from a rich database written through today's services; each
 * version's fixture gets the rows of the tables that version had. New
 * migrations are covered automatically.
 */
let source: TestApp
let temp: ReturnType<typeof makeTempDir>

async function call(channel: Channel, input?: unknown): Promise<unknown> {
  const result = await source.invoke(channel, input as never)
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.value
}

beforeAll(async () => {
  temp = makeTempDir()
  source = startTestApp(undefined, { clock: fixedClock('2026-11-24T08:00:00Z') })
  await call('settings.completeOnboarding', {
    profile: { name: 'Fixture', ageBand: '51-70', sex: 'female', lifeStage: 'none', bedtime: '23:00' },
    disclaimerAccepted: true
  })
  await call('journal.factors.create', { label: 'Late dinner', kind: 'yesno' })
  for (const [i, date] of ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'].entries()) {
    await call(
      'journal.create',
      night(date, { severity: i + 2, notes: `night ${i}`, factors: { magnesiumMg: 200, medications: ['ferrous sulfate'] } })
    )
  }
  const med = (await call('medications.create', {
    name: 'Pramipexole',
    strength: 0.088,
    unit: 'mg',
    usualDose: 0.088,
    usualTime: '20:00',
    startDate: '2026-10-01',
    stopDate: null,
    purpose: 'RLS',
    prescriberNote: 'Take two hours before bed'
  })) as { id: number }
  await call('medications.changeDose', { medicationId: med.id, changedOn: '2026-11-01', dose: 0.18, note: 'Symptoms back' })
  await call('episodes.create', { date: '2026-11-23', time: '15:30', severity: 5, helped: 'A walk' })
  await call('irls.create', { scoredOn: '2026-11-02', total: 22, note: 'Sleep clinic' })
  await call('articles.savePosition', { slug: 'iron-and-rls', fraction: 0.4, anchor: null })
  await call('articles.setRead', { slug: 'what-is-rls', read: true })
  await call('planner.addItem', { day: '2026-11-23', meal: 'snacks', foodId: '12014', amount: 28.35, unit: { kind: 'g' } })
  await call('planner.addItem', { day: '2026-11-23', meal: 'breakfast', foodId: '12061', amount: 1, unit: { kind: 'serving' } })
  await call('planner.saveTemplate', { name: 'Seed snack', day: '2026-11-23', meal: 'snacks' })
  await call('foods.create', {
    name: 'Grandma’s lentil soup',
    basis: '100g',
    magnesiumMg: 30,
    ironMg: 1.2,
    kcal: 90,
    serving: null,
    portions: []
  })
  const routine = (await call('routine.get')) as { eveningDate: string; items: { id: number }[] }
  await call('routine.tick', { eveningDate: routine.eveningDate, itemId: routine.items[0]!.id, done: true })
})
afterAll(() => {
  source.close()
  temp.cleanup()
})

type Rows = Record<string, string[]>

function tablesOf(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]
  )
    .filter((name) => !/_fts(_|$)|_search(_|$)/.test(name)) // full-text index shadow tables are rebuilt, not data
    .filter((name) => name !== 'usda_uses') // counted from plan_items by triggers, not data
}

/** Tables a later migration dropped because they only described shipped data, never the user's. */
const DROPPED_DERIVED = ['food_catalogue']

/**
 * Every row of the given tables, with the given columns (those the old version
 * had: a later migration may add a column, never change an old one's values).
 */
function dump(db: Database.Database, tables: string[], columnsOf: (table: string) => string[]): Rows {
  // Sorted in JavaScript: some tables are WITHOUT ROWID.
  const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort()
  return Object.fromEntries(
    tables.map((t) => [
      t,
      sorted(
        db
          .prepare(
            `SELECT ${columnsOf(t)
              .map((c) => `"${c}"`)
              .join(', ')} FROM "${t}"`
          )
          .all()
      )
    ])
  )
}

describe.each(MIGRATIONS.map((m) => [m.version]))('a database at schema version %i', (version) => {
  it('opens in today’s app with every row preserved', () => {
    const path = join(temp.dir, `v${version}`)
    const file = join(path, 'stillwell.db')
    mkdirSync(path, { recursive: true })

    // Built as the app of that version built it.
    const old = new Database(file)
    old.pragma('journal_mode = WAL')
    old.pragma('foreign_keys = OFF')
    migrate(old, MIGRATIONS.slice(0, version))
    old.pragma('application_id = 0x5354494c')
    const tables = tablesOf(old)
    const oldColumns = new Map(
      tables.map((t) => [t, (old.prepare(`PRAGMA main.table_info("${t}")`).all() as { name: string }[]).map((c) => c.name)])
    )
    const columnsOf = (t: string): string[] => oldColumns.get(t)!
    old.exec(`ATTACH DATABASE '${source.opened.path.replace(/'/g, "''")}' AS rich`)
    const inRich = new Set(old.prepare("SELECT name FROM rich.sqlite_schema WHERE type = 'table'").pluck().all() as string[])
    for (const table of tables.filter((t) => inRich.has(t))) {
      const columns = (old.prepare(`PRAGMA main.table_info("${table}")`).all() as { name: string }[]).map((c) => `"${c.name}"`).join(', ')
      old.exec(`INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM rich."${table}"`)
    }
    old.exec('DETACH DATABASE rich')
    const before = dump(old, tables, columnsOf)
    const filled = Object.entries(before)
      .filter(([, rows]) => rows.length > 0)
      .map(([t]) => t)
    old.close()

    const opened = openDatabase({ dataDir: path })
    try {
      expect(opened.notices).toEqual([])
      expect(opened.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
      expect(opened.db.pragma('integrity_check', { simple: true })).toBe('ok')
      const kept = tablesOf(opened.db)
      expect(tables.filter((t) => !kept.includes(t)).every((t) => DROPPED_DERIVED.includes(t))).toBe(true)
      const still = tables.filter((t) => kept.includes(t))
      expect(dump(opened.db, still, columnsOf)).toEqual(Object.fromEntries(still.map((t) => [t, before[t]])))
      expect(opened.db.pragma('foreign_key_check')).toEqual([])
    } finally {
      opened.db.close()
    }
    // The fixture really holds data for what it had at that version.
    expect(filled).toContain('settings')
    if (version >= 2) expect(filled).toEqual(expect.arrayContaining(['journal_entries', 'journal_factors', 'journal_medications']))
    if (version >= 7)
      expect(filled).toEqual(expect.arrayContaining(['medications', 'medication_changes', 'daytime_episodes', 'irls_scores']))
  })
})
