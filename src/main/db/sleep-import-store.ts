import type { Database } from 'better-sqlite3'
import type { DeviceSleep } from '../../shared/contract/report'
import type { ImportFormatName, ImportSummary } from '../../shared/contract/sleep-import'
import { nightFingerprint, type DeviceNight, type DiarySleep } from '../../shared/domain/sleep-import'

interface DeviceRow {
  id: number
  import_id: number
  evening_date: string
  source: string
  other_sources: string
  zone: string
  in_bed_at: string
  fell_asleep_at: string | null
  final_wake_at: string | null
  out_of_bed_at: string
  in_bed: string
  fell_asleep: string | null
  final_wake: string | null
  out_of_bed: string
  awakenings: number | null
  waso_minutes: number | null
  total_sleep_minutes: number | null
  time_in_bed_minutes: number
  nap_count: number
  nap_minutes: number
  fragments: number
  fingerprint: string
}

interface ImportRow {
  id: number
  format: ImportFormatName
  file_name: string
  imported_at: string
  nights_added: number
  diary_nights_changed: number
  undone_at: string | null
}

/** The diary's sleep answers for one night, read straight from the journal (never written here). */
export interface DiaryNight extends DiarySleep {
  id: number
  eveningDate: string
  totalSleepMinutes: number
}

export interface DiaryChange {
  entryId: number
  eveningDate: string
  /** The sleep answers and the zone of their clock times, before and after. */
  before: DiarySleep & { zone: string }
  after: DiarySleep & { zone: string }
}

export interface SleepImportStore {
  transaction<T>(work: () => T): T
  diaryBetween(from: string, to: string): Map<string, DiaryNight>
  /** Current device nights (not superseded) for an evening range, keyed "evening|source". */
  currentFingerprints(from: string, to: string): Map<string, string>
  insertImport(format: ImportFormatName, fileName: string, at: string): number
  setImportCounts(id: number, nightsAdded: number, diaryChanged: number): void
  addNight(importId: number, night: DeviceNight): void
  recordDiaryChange(importId: number, change: DiaryChange): void
  imports(): ImportSummary[]
  importById(id: number): ImportSummary | null
  diaryChanges(importId: number): DiaryChange[]
  removeImportNights(importId: number): void
  markUndone(importId: number, at: string): void
  /** One device night per evening (the latest import wins when sources differ). */
  nightsBetween(from: string, to: string): DeviceNight[]
  /**
   * The doctor report's device figures for an evening range, summed in SQL over
   * the same one night per evening as nightsBetween, counting only nights with a total sleep.
   */
  deviceSleep(from: string, to: string): DeviceSleep
}

function toNight(row: DeviceRow): DeviceNight {
  return {
    eveningDate: row.evening_date,
    zone: row.zone,
    source: row.source,
    otherSources: JSON.parse(row.other_sources) as string[],
    inBedAt: row.in_bed_at,
    fellAsleepAt: row.fell_asleep_at,
    finalWakeAt: row.final_wake_at,
    outOfBedAt: row.out_of_bed_at,
    inBed: row.in_bed,
    fellAsleep: row.fell_asleep,
    finalWake: row.final_wake,
    outOfBed: row.out_of_bed,
    awakenings: row.awakenings,
    wasoMinutes: row.waso_minutes,
    totalSleepMinutes: row.total_sleep_minutes,
    timeInBedMinutes: row.time_in_bed_minutes,
    napCount: row.nap_count,
    napMinutes: row.nap_minutes,
    fragments: row.fragments
  }
}

function toSummary(row: ImportRow): ImportSummary {
  return {
    id: row.id,
    format: row.format,
    fileName: row.file_name,
    importedAt: row.imported_at,
    nightsAdded: row.nights_added,
    diaryNightsChanged: row.diary_nights_changed,
    undone: row.undone_at !== null
  }
}

