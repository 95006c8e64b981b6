// Over 400 lines: every SQL statement for nights and factors in one place while the night's schema is being reworked; split into nights and factors after that.
import type { Database } from 'better-sqlite3'
import type { CustomFactor, JournalEntry, NightEntry } from '../../shared/contract'
import type { InsightNight } from '../../shared/domain/insights'
import {
  nightFlags,
  type BodyArea,
  type CustomFactorKind,
  type DerivedSleep,
  type MagnesiumForm,
  type Relief
} from '../../shared/domain/journal'

/** One journal_entries row as SQLite returns it. */
interface EntryRow {
  id: number
  evening_date: string
  zone: string
  severity: number
  symptom_start: string | null
  area_legs: number
  area_arms: number
  area_other: number
  relieved_by_moving: string | null
  sleep_disturbance: number | null
  in_bed: string
  tried_to_sleep: string
  latency_minutes: number
  awakenings: number
  waso_minutes: number
  final_wake: string
  out_of_bed: string
  quality: number | null
  rested: number | null
  nap_count: number
  nap_minutes: number
  time_in_bed_minutes: number
  total_sleep_minutes: number
  sleep_efficiency: number
  caffeine_drinks: number
  caffeine_last: string | null
  alcohol_drinks: number
  alcohol_last: string | null
  exercise_minutes: number
  exercise_evening: number
  stress: number | null
  magnesium_mg: number
  magnesium_form: string | null
  iron_mg: number
  notes: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}

interface FactorRow {
  id: number
  label: string
  kind: string
  archived_at: string | null
}

/** What a save writes: the entry as entered (zone resolved) plus its derived sleep figures. */
export interface EntryWrite {
  entry: NightEntry & { zone: string }
  derived: DerivedSleep
}

type Params = Record<string, string | number | null>
type EntryParams = Record<(typeof COLUMNS)[number], string | number | null>

function toParams({ entry, derived }: EntryWrite): EntryParams {
  const { sleep, factors } = entry
  return {
    evening_date: entry.eveningDate,
    zone: entry.zone,
    severity: entry.severity,
    symptom_start: entry.symptomStart,
    area_legs: entry.bodyAreas.includes('legs') ? 1 : 0,
    area_arms: entry.bodyAreas.includes('arms') ? 1 : 0,
    area_other: entry.bodyAreas.includes('other') ? 1 : 0,
    relieved_by_moving: entry.relievedByMoving,
    sleep_disturbance: entry.sleepDisturbance,
    in_bed: sleep.inBed,
    tried_to_sleep: sleep.triedToSleep,
    latency_minutes: sleep.latencyMinutes,
    awakenings: sleep.awakenings,
    waso_minutes: sleep.wasoMinutes,
    final_wake: sleep.finalWake,
    out_of_bed: sleep.outOfBed,
    quality: sleep.quality,
    rested: sleep.rested,
    nap_count: sleep.napCount,
    nap_minutes: sleep.napMinutes,
    time_in_bed_minutes: derived.timeInBedMinutes,
    total_sleep_minutes: derived.totalSleepMinutes,
    sleep_efficiency: derived.sleepEfficiency,
    caffeine_drinks: factors.caffeineDrinks,
    caffeine_last: factors.caffeineLast,
    alcohol_drinks: factors.alcoholDrinks,
    alcohol_last: factors.alcoholLast,
    exercise_minutes: factors.exerciseMinutes,
    exercise_evening: factors.exerciseEvening ? 1 : 0,
    stress: factors.stress,
    magnesium_mg: factors.magnesiumMg,
    magnesium_form: factors.magnesiumForm,
    iron_mg: factors.ironMg,
    notes: entry.notes
  }
}

/** Every column a save writes, in the order of `toParams`. */
const COLUMNS = [
  'evening_date',
  'zone',
  'severity',
  'symptom_start',
  'area_legs',
  'area_arms',
  'area_other',
  'relieved_by_moving',
  'sleep_disturbance',
  'in_bed',
  'tried_to_sleep',
  'latency_minutes',
  'awakenings',
  'waso_minutes',
  'final_wake',
  'out_of_bed',
  'quality',
  'rested',
  'nap_count',
  'nap_minutes',
  'time_in_bed_minutes',
  'total_sleep_minutes',
  'sleep_efficiency',
  'caffeine_drinks',
  'caffeine_last',
  'alcohol_drinks',
  'alcohol_last',
  'exercise_minutes',
  'exercise_evening',
  'stress',
  'magnesium_mg',
  'magnesium_form',
  'iron_mg',
  'notes'
] as const

