/**
 * Fitbit sleep logs as Google Takeout (and Fitbit's older account export)
 * writes them: `sleep-YYYY-MM-DD.json`, a JSON array of records with local
 * times and no zone. Each file is small (a month), so it is parsed whole,
 * after a size check.
 */
import { DateTime } from 'luxon'
import { z } from 'zod'
import type { SleepPeriod } from '../../../shared/domain/sleep-import'
import { ImportRefused, readText, type TextSource } from './files'

export const MAX_JSON_BYTES = 50 * 1024 ** 2

const LevelSchema = z.object({ dateTime: z.string(), level: z.string(), seconds: z.number() })
const RecordSchema = z.object({
  logId: z.union([z.number(), z.string()]),
  startTime: z.string(),
  endTime: z.string(),
  mainSleep: z.boolean().optional(),
  type: z.string().optional(),
  levels: z.object({ data: z.array(LevelSchema).optional() }).optional()
})

export interface FitbitResult {
  periods: SleepPeriod[]
  records: number
  duplicates: number
  unreadable: { reason: string; count: number }[]
}

const AWAKE_LEVELS = new Set(['wake', 'awake'])

function localTime(text: string, zone: string): number | null {
  const parsed = DateTime.fromISO(text, { zone })
  return parsed.isValid ? parsed.toMillis() : null
}

/** Parses every file and returns their periods, each log once (Takeout repeats a boundary night in two files). */
export async function readFitbitFiles(sources: readonly TextSource[], zone: string, onBytes: (bytes: number) => void, signal: AbortSignal): Promise<FitbitResult> {
  const seen = new Set<string>()
  const periods: SleepPeriod[] = []
  let records = 0
  let duplicates = 0
  let malformed = 0
  let done = 0
  for (const source of sources) {
    if (source.totalBytes > MAX_JSON_BYTES) throw new ImportRefused(`“${source.name}” is larger than a Fitbit sleep file can be (over 50 MB). Nothing was changed.`)
    let text = ''
    await readText(
      source,
      (chunk) => {
        text += chunk
        if (text.length > MAX_JSON_BYTES) throw new ImportRefused(`“${source.name}” is larger than a Fitbit sleep file can be. Nothing was changed.`)
      },
      (bytes) => onBytes(done + bytes),
      signal
    )
    done += source.totalBytes
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      throw new ImportRefused(`“${source.name}” is not complete JSON — it may have been cut short. Nothing was changed.`)
    }
    if (!Array.isArray(data)) throw new ImportRefused(`“${source.name}” is not a Fitbit sleep file (it should be a list of sleep logs). Nothing was changed.`)
    for (const raw of data) {
      const parsed = RecordSchema.safeParse(raw)
      if (!parsed.success) {
        malformed++
        continue
      }
      const record = parsed.data
      const id = String(record.logId)
      if (seen.has(id)) {
        duplicates++
        continue
      }
      seen.add(id)
      records++
      const start = localTime(record.startTime, zone)
      const end = localTime(record.endTime, zone)
      if (start === null || end === null) {
        malformed++
        continue
      }
      const nap = record.mainSleep === false
      const base = { source: 'Fitbit', zone, nap }
      periods.push({ ...base, start, end, kind: 'inBed' })
      for (const level of record.levels?.data ?? []) {
        if (!AWAKE_LEVELS.has(level.level)) continue
        const at = localTime(level.dateTime, zone)
        if (at === null || level.seconds <= 0) continue
        periods.push({ ...base, start: at, end: at + level.seconds * 1000, kind: 'awake' })
      }
    }
  }
  const unreadable: FitbitResult['unreadable'] = []
  if (duplicates > 0) unreadable.push({ reason: 'sleep logs that appeared in two files (read once)', count: duplicates })
  if (malformed > 0) unreadable.push({ reason: 'entries that were not readable sleep logs', count: malformed })
  return { periods, records, duplicates, unreadable }
}

/** Takeout and Fitbit's own export name the files sleep-YYYY-MM-DD.json. */
export function isFitbitSleepFile(fileName: string): boolean {
  return /(^|\/)sleep-\d{4}-\d{2}-\d{2}\.json$/i.test(fileName)
}
