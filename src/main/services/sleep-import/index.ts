// Over 400 lines: the import's whole life (file in, job, preview, apply, undo, temporary files) shares one job table; the parsers live beside it.
/**
 * Sleep import: a file the user chose → a preview per night → written on
 * request, undoable as a whole. Device values go to their own tables; the
 * diary changes only on nights where the user chose the device's times.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { open as openFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import {
  AppError,
  MAX_UPLOAD_BYTES,
  type CsvMapping,
  type ImportFormatName,
  type ImportPreview,
  type ImportProgress,
  type ImportSummary,
  type PreviewNight,
  type SleepComparison
} from '../../../shared/contract'
import {
  assignNights,
  compareWithDiary,
  diaryFromDevice,
  nightFingerprint,
  zoneFor,
  type DeviceNight,
  type DiarySleep,
  type SleepPeriod
} from '../../../shared/domain/sleep-import'
import type { JournalEntry, NightEntry } from '../../../shared/contract'
import { isKnownZone } from '../../../shared/domain/calendar-zones'
import { enteredPart } from '../../../shared/domain/journal'
import type { KeyValueStore } from '../../db/key-value-store'
import type { SleepImportStore } from '../../db/sleep-import-store'
import type { Clock } from '../ports'
import { readAppleExport } from './apple'
import { periodsFromCsv, readCsvTable } from './csv'
import { ImportCancelled, ImportRefused, isZip, plainFile, zipEntries, type TextSource } from './files'
import { isFitbitSleepFile, readFitbitFiles } from './fitbit'

/** The desktop shell's open dialog. Returns the chosen path, or null when the user closed it. */
export type SleepFilePicker = (format: ImportFormatName) => Promise<string | null>

export interface SleepImportDeps {
  store: SleepImportStore
  keyValue: KeyValueStore
  clock: Clock
  journal: { get(eveningDate: string): JournalEntry | null; update(id: number, input: NightEntry): JournalEntry }
  picker?: SleepFilePicker
  /** Folder for files handed over by the page; a private temporary folder by default. */
  uploadDir?: string
}

export interface SleepImportService {
  status(): { canPickFile: boolean; zone: string; imports: ImportSummary[] }
  pickFile(format: ImportFormatName): Promise<{ file: FileRef | null }>
  uploadBegin(name: string, size: number): FileRef
  uploadChunk(fileId: string, offset: number, base64: string): Promise<{ received: number }>
  csvColumns(fileId: string): Promise<{ headers: string[]; sample: Record<string, string>[]; remembered: CsvMapping | null }>
  start(fileId: string, format: ImportFormatName, zone: string, mapping?: CsvMapping): { jobId: string }
  progress(jobId: string): ImportProgress
  /** Resolves once the job has finished (tests and the bench wait on it). */
  finished(jobId: string): Promise<ImportProgress>
  cancel(jobId: string): { cancelled: boolean }
  apply(jobId: string, useDevice: readonly string[]): ImportSummary
  undo(importId: number): { undone: boolean; diaryNightsRestored: number; diaryNightsKept: number }
  compare(from: string, to: string): SleepComparison
  night(eveningDate: string): DeviceNight | null
  /** Removes temporary files; call on the way out. */
  dispose(): void
}

interface FileRef {
  fileId: string
  name: string
  size: number
}

interface KnownFile extends FileRef {
  path: string
  /** Bytes received so far (uploads); equal to size for picked files. */
  received: number
  uploaded: boolean
}

interface Job {
  state: ImportProgress['state']
  bytesRead: number
  totalBytes: number
  message: string | null
  controller: AbortController
  format: ImportFormatName
  fileName: string
  fileId: string
  nights: DeviceNight[] | null
  skipped: { reason: string; count: number }[]
  notes: string[]
  sources: string[]
  done: Promise<void>
}

const CSV_MAPPINGS_KEY = 'sleepImport.csvMappings'
const MAX_FILES = 6
const MAX_JOBS = 4