/**
 * The columns a range of nights is read with (all but deleted_at, which such a read requires to be null), as plain
 * arrays: for a year of nights, better-sqlite3 building a keyed object of 37 columns per row costs more than the
 * query itself. `rangeRow` names the values again, each by its column's position in this list; a column added to
 * COLUMNS and EntryRow but not named there is a type error (RangeRow has it, the object does not).
 */
const RANGE_COLUMNS = ['id', ...COLUMNS, 'created_at', 'updated_at'] as const satisfies readonly (keyof EntryRow)[]

type RangeColumn = (typeof RANGE_COLUMNS)[number]
type RangeRow = Pick<EntryRow, RangeColumn>
const AT = Object.fromEntries(RANGE_COLUMNS.map((column, i) => [column, i])) as Record<RangeColumn, number>

function rangeRow(values: readonly unknown[]): RangeRow {
  // Each value is what SQLite holds in that column, as EntryRow describes it; only the names are put back here.
  const v = values as readonly never[]
  return {
    id: v[AT.id],
    evening_date: v[AT.evening_date],
    zone: v[AT.zone],
    severity: v[AT.severity],
    symptom_start: v[AT.symptom_start],
    area_legs: v[AT.area_legs],
    area_arms: v[AT.area_arms],
    area_other: v[AT.area_other],
    relieved_by_moving: v[AT.relieved_by_moving],
    sleep_disturbance: v[AT.sleep_disturbance],
    in_bed: v[AT.in_bed],
    tried_to_sleep: v[AT.tried_to_sleep],
    latency_minutes: v[AT.latency_minutes],
    awakenings: v[AT.awakenings],
    waso_minutes: v[AT.waso_minutes],
    final_wake: v[AT.final_wake],
    out_of_bed: v[AT.out_of_bed],
    quality: v[AT.quality],
    rested: v[AT.rested],
    nap_count: v[AT.nap_count],
    nap_minutes: v[AT.nap_minutes],
    time_in_bed_minutes: v[AT.time_in_bed_minutes],
    total_sleep_minutes: v[AT.total_sleep_minutes],
    sleep_efficiency: v[AT.sleep_efficiency],
    caffeine_drinks: v[AT.caffeine_drinks],
    caffeine_last: v[AT.caffeine_last],
    alcohol_drinks: v[AT.alcohol_drinks],
    alcohol_last: v[AT.alcohol_last],
    exercise_minutes: v[AT.exercise_minutes],
    exercise_evening: v[AT.exercise_evening],
    stress: v[AT.stress],
    magnesium_mg: v[AT.magnesium_mg],
    magnesium_form: v[AT.magnesium_form],
    iron_mg: v[AT.iron_mg],
    notes: v[AT.notes],
    created_at: v[AT.created_at],
    updated_at: v[AT.updated_at]
  }
}

/** A medicine logged on a night; amount null means "as logged" (no dose recorded). */
interface MedRow {
  name: string
  amount: number | null
}

