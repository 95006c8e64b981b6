import { afterEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../support/app'
import { seedEverything } from '../../support/rich-data'
import type { ExportFile } from '../../../src/shared/contract'

let apps: TestApp[] = []
afterEach(() => {
  for (const app of apps) app.close()
  apps = []
})

function start(): TestApp {
  const app = startTestApp()
  apps.push(app)
  return app
}

async function exportOf(app: TestApp): Promise<ExportFile> {
  const result = await app.invoke('data.exportJson')
  if (!result.ok) throw new Error(result.error.message)
  return JSON.parse(result.value.content) as ExportFile
}

async function importInto(app: TestApp, content: string) {
  return app.invoke('data.importJson', { content })
}

describe('JSON export', () => {
  it('names its format, versions and time, and holds the user’s rows of every feature', async () => {
    const app = start()
    await seedEverything(app)
    const file = await exportOf(app)
    expect(file.format).toBe('stillwell-export')
    expect(file.formatVersion).toBe(1)
    expect(file.schemaVersion).toBe(app.opened.schemaVersion)
    expect(Number.isNaN(Date.parse(file.exportedAt))).toBe(false)
    const t = file.tables
    expect(t['journal_entries']).toHaveLength(2)
    expect(t['journal_factors']).toHaveLength(1)
    expect(t['plan_items']).toHaveLength(2)
    expect(t['meal_templates']).toHaveLength(1)
    expect(t['routine_ticks']).toHaveLength(1)
    expect(t['medications']!.map((m) => m['name'])).toEqual(['Pramipexole'])
    expect(t['medication_changes']).toHaveLength(1)
    expect(t['daytime_episodes']).toHaveLength(1)
    expect(t['irls_scores']).toHaveLength(1)
    expect(t['journal_medications']).toEqual([{ entry_id: expect.any(Number), position: 0, name: 'Pramipexole', amount: 0.125 }])
    expect(t['settings']!.length).toBeGreaterThan(0)
    // Only the user's own foods and documents; bundled rows come with the app.
    expect(t['foods']!.map((f) => f['source'])).toEqual(['user'])
    expect(t['articles']!.map((a) => a['origin'])).toEqual(['imported'])
    expect(t['article_progress']).toHaveLength(2)
    expect(t['article_bookmarks']).toHaveLength(2)
    // Derived tables are left out.
    for (const derived of ['food_catalogue', 'usda_uses', 'foods_fts', 'foods_fts_data', 'article_search', 'article_search_content']) {
      expect(t).not.toHaveProperty(derived)
    }
  })
})

describe('JSON import', () => {
  it('round-trips: export → import into a fresh database → export gives identical data', async () => {
    const source = start()
    await seedEverything(source)
    const first = await exportOf(source)

    const target = start()
    const imported = await importInto(target, JSON.stringify(first))
    expect(imported.ok).toBe(true)
    const second = await exportOf(target)
    expect(second.tables).toEqual(first.tables)

    // And the app reads it back: the nights, the plan and the imported document are there.
    expect((await target.invoke('journal.get', { eveningDate: '2026-11-20' })).ok).toBe(true)
    const day = await target.invoke('planner.day', { day: '2026-11-21' })
    expect(day.ok && day.value.meals.flatMap((m) => m.items).length).toBe(2)
    const hits = await target.invoke('articles.search', { query: 'neurologist' })
    expect(hits.ok && hits.value.length).toBe(1)
  })

  it('replaces what was there (after a backup) and round-trips on the same database after delete all', async () => {
    const app = start()
    await seedEverything(app)
    const before = await exportOf(app)
    const deleted = await app.invoke('data.deleteAll', { confirm: 'DELETE', backupFirst: true })
    expect(deleted.ok && deleted.value.backupId).toMatch(/^stillwell-safety-/)
    const empty = await exportOf(app)
    expect(empty.tables['journal_entries']).toEqual([])
    expect(empty.tables['foods']).toEqual([])
    expect((await app.invoke('articles.search', { query: 'neurologist' })).ok && app.services.articles.search('neurologist')).toEqual([])

    const result = await importInto(app, JSON.stringify(before))
    expect(result.ok).toBe(true)
    expect((await exportOf(app)).tables).toEqual(before.tables)
    // Importing the same file again replaces rather than duplicates.
    expect((await importInto(app, JSON.stringify(before))).ok).toBe(true)
    expect((await exportOf(app)).tables).toEqual(before.tables)
  })

  it('refuses a file that is not JSON, or not a Stillwell export, and writes nothing', async () => {
    const app = start()
    await seedEverything(app)
    const before = await exportOf(app)
    for (const [content, message] of [
      ['not json at all', /not valid JSON/],
      [JSON.stringify({ hello: 'world' }), /not a Stillwell export/],
      [JSON.stringify({ ...before, tables: { journal_entries: 'oops' } }), /not a valid Stillwell export/]
    ] as const) {
      const result = await importInto(app, content)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.message).toMatch(message)
    }
    expect((await exportOf(app)).tables).toEqual(before.tables)
  })

  it('refuses a file that lacks the tables every export has, naming them, and writes nothing', async () => {
    const app = start()
    await seedEverything(app)
    const before = await exportOf(app)
    const withoutJournal = Object.fromEntries(Object.entries(before.tables).filter(([name]) => name !== 'journal_entries'))
    const head = { format: 'stillwell-export', formatVersion: 1, schemaVersion: before.schemaVersion, exportedAt: 'x' }
    for (const [content, message] of [
      [JSON.stringify({ ...head, tables: {} }), /not a complete Stillwell export.*has no "article_bookmarks", .* and \d+ more\. Nothing/],
      [JSON.stringify({ ...before, tables: withoutJournal }), /not a complete Stillwell export.*no "journal_entries"\. Nothing/],
      // Written by hand, as JSON.parse reads it: an own key called __proto__, which a schema record drops silently.
      [`{"format":"stillwell-export","formatVersion":1,"schemaVersion":${before.schemaVersion},"exportedAt":"x","tables":{"__proto__":[{"id":1}]}}`, /not a complete/],
      [JSON.stringify({ ...before }).replace('"tables":{', '"tables":{"__proto__":[],'), /the table "__proto__" is not part/],
      [
        JSON.stringify({ ...before }).replace('"journal_factors":[{', '"journal_factors":[{"__proto__":{"x":1},'),
        /journal_factors, row 1: unknown column "__proto__"/
      ]
    ] as const) {
      const result = await importInto(app, content)
      expect(result.ok, content.slice(0, 80)).toBe(false)
      if (!result.ok) expect(result.error.message).toMatch(message)
      expect((await exportOf(app)).tables).toEqual(before.tables)
    }
  })

  it('accepts an export from an older schema that lacks only the tables added since', async () => {
    const app = start()
    const file = await exportOf(app)
    const added = ['experiments', 'experiment_checkins', 'lab_results']
    const older = Object.fromEntries(Object.entries(file.tables).filter(([name]) => !added.includes(name)))
    const result = await importInto(app, JSON.stringify({ ...file, schemaVersion: 5, tables: older }))
    expect(result).toMatchObject({ ok: true })
  })

  it('refuses a file from a newer format or a newer schema, saying to install the newer version', async () => {
    const app = start()
    const file = await exportOf(app)
    for (const newer of [
      { ...file, formatVersion: 99 },
      { ...file, schemaVersion: file.schemaVersion + 1 }
    ]) {
      const result = await importInto(app, JSON.stringify(newer))
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.message).toMatch(/newer version of Stillwell/)
    }
  })

  it('writes nothing when some rows are bad: unknown tables, unknown columns, broken constraints or links', async () => {
    const app = start()
    await seedEverything(app)
    const before = await exportOf(app)
    const good = before.tables
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...good, not_a_table: [] }, /"not_a_table" is not part/],
      [{ ...good, journal_factors: [{ ...good['journal_factors']![0], colour: 'red' }] }, /unknown column "colour"/],
      // The first night is fine, the second breaks a CHECK: neither may land.
      [
        { ...good, journal_entries: [good['journal_entries']![0], { ...good['journal_entries']![1], severity: 42 }] },
        /journal_entries, row 2/
      ],
      // A plan item for a food that exists nowhere.
      [{ ...good, plan_items: [{ ...good['plan_items']![0], food_id: 'zz-missing' }] }, /pointing at something missing/]
    ]
    for (const [tables, message] of cases) {
      const result = await importInto(app, JSON.stringify({ ...before, tables }))
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.message).toMatch(message)
      expect((await exportOf(app)).tables).toEqual(before.tables)
    }
  })
})

describe('CSV export', () => {
  it('gives one table with a header row and guards cells a spreadsheet would run', async () => {
    const app = start()
    await seedEverything(app)
    const result = await app.invoke('data.exportCsv', { table: 'journal_entries' })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.fileName).toMatch(/^stillwell-journal_entries-\d{4}-\d{2}-\d{2}\.csv$/)
    const [header, ...lines] = result.value.content.trim().split('\r\n')
    expect(header).toContain('evening_date')
    expect(lines).toHaveLength(2)
    expect(result.value.content).toContain(`'=cmd|calc`)
    expect((await app.invoke('data.exportCsv', { table: 'food_catalogue' })).ok).toBe(false)
  })
})