export function createSleepImportStore(db: Database): SleepImportStore {
  const diary = db.prepare<[string, string], Record<string, string | number>>(
    `SELECT id, evening_date, in_bed, tried_to_sleep, latency_minutes, awakenings, waso_minutes, final_wake, out_of_bed,
            nap_count, nap_minutes, total_sleep_minutes
       FROM journal_entries WHERE deleted_at IS NULL AND evening_date BETWEEN ? AND ?`
  )
  const fingerprints = db.prepare<[string, string], { evening_date: string; source: string; fingerprint: string }>(
    'SELECT evening_date, source, fingerprint FROM device_nights WHERE superseded_by IS NULL AND evening_date BETWEEN ? AND ?'
  )
  const insertImport = db.prepare<[string, string, string]>(
    'INSERT INTO sleep_imports (format, file_name, imported_at, nights_added, diary_nights_changed) VALUES (?, ?, ?, 0, 0)'
  )
  const setCounts = db.prepare<[number, number, number]>('UPDATE sleep_imports SET nights_added = ?, diary_nights_changed = ? WHERE id = ?')
  const supersede = db.prepare<[number, string, string]>(
    'UPDATE device_nights SET superseded_by = ? WHERE superseded_by IS NULL AND evening_date = ? AND source = ?'
  )
  const insertNight = db.prepare(
    `INSERT INTO device_nights (import_id, evening_date, source, other_sources, zone, in_bed_at, fell_asleep_at, final_wake_at, out_of_bed_at,
        in_bed, fell_asleep, final_wake, out_of_bed, awakenings, waso_minutes, total_sleep_minutes, time_in_bed_minutes,
        nap_count, nap_minutes, fragments, fingerprint)
     VALUES (@import_id, @evening_date, @source, @other_sources, @zone, @in_bed_at, @fell_asleep_at, @final_wake_at, @out_of_bed_at,
        @in_bed, @fell_asleep, @final_wake, @out_of_bed, @awakenings, @waso_minutes, @total_sleep_minutes, @time_in_bed_minutes,
        @nap_count, @nap_minutes, @fragments, @fingerprint)`
  )
  const insertChange = db.prepare<[number, number, string, string, string]>(
    'INSERT INTO sleep_import_diary_changes (import_id, entry_id, evening_date, before_json, after_json) VALUES (?, ?, ?, ?, ?)'
  )
  const selectImports = db.prepare<[], ImportRow>('SELECT * FROM sleep_imports ORDER BY id DESC')
  const selectImport = db.prepare<[number], ImportRow>('SELECT * FROM sleep_imports WHERE id = ?')
  const selectChanges = db.prepare<[number], { entry_id: number; evening_date: string; before_json: string; after_json: string }>(
    'SELECT entry_id, evening_date, before_json, after_json FROM sleep_import_diary_changes WHERE import_id = ?'
  )
  const deleteNights = db.prepare<[number]>('DELETE FROM device_nights WHERE import_id = ?')
  // Rows a removed import had superseded come back, unless a later import still holds that evening and source.
  const revive = db.prepare<[number]>(
    `UPDATE device_nights SET superseded_by = (
        SELECT c.import_id FROM device_nights c
         WHERE c.evening_date = device_nights.evening_date AND c.source = device_nights.source AND c.superseded_by IS NULL)
      WHERE superseded_by = ?`
  )
  const markUndone = db.prepare<[string, number]>('UPDATE sleep_imports SET undone_at = ? WHERE id = ?')
  const selectNights = db.prepare<[string, string], DeviceRow>(
    `SELECT * FROM device_nights WHERE superseded_by IS NULL AND evening_date BETWEEN ? AND ? ORDER BY evening_date, import_id DESC, id`
  )

  // Per source, so the sources come out in order of their first night; the totals are summed below.
  const deviceBySource = db.prepare<
    [string, string],
    { source: string; nights: number; minutes: number; both_nights: number; both_diary: number | null; both_device: number | null }
  >(
    `WITH picked AS (
       SELECT evening_date, source, total_sleep_minutes,
              row_number() OVER (PARTITION BY evening_date ORDER BY import_id DESC, id) AS pick
         FROM device_nights WHERE superseded_by IS NULL AND evening_date BETWEEN ? AND ?)
     SELECT d.source, count(*) AS nights, sum(d.total_sleep_minutes) AS minutes,
            count(j.id) AS both_nights,
            sum(CASE WHEN j.id IS NOT NULL THEN j.total_sleep_minutes END) AS both_diary,
            sum(CASE WHEN j.id IS NOT NULL THEN d.total_sleep_minutes END) AS both_device
       FROM picked d
       LEFT JOIN journal_entries j ON j.evening_date = d.evening_date AND j.deleted_at IS NULL
      WHERE d.pick = 1 AND d.total_sleep_minutes IS NOT NULL
      GROUP BY d.source
      ORDER BY min(d.evening_date), d.source`
  )

  return {
    transaction: (work) => db.transaction(work)(),
    deviceSleep(from, to) {
      const rows = deviceBySource.all(from, to)
      const sum = (pick: (row: (typeof rows)[number]) => number | null): number => rows.reduce((total, row) => total + (pick(row) ?? 0), 0)
      const nights = sum((r) => r.nights)
      const bothNights = sum((r) => r.both_nights)
      return {
        nights,
        sources: rows.map((r) => r.source),
        meanMinutes: nights > 0 ? sum((r) => r.minutes) / nights : null,
        bothNights,
        bothDiaryMeanMinutes: bothNights > 0 ? sum((r) => r.both_diary) / bothNights : null,
        bothDeviceMeanMinutes: bothNights > 0 ? sum((r) => r.both_device) / bothNights : null
      }
    },
    diaryBetween(from, to) {
      const out = new Map<string, DiaryNight>()
      for (const row of diary.all(from, to)) {
        out.set(String(row.evening_date), {
          id: Number(row.id),
          eveningDate: String(row.evening_date),
          inBed: String(row.in_bed),
          triedToSleep: String(row.tried_to_sleep),
          latencyMinutes: Number(row.latency_minutes),
          awakenings: Number(row.awakenings),
          wasoMinutes: Number(row.waso_minutes),
          finalWake: String(row.final_wake),
          outOfBed: String(row.out_of_bed),
          napCount: Number(row.nap_count),
          napMinutes: Number(row.nap_minutes),
          totalSleepMinutes: Number(row.total_sleep_minutes)
        })
      }
      return out
    },
    currentFingerprints(from, to) {
      return new Map(fingerprints.all(from, to).map((r) => [`${r.evening_date}|${r.source}`, r.fingerprint]))
    },
    insertImport(format, fileName, at) {
      return Number(insertImport.run(format, fileName.slice(0, 255), at).lastInsertRowid)
    },
    setImportCounts(id, nightsAdded, diaryChanged) {
      setCounts.run(nightsAdded, diaryChanged, id)
    },
    addNight(importId, night) {
      supersede.run(importId, night.eveningDate, night.source)
      insertNight.run({
        import_id: importId,
        evening_date: night.eveningDate,
        source: night.source.slice(0, 200),
        other_sources: JSON.stringify(night.otherSources),
        zone: night.zone,
        in_bed_at: night.inBedAt,
        fell_asleep_at: night.fellAsleepAt,
        final_wake_at: night.finalWakeAt,
        out_of_bed_at: night.outOfBedAt,
        in_bed: night.inBed,
        fell_asleep: night.fellAsleep,
        final_wake: night.finalWake,
        out_of_bed: night.outOfBed,
        awakenings: night.awakenings,
        waso_minutes: night.wasoMinutes,
        total_sleep_minutes: night.totalSleepMinutes === null ? null : Math.min(1440, night.totalSleepMinutes),
        time_in_bed_minutes: Math.min(1440, night.timeInBedMinutes),
        nap_count: night.napCount,
        nap_minutes: night.napMinutes,
        fragments: night.fragments,
        fingerprint: nightFingerprint(night)
      })
    },
    recordDiaryChange(importId, change) {
      insertChange.run(importId, change.entryId, change.eveningDate, JSON.stringify(change.before), JSON.stringify(change.after))
    },
    imports: () => selectImports.all().map(toSummary),
    importById(id) {
      const row = selectImport.get(id)
      return row ? toSummary(row) : null
    },
    diaryChanges(importId) {
      return selectChanges.all(importId).map((r) => ({
        entryId: r.entry_id,
        eveningDate: r.evening_date,
        before: JSON.parse(r.before_json) as DiaryChange['before'],
        after: JSON.parse(r.after_json) as DiaryChange['after']
      }))
    },
    removeImportNights(importId) {
      deleteNights.run(importId)
      revive.run(importId)
    },
    markUndone(importId, at) {
      markUndone.run(at, importId)
    },
    nightsBetween(from, to) {
      const seen = new Set<string>()
      const out: DeviceNight[] = []
      for (const row of selectNights.all(from, to)) {
        if (seen.has(row.evening_date)) continue
        seen.add(row.evening_date)
        out.push(toNight(row))
      }
      return out
    }
  }
}