function toEntry(row: RangeRow, meds: MedRow[], custom: { factorId: number; value: number }[]): JournalEntry {
  const bodyAreas: BodyArea[] = []
  if (row.area_legs) bodyAreas.push('legs')
  if (row.area_arms) bodyAreas.push('arms')
  if (row.area_other) bodyAreas.push('other')
  return {
    id: row.id,
    eveningDate: row.evening_date,
    zone: row.zone,
    severity: row.severity,
    symptomStart: row.symptom_start,
    bodyAreas,
    relievedByMoving: row.relieved_by_moving as Relief | null,
    sleepDisturbance: row.sleep_disturbance,
    sleep: {
      inBed: row.in_bed,
      triedToSleep: row.tried_to_sleep,
      latencyMinutes: row.latency_minutes,
      awakenings: row.awakenings,
      wasoMinutes: row.waso_minutes,
      finalWake: row.final_wake,
      outOfBed: row.out_of_bed,
      quality: row.quality,
      rested: row.rested,
      napCount: row.nap_count,
      napMinutes: row.nap_minutes
    },
    factors: {
      caffeineDrinks: row.caffeine_drinks,
      caffeineLast: row.caffeine_last,
      alcoholDrinks: row.alcohol_drinks,
      alcoholLast: row.alcohol_last,
      exerciseMinutes: row.exercise_minutes,
      exerciseEvening: row.exercise_evening === 1,
      stress: row.stress,
      magnesiumMg: row.magnesium_mg,
      magnesiumForm: row.magnesium_form as MagnesiumForm | null,
      ironMg: row.iron_mg,
      medications: meds.map((m) => m.name),
      doses: meds.filter((m) => m.amount !== null).map((m) => ({ name: m.name, amount: m.amount! }))
    },
    custom,
    notes: row.notes,
    metrics: {
      timeInBedMinutes: row.time_in_bed_minutes,
      totalSleepMinutes: row.total_sleep_minutes,
      sleepEfficiency: row.sleep_efficiency
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

function toFactor(row: FactorRow): CustomFactor {
  return { id: row.id, label: row.label, kind: row.kind as CustomFactorKind, archived: row.archived_at !== null }
}

export interface JournalStore {
  transaction<T>(fn: () => T): T
  /**
   * Changes whenever the journal may have changed: on every write through this repository, whenever
   * another connection commits (SQLite's data_version), and whenever this connection writes rows
   * through anything else (a data import replaces the journal's tables with plain SQL). Lets readers
   * keep derived results until then.
   */
  version(): string
  /**
   * Changes whenever anything but this repository writes: another connection commits, or this connection
   * changes rows through another store (plans, foods, settings, an import). For readers of other tables
   * that a journal save leaves alone.
   */
  othersVersion(): string
  /**
   * The nights ('YYYY-MM-DD') whose entries were written since `version` (an earlier `version()`), for a
   * reader to refresh just those; null when that cannot be told (another connection or another part of
   * the app wrote, a custom factor changed, or too many writes ago), and the reader must read everything again.
   */
  nightsWrittenSince(version: string): string[] | null
  /** True when a (not deleted) entry exists for the night. */
  hasDate(eveningDate: string): boolean
  /** The id of the night's (not deleted) entry, without loading it. */
  idForDate(eveningDate: string): number | null
  insert(write: EntryWrite, now: string): number
  update(id: number, write: EntryWrite, now: string): void
  byId(id: number): JournalEntry | null
  /** A deleted entry, as it was, for Undo. */
  deletedById(id: number): JournalEntry | null
  byDate(eveningDate: string): JournalEntry | null
  /** Entries between two evening dates (inclusive), oldest first. */
  between(from: string, to: string): JournalEntry[]
  /** The most recent entry on or before a date. */
  latestOnOrBefore(date: string): JournalEntry | null
  firstDate(): string | null
  lastDate(): string | null
  markDeleted(id: number, now: string): boolean
  restore(id: number, now: string): boolean
  purgeDeletedBefore(iso: string): number
  /** Lean rows for Insights: only what the charts and comparisons read. */
  insightNights(from: string, to: string): InsightNight[]
  /** Medication names, most recently used first. */
  recentMedications(limit: number): string[]
  factors(): CustomFactor[]
  factorById(id: number): CustomFactor | null
  activeFactorByLabel(label: string): CustomFactor | null
  insertFactor(label: string, kind: CustomFactorKind, now: string): number
  renameFactor(id: number, label: string): void
  setFactorArchived(id: number, archivedAt: string | null): void
}

export function createJournalStore(db: Database): JournalStore {
  const insertEntry = db.prepare<Params>(
    `INSERT INTO journal_entries (${COLUMNS.join(', ')}, created_at, updated_at)
     VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')}, @now, @now)`
  )
  const updateEntry = db.prepare<Params>(
    `UPDATE journal_entries SET ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now
     WHERE id = @id AND deleted_at IS NULL`
  )
  const selectById = db.prepare<[number], EntryRow>('SELECT * FROM journal_entries WHERE id = ? AND deleted_at IS NULL')
  const selectDeletedById = db.prepare<[number], EntryRow>('SELECT * FROM journal_entries WHERE id = ? AND deleted_at IS NOT NULL')
  const selectByDate = db.prepare<[string], EntryRow>('SELECT * FROM journal_entries WHERE evening_date = ? AND deleted_at IS NULL')
  const selectBetween = db
    .prepare<[string, string], unknown[]>(
      `SELECT ${RANGE_COLUMNS.join(', ')} FROM journal_entries WHERE evening_date BETWEEN ? AND ? AND deleted_at IS NULL ORDER BY evening_date`
    )
    .raw()
  const selectLatest = db.prepare<[string], EntryRow>(
    'SELECT * FROM journal_entries WHERE evening_date <= ? AND deleted_at IS NULL ORDER BY evening_date DESC LIMIT 1'
  )
  const selectHasDate = db
    .prepare<[string], number>('SELECT count(*) FROM journal_entries WHERE evening_date = ? AND deleted_at IS NULL')
    .pluck()
  const selectIdForDate = db
    .prepare<[string], number>('SELECT id FROM journal_entries WHERE evening_date = ? AND deleted_at IS NULL')
    .pluck()
  const selectFirstDate = db.prepare<[], string | null>('SELECT min(evening_date) FROM journal_entries WHERE deleted_at IS NULL').pluck()
  const selectLastDate = db.prepare<[], string | null>('SELECT max(evening_date) FROM journal_entries WHERE deleted_at IS NULL').pluck()
  const deleteEntry = db.prepare<[string, string, number]>(
    'UPDATE journal_entries SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL'
  )
  const restoreEntry = db.prepare<[string, number]>(
    'UPDATE journal_entries SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL'
  )
  const purge = db.prepare<[string]>('DELETE FROM journal_entries WHERE deleted_at IS NOT NULL AND deleted_at < ?')

  const medsFor = db.prepare<[number], MedRow>('SELECT name, amount FROM journal_medications WHERE entry_id = ? ORDER BY position')
  const medsBetween = db.prepare<[string, string], MedRow & { entry_id: number }>(
    `SELECT m.entry_id, m.name, m.amount FROM journal_medications m JOIN journal_entries e ON e.id = m.entry_id
     WHERE e.evening_date BETWEEN ? AND ? AND e.deleted_at IS NULL ORDER BY m.entry_id, m.position`
  )
  const deleteMeds = db.prepare<[number]>('DELETE FROM journal_medications WHERE entry_id = ?')
  const insertMed = db.prepare<[number, number, string, number | null]>(
    'INSERT INTO journal_medications (entry_id, position, name, amount) VALUES (?, ?, ?, ?)'
  )
  const recentMeds = db.prepare<[number], { name: string }>(
    `SELECT m.name FROM journal_medications m JOIN journal_entries e ON e.id = m.entry_id
     WHERE e.deleted_at IS NULL GROUP BY m.name COLLATE NOCASE ORDER BY max(e.evening_date) DESC, m.name LIMIT ?`
  )

  const valuesFor = db.prepare<[number], { factor_id: number; value: number }>(
    'SELECT factor_id, value FROM journal_factor_values WHERE entry_id = ? ORDER BY factor_id'
  )
  const valuesBetween = db.prepare<[string, string], { entry_id: number; factor_id: number; value: number }>(
    `SELECT v.entry_id, v.factor_id, v.value FROM journal_factor_values v JOIN journal_entries e ON e.id = v.entry_id
     WHERE e.evening_date BETWEEN ? AND ? AND e.deleted_at IS NULL ORDER BY v.entry_id, v.factor_id`
  )
  const deleteValues = db.prepare<[number]>('DELETE FROM journal_factor_values WHERE entry_id = ?')
  const insertValue = db.prepare<[number, number, number]>(
    'INSERT INTO journal_factor_values (entry_id, factor_id, value) VALUES (?, ?, ?)'
  )

  const insightRows = db.prepare<
    [string, string],
    Pick<
      EntryRow,
      | 'id'
      | 'evening_date'
      | 'severity'
      | 'total_sleep_minutes'
      | 'sleep_efficiency'
      | 'magnesium_mg'
      | 'caffeine_drinks'
      | 'caffeine_last'
      | 'alcohol_drinks'
      | 'exercise_minutes'
      | 'exercise_evening'
    >
  >(
    `SELECT id, evening_date, severity, total_sleep_minutes, sleep_efficiency, magnesium_mg,
            caffeine_drinks, caffeine_last, alcohol_drinks, exercise_minutes, exercise_evening
     FROM journal_entries WHERE evening_date BETWEEN ? AND ? AND deleted_at IS NULL ORDER BY evening_date`
  )

  const selectFactors = db.prepare<[], FactorRow>(
    'SELECT id, label, kind, archived_at FROM journal_factors ORDER BY archived_at IS NOT NULL, position, id'
  )
  const selectFactor = db.prepare<[number], FactorRow>('SELECT id, label, kind, archived_at FROM journal_factors WHERE id = ?')
  const selectActiveFactorByLabel = db.prepare<[string], FactorRow>(
    'SELECT id, label, kind, archived_at FROM journal_factors WHERE label = ? COLLATE NOCASE AND archived_at IS NULL'
  )
  const insertFactorStmt = db.prepare<[string, string, string]>(
    'INSERT INTO journal_factors (label, kind, position, created_at) VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM journal_factors), ?)'
  )
  const renameFactorStmt = db.prepare<[string, number]>('UPDATE journal_factors SET label = ? WHERE id = ?')
  const archiveFactorStmt = db.prepare<[string | null, number]>('UPDATE journal_factors SET archived_at = ? WHERE id = ?')

  function hydrate(row: EntryRow | undefined): JournalEntry | null {
    if (!row) return null
    return toEntry(
      row,
      medsFor.all(row.id),
      valuesFor.all(row.id).map((v) => ({ factorId: v.factor_id, value: v.value }))
    )
  }

  function writeChildren(id: number, entry: NightEntry): void {
    deleteMeds.run(id)
    const amounts = new Map(entry.factors.doses.map((d) => [d.name.trim().toLocaleLowerCase(), d.amount]))
    entry.factors.medications.forEach((name, i) => insertMed.run(id, i, name, amounts.get(name.trim().toLocaleLowerCase()) ?? null))
    deleteValues.run(id)
    for (const item of entry.custom) insertValue.run(id, item.factorId, item.value)
  }

  let writes = 0
  let rowsWritten = 0
  const totalChanges = db.prepare<[], number>('SELECT total_changes()').pluck()
  const dateOfId = db.prepare<[number], string>('SELECT evening_date FROM journal_entries WHERE id = ?').pluck()
  /** The nights each recent write touched (null: cannot be told), oldest first. */
  const written: { write: number; nights: string[] | null }[] = []
  const WRITTEN_KEPT = 64
  /**
   * Wraps a writing function so readers' caches are invalidated, counting the rows it changes and
   * noting which nights it touched: `nights` runs before the write (an entry's date before an edit).
   */
  function writing<A extends unknown[], R>(fn: (...args: A) => R, nights: (...args: A) => string[] | null = () => null): (...args: A) => R {
    return (...args) => {
      writes++
      written.push({ write: writes, nights: nights(...args) })
      if (written.length > WRITTEN_KEPT) written.shift()
      const before = totalChanges.get()!
      try {
        return fn(...args)
      } finally {
        rowsWritten += totalChanges.get()! - before
      }
    }
  }
  const nightOf = (id: number): string[] => {
    const date = dateOfId.get(id)
    return date === undefined ? [] : [date]
  }
  const dataVersion = (): number => db.pragma('data_version', { simple: true }) as number

  /** Rows this connection changed through anything but this repository. */
  const otherRows = (): number => totalChanges.get()! - rowsWritten
  const othersVersion = (): string => `${dataVersion()}:${otherRows()}`
  const version = (): string => `${writes}:${othersVersion()}`

  function nightsWrittenSince(earlier: string): string[] | null {
    const split = earlier.indexOf(':')
    const since = Number(earlier.slice(0, split))
    if (split < 0 || earlier.slice(split + 1) !== othersVersion()) return null
    if (!Number.isInteger(since) || since > writes) return null
    if (since === writes) return []
    const first = written.findIndex((w) => w.write === since + 1)
    if (first < 0) return null
    const nights = new Set<string>()
    for (const w of written.slice(first)) {
      if (w.nights === null) return null
      for (const night of w.nights) nights.add(night)
    }
    return [...nights]
  }

  return {
    transaction: (fn) => db.transaction(fn)(),
    version,
    othersVersion,
    nightsWrittenSince,
    hasDate: (date) => selectHasDate.get(date)! > 0,
    idForDate: (date) => selectIdForDate.get(date) ?? null,
    insert: writing(
      (write: EntryWrite, now: string) => {
        const id = Number(insertEntry.run({ ...toParams(write), now }).lastInsertRowid)
        writeChildren(id, write.entry)
        return id
      },
      (write) => [write.entry.eveningDate]
    ),
    update: writing(
      (id: number, write: EntryWrite, now: string) => {
        updateEntry.run({ ...toParams(write), now, id })
        writeChildren(id, write.entry)
      },
      // The night it was on and the night it is on now (an edit can move an entry to another date).
      (id, write) => [...nightOf(id), write.entry.eveningDate]
    ),
    byId: (id) => hydrate(selectById.get(id)),
    deletedById: (id) => hydrate(selectDeletedById.get(id)),
    byDate: (date) => hydrate(selectByDate.get(date)),
    between(from, to) {
      const meds = new Map<number, MedRow[]>()
      for (const m of medsBetween.all(from, to)) meds.set(m.entry_id, [...(meds.get(m.entry_id) ?? []), m])
      const values = new Map<number, { factorId: number; value: number }[]>()
      for (const v of valuesBetween.all(from, to)) {
        values.set(v.entry_id, [...(values.get(v.entry_id) ?? []), { factorId: v.factor_id, value: v.value }])
      }
      return selectBetween.all(from, to).map((raw) => {
        const row = rangeRow(raw)
        return toEntry(row, meds.get(row.id) ?? [], values.get(row.id) ?? [])
      })
    },
    latestOnOrBefore: (date) => hydrate(selectLatest.get(date)),
    firstDate: () => selectFirstDate.get() ?? null,
    lastDate: () => selectLastDate.get() ?? null,
    markDeleted: writing((id: number, now: string) => deleteEntry.run(now, now, id).changes === 1, nightOf),
    restore: writing((id: number, now: string) => restoreEntry.run(now, id).changes === 1, nightOf),
    // Only entries deleted long ago go: no night anyone reads changes.
    purgeDeletedBefore: writing(
      (iso: string) => purge.run(iso).changes,
      () => []
    ),
    insightNights(from, to) {
      const custom = new Map<number, Map<number, number>>()
      for (const v of valuesBetween.all(from, to)) {
        let map = custom.get(v.entry_id)
        if (!map) custom.set(v.entry_id, (map = new Map()))
        map.set(v.factor_id, v.value)
      }
      const none: ReadonlyMap<number, number> = new Map()
      return insightRows.all(from, to).map((row) => ({
        date: row.evening_date,
        severity: row.severity,
        totalSleepMinutes: row.total_sleep_minutes,
        sleepEfficiency: row.sleep_efficiency,
        magnesiumMg: row.magnesium_mg,
        flags: nightFlags({
          caffeineDrinks: row.caffeine_drinks,
          caffeineLast: row.caffeine_last,
          alcoholDrinks: row.alcohol_drinks,
          exerciseMinutes: row.exercise_minutes,
          exerciseEvening: row.exercise_evening === 1,
          magnesiumMg: row.magnesium_mg
        }),
        custom: custom.get(row.id) ?? none
      }))
    },
    recentMedications: (limit) => recentMeds.all(limit).map((m) => m.name),
    factors: () => selectFactors.all().map(toFactor),
    factorById(id) {
      const row = selectFactor.get(id)
      return row ? toFactor(row) : null
    },
    activeFactorByLabel(label) {
      const row = selectActiveFactorByLabel.get(label)
      return row ? toFactor(row) : null
    },
    insertFactor: writing((label: string, kind: CustomFactorKind, now: string) =>
      Number(insertFactorStmt.run(label, kind, now).lastInsertRowid)
    ),
    renameFactor: writing((id: number, label: string) => void renameFactorStmt.run(label, id)),
    setFactorArchived: writing((id: number, archivedAt: string | null) => void archiveFactorStmt.run(archivedAt, id))
  }
}