export function createSleepImportService(deps: SleepImportDeps): SleepImportService {
  const files = new Map<string, KnownFile>()
  const jobs = new Map<string, Job>()
  let uploadDir = deps.uploadDir ?? null

  function dir(): string {
    uploadDir ??= mkdtempSync(join(tmpdir(), 'stillwell-sleep-'))
    return uploadDir
  }

  function remember(file: KnownFile): void {
    files.set(file.fileId, file)
    while (files.size > MAX_FILES) {
      const [oldest] = files.values()
      if (!oldest) break
      forget(oldest.fileId)
    }
  }

  function forget(fileId: string): void {
    const file = files.get(fileId)
    files.delete(fileId)
    if (file?.uploaded) rmSync(file.path, { force: true })
  }

  function fileFor(fileId: string): KnownFile {
    const file = files.get(fileId)
    if (!file) throw new AppError('not-found', 'That file is no longer open. Choose it again.')
    if (file.received < file.size) throw new AppError('invalid-input', 'That file has not been received completely yet. Choose it again.')
    return file
  }

  function jobFor(jobId: string): Job {
    const job = jobs.get(jobId)
    if (!job) throw new AppError('not-found', 'That import is no longer open. Choose the file again.')
    return job
  }

  async function sourcesFor(file: KnownFile, format: ImportFormatName): Promise<{ sources: TextSource[]; close: () => void }> {
    if (await isZip(file.path)) {
      const want =
        format === 'apple'
          ? (name: string) => /(^|\/)export\.xml$/i.test(name)
          : format === 'fitbit'
            ? isFitbitSleepFile
            : (name: string) => /\.csv$/i.test(name)
      const zip = await zipEntries(file.path, file.name, want)
      if (zip.sources.length === 0 || (format !== 'fitbit' && zip.sources.length > 1)) {
        zip.close()
        const what = format === 'apple' ? 'an export.xml' : format === 'fitbit' ? 'Fitbit sleep files (sleep-YYYY-MM-DD.json)' : 'one CSV file'
        throw new ImportRefused(`This ZIP file does not hold ${what}. Nothing was changed.`)
      }
      return zip
    }
    return { sources: [plainFile(file.path, file.name, file.size)], close: () => {} }
  }

  async function run(job: Job, file: KnownFile, zone: string, mapping: CsvMapping | undefined): Promise<void> {
    const signal = job.controller.signal
    const onBytes = (bytes: number) => {
      job.bytesRead = bytes
    }
    const { sources, close } = await sourcesFor(file, job.format)
    try {
      job.totalBytes = sources.reduce((sum, s) => sum + s.totalBytes, 0)
      let periods: SleepPeriod[]
      if (job.format === 'apple') {
        const result = await readAppleExport(sources[0]!, zone, onBytes, signal)
        periods = result.periods
        job.skipped.push(...result.unreadable)
        job.notes.push(...result.notes)
      } else if (job.format === 'fitbit') {
        const result = await readFitbitFiles(sources, zone, onBytes, signal)
        periods = result.periods
        job.skipped.push(...result.unreadable)
      } else {
        if (!mapping) throw new ImportRefused('Choose which columns hold the start and end of sleep first.')
        const table = await readCsvTable(sources[0]!, onBytes, signal)
        const result = periodsFromCsv(table, mapping, `CSV · ${file.name}`)
        periods = result.periods
        job.skipped.push(...result.unreadable)
        const saved = (deps.keyValue.get(CSV_MAPPINGS_KEY) as Record<string, CsvMapping> | undefined) ?? {}
        deps.keyValue.set({ [CSV_MAPPINGS_KEY]: { ...saved, [table.headers.join('\u0001')]: mapping } })
      }
      if (periods.length === 0) throw new ImportRefused('This file holds no sleep records. Nothing was changed.')
      const assigned = assignNights(periods, deps.clock.now().getTime())
      job.skipped.push(...assigned.skipped)
      job.nights = assigned.nights
      // Sources of nights only: one whose every record was skipped is not named as if it had counted.
      job.sources = [...new Set(assigned.nights.flatMap((n) => [n.source, ...n.otherSources]))].sort()
      job.bytesRead = job.totalBytes
      job.state = 'done'
    } finally {
      close()
    }
  }

  function classify(nights: readonly DeviceNight[]): PreviewNight[] {
    if (nights.length === 0) return []
    const from = nights[0]!.eveningDate
    const to = nights[nights.length - 1]!.eveningDate
    const diary = deps.store.diaryBetween(from, to)
    const current = deps.store.currentFingerprints(from, to)
    return nights.map((night) => {
      const typed = diary.get(night.eveningDate)
      const comparison = typed ? compareWithDiary(night, typed) : null
      const unchanged = current.get(`${night.eveningDate}|${night.source}`) === nightFingerprint(night)
      const status: PreviewNight['status'] = unchanged ? 'unchanged' : !typed ? 'added' : comparison!.every((c) => c.agrees) ? 'fills' : 'conflict'
      return { status, device: night, comparison, canUseDevice: typed !== undefined && diaryFromDevice(night) !== null }
    })
  }

  function previewOf(job: Job): ImportPreview | null {
    if (job.state !== 'done' || !job.nights) return null
    const nights = classify(job.nights)
    const count = (status: PreviewNight['status']) => nights.filter((n) => n.status === status).length
    return {
      fileName: job.fileName,
      format: job.format,
      nights,
      counts: { added: count('added'), fills: count('fills'), conflict: count('conflict'), unchanged: count('unchanged') },
      skipped: job.skipped,
      notes: job.notes,
      sources: job.sources
    }
  }

  function progressOf(job: Job): ImportProgress {
    return { state: job.state, bytesRead: job.bytesRead, totalBytes: job.totalBytes, message: job.message, preview: previewOf(job) }
  }

  const sleepOf = (entry: JournalEntry): DiarySleep => ({
    inBed: entry.sleep.inBed,
    triedToSleep: entry.sleep.triedToSleep,
    latencyMinutes: entry.sleep.latencyMinutes,
    awakenings: entry.sleep.awakenings,
    wasoMinutes: entry.sleep.wasoMinutes,
    finalWake: entry.sleep.finalWake,
    outOfBed: entry.sleep.outOfBed,
    napCount: entry.sleep.napCount,
    napMinutes: entry.sleep.napMinutes
  })

  /** A diary night's sleep answers with the zone its clock times are in. */
  type ZonedSleep = DiarySleep & { zone: string }
  const zonedOf = (entry: JournalEntry): ZonedSleep => ({ ...sleepOf(entry), zone: entry.zone })

  function writeSleep(entry: JournalEntry, { zone, ...sleep }: ZonedSleep): JournalEntry {
    const input: NightEntry = { ...enteredPart(entry), zone, sleep: { ...entry.sleep, ...sleep } }
    return deps.journal.update(entry.id, input)
  }

  /** The device's clock times are in the zone it recorded; a diary night taking them takes that zone too (named zones only). */
  const zoneForDiary = (night: DeviceNight, entry: JournalEntry): string =>
    night.zone.includes('/') && isKnownZone(night.zone) ? night.zone : entry.zone

  return {
    status() {
      return { canPickFile: deps.picker !== undefined, zone: deps.clock.zone(), imports: deps.store.imports() }
    },

    async pickFile(format) {
      if (!deps.picker) throw new AppError('unavailable', 'Choose the file with the button below instead.')
      const path = await deps.picker(format)
      if (!path) return { file: null }
      const info = await stat(path)
      if (!info.isFile()) throw new AppError('invalid-input', 'That is not a file. Choose the export file itself.')
      const file: KnownFile = { fileId: randomUUID(), name: basename(path), size: info.size, path, received: info.size, uploaded: false }
      remember(file)
      return { file: { fileId: file.fileId, name: file.name, size: file.size } }
    },

    uploadBegin(name, size) {
      if (size > MAX_UPLOAD_BYTES) throw new AppError('invalid-input', 'That file is larger than 2 GB, more than any sleep export holds.')
      const fileId = randomUUID()
      const file: KnownFile = { fileId, name: basename(name), size, path: join(dir(), `${fileId}.upload`), received: 0, uploaded: true }
      remember(file)
      return { fileId, name: file.name, size }
    },

    async uploadChunk(fileId, offset, base64) {
      const file = files.get(fileId)
      if (!file?.uploaded) throw new AppError('not-found', 'That file is no longer open. Choose it again.')
      if (offset !== file.received) throw new AppError('invalid-input', 'A piece of the file arrived out of order. Choose it again.')
      const bytes = Buffer.from(base64, 'base64')
      if (file.received + bytes.length > file.size) throw new AppError('invalid-input', 'More arrived than the file’s size. Choose it again.')
      const handle = await openFile(file.path, offset === 0 ? 'w' : 'r+')
      try {
        await handle.write(bytes, 0, bytes.length, offset)
      } finally {
        await handle.close()
      }
      file.received += bytes.length
      return { received: file.received }
    },

    async csvColumns(fileId) {
      const file = fileFor(fileId)
      try {
        const { sources, close } = await sourcesFor(file, 'csv')
        try {
          const table = await readCsvTable(sources[0]!, () => {}, new AbortController().signal)
          const saved = (deps.keyValue.get(CSV_MAPPINGS_KEY) as Record<string, CsvMapping> | undefined) ?? {}
          return { headers: table.headers, sample: table.rows.slice(0, 3), remembered: saved[table.headers.join('\u0001')] ?? null }
        } finally {
          close()
        }
      } catch (error) {
        if (error instanceof ImportRefused) throw new AppError('invalid-input', error.message)
        throw error
      }
    },

    start(fileId, format, zone, mapping) {
      const file = fileFor(fileId)
      if (!zoneFor(zone)) throw new AppError('invalid-input', 'Choose a time zone from the list.', { zone: 'Choose a time zone from the list.' })
      const jobId = randomUUID()
      const job: Job = {
        state: 'reading',
        bytesRead: 0,
        totalBytes: file.size,
        message: null,
        controller: new AbortController(),
        format,
        fileName: file.name,
        fileId,
        nights: null,
        skipped: [],
        notes: [],
        sources: [],
        done: Promise.resolve()
      }
      job.done = run(job, file, zone, mapping).catch((error: unknown) => {
        job.nights = null
        if (error instanceof ImportCancelled) {
          job.state = 'cancelled'
          job.message = error.message
        } else if (error instanceof ImportRefused) {
          job.state = 'failed'
          job.message = error.message
        } else {
          job.state = 'failed'
          job.message = 'Stillwell could not read this file. Nothing was changed.'
          console.warn('sleep import failed', error)
        }
      })
      jobs.set(jobId, job)
      while (jobs.size > MAX_JOBS) {
        const [oldest] = jobs.keys()
        if (oldest === undefined) break
        jobs.get(oldest)?.controller.abort()
        jobs.delete(oldest)
      }
      return { jobId }
    },

    progress: (jobId) => progressOf(jobFor(jobId)),

    async finished(jobId) {
      const job = jobFor(jobId)
      await job.done
      return progressOf(job)
    },

    cancel(jobId) {
      const job = jobFor(jobId)
      if (job.state !== 'reading') return { cancelled: false }
      job.controller.abort()
      return { cancelled: true }
    },

    apply(jobId, useDevice) {
      const job = jobFor(jobId)
      const preview = previewOf(job)
      if (!preview) throw new AppError('conflict', 'This file has not been read completely, so there is nothing to import yet.')
      const chosen = new Set(useDevice)
      const stamp = deps.clock.now().toISOString()
      const result = deps.store.transaction(() => {
        const fresh = preview.nights.filter((n) => n.status !== 'unchanged')
        const replace = preview.nights.filter((n) => n.status === 'conflict' && n.canUseDevice && chosen.has(n.device.eveningDate))
        if (fresh.length === 0 && replace.length === 0) return null
        const importId = deps.store.insertImport(job.format, job.fileName, stamp)
        for (const night of fresh) deps.store.addNight(importId, night.device)
        for (const night of replace) {
          const entry = deps.journal.get(night.device.eveningDate)
          const proposed = diaryFromDevice(night.device)
          if (!entry || !proposed) continue
          const before = zonedOf(entry)
          const after = zonedOf(writeSleep(entry, { ...proposed, zone: zoneForDiary(night.device, entry) }))
          deps.store.recordDiaryChange(importId, { entryId: entry.id, eveningDate: entry.eveningDate, before, after })
        }
        deps.store.setImportCounts(importId, fresh.length, replace.length)
        return deps.store.importById(importId)
      })
      // What was needed from the file is in the database now: the private copy goes.
      forget(job.fileId)
      if (!result) {
        return { id: 0, format: job.format, fileName: job.fileName, importedAt: stamp, nightsAdded: 0, diaryNightsChanged: 0, undone: false }
      }
      return result
    },

    undo(importId) {
      const summary = deps.store.importById(importId)
      if (!summary) throw new AppError('not-found', 'That import is not in the list any more.')
      if (summary.undone) return { undone: false, diaryNightsRestored: 0, diaryNightsKept: 0 }
      return deps.store.transaction(() => {
        let restored = 0
        let kept = 0
        for (const change of deps.store.diaryChanges(importId)) {
          const entry = deps.journal.get(change.eveningDate)
          // A night edited since the import keeps the edit: the user's latest word wins.
          if (!entry || entry.id !== change.entryId || JSON.stringify(zonedOf(entry)) !== JSON.stringify(change.after)) {
            kept++
            continue
          }
          writeSleep(entry, change.before)
          restored++
        }
        deps.store.removeImportNights(importId)
        deps.store.markUndone(importId, deps.clock.now().toISOString())
        return { undone: true, diaryNightsRestored: restored, diaryNightsKept: kept }
      })
    },

    compare(from, to) {
      if (from > to) throw new AppError('invalid-input', 'The start of the range is after its end.')
      const diary = deps.store.diaryBetween(from, to)
      const device = new Map(deps.store.nightsBetween(from, to).map((n) => [n.eveningDate, n]))
      const evenings = [...new Set([...diary.keys(), ...device.keys()])].sort()
      return evenings.map((eveningDate) => ({
        eveningDate,
        diaryMinutes: diary.get(eveningDate)?.totalSleepMinutes ?? null,
        deviceMinutes: device.get(eveningDate)?.totalSleepMinutes ?? null,
        source: device.get(eveningDate)?.source ?? null
      }))
    },

    night(eveningDate) {
      return deps.store.nightsBetween(eveningDate, eveningDate)[0] ?? null
    },

    dispose() {
      for (const job of jobs.values()) job.controller.abort()
      for (const id of [...files.keys()]) forget(id)
      if (uploadDir && !deps.uploadDir) rmSync(uploadDir, { recursive: true, force: true })
    }
  }
}
