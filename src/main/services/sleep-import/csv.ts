/**
 * Sleep periods from any CSV (Oura, Withings, Gadgetbridge, sleep apps), read
 * with papaparse through a column mapping the user chose.
 */
import { DateTime, FixedOffsetZone } from 'luxon'
import Papa from 'papaparse'
import type { CsvMapping } from '../../../shared/contract/sleep-import'
import { zoneFor, type SleepPeriod } from '../../../shared/domain/sleep-import'
import { ImportRefused, readText, type TextSource } from './files'

export const MAX_CSV_BYTES = 50 * 1024 ** 2

/** Date layouts seen in exports, tried in order after ISO 8601. */
const LAYOUTS = [
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd HH:mm',
  'yyyy-MM-dd h:mm a',
  'yyyy-MM-dd h:mm:ss a',
  'M/d/yyyy H:mm',
  'M/d/yyyy H:mm:ss',
  'M/d/yyyy h:mm a',
  'd. M. yyyy H:mm',
  'dd.MM.yyyy HH:mm',
  'yyyy/MM/dd HH:mm'
]

/** Abbreviations some apps write instead of a zone, as the fixed offsets they stand for. */
const ABBREVIATIONS: Record<string, number> = {
  UTC: 0, GMT: 0, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AEST: 600, AEDT: 660, JST: 540
}

/** A zone from a cell: an IANA name, "UTC-05:00", "+01:00", minutes ("-300") or a common abbreviation. */
export function zoneFromCell(cell: string): string | null {
  const text = cell.trim()
  if (!text) return null
  if (/^[+-]?\d{1,4}$/.test(text)) {
    const minutes = Number(text)
    return Math.abs(minutes) <= 14 * 60 ? FixedOffsetZone.instance(minutes).name : null
  }
  const abbreviation = ABBREVIATIONS[text.toUpperCase()]
  if (abbreviation !== undefined) return FixedOffsetZone.instance(abbreviation).name
  const offset = /^(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})?$/i.exec(text)
  if (offset) {
    const minutes = (Number(offset[2]) * 60 + Number(offset[3] ?? 0)) * (offset[1] === '-' ? -1 : 1)
    return FixedOffsetZone.instance(minutes).name
  }
  return zoneFor(text) ? text : null
}

/** An instant from a cell in a zone; an offset written in the cell wins. */
export function instantFromCell(cell: string, zone: string): { ms: number; offsetZone: string | null } | null {
  const text = cell.trim()
  if (!text) return null
  const iso = DateTime.fromISO(text, { zone, setZone: true })
  if (iso.isValid) {
    const hasOffset = /([+-]\d{2}:?\d{2}|Z)$/.test(text)
    return { ms: iso.toMillis(), offsetZone: hasOffset ? iso.zone.name : null }
  }
  for (const layout of LAYOUTS) {
    const parsed = DateTime.fromFormat(text, layout, { zone })
    if (parsed.isValid) return { ms: parsed.toMillis(), offsetZone: null }
  }
  return null
}

export interface CsvTable {
  headers: string[]
  rows: Record<string, string>[]
}

export async function readCsvTable(source: TextSource, onBytes: (bytes: number) => void, signal: AbortSignal): Promise<CsvTable> {
  if (source.totalBytes > MAX_CSV_BYTES) throw new ImportRefused('This CSV file is over 50 MB, more than a sleep export holds. Nothing was changed.')
  let text = ''
  await readText(
    source,
    (chunk) => {
      text += chunk
      if (text.length > MAX_CSV_BYTES) throw new ImportRefused('This CSV file is over 50 MB, more than a sleep export holds. Nothing was changed.')
    },
    onBytes,
    signal
  )
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() })
  const headers = (parsed.meta.fields ?? []).filter((h) => h.length > 0)
  if (headers.length < 2) throw new ImportRefused('This file does not look like a CSV table with a header row. Nothing was changed.')
  return { headers, rows: parsed.data }
}

export interface CsvResult {
  periods: SleepPeriod[]
  unreadable: { reason: string; count: number }[]
}

const TRUE_CELLS = new Set(['true', 'yes', '1', 'nap', 'y'])

/** Checks the mapping against the table, then reads each row. Throws ImportRefused when the mapping makes no sense. */
export function periodsFromCsv(table: CsvTable, mapping: CsvMapping, label: string): CsvResult {
  const columns = [mapping.start, mapping.end, mapping.zoneColumn, mapping.asleepMinutes, mapping.awakenings, mapping.nap].filter((c): c is string => !!c)
  const missing = columns.filter((c) => !table.headers.includes(c))
  if (missing.length > 0) throw new ImportRefused(`This file has no column named ${missing.map((m) => `“${m}”`).join(', ')}. Choose columns from its header row.`)
  if (mapping.start === mapping.end) throw new ImportRefused('Start and end are the same column. Choose the column with the time sleep began and the one with the time it ended.')
  const periods: SleepPeriod[] = []
  let badDates = 0
  let badNumbers = 0
  let headerRepeats = 0
  let blank = 0
  for (const row of table.rows) {
    const startCell = row[mapping.start] ?? ''
    const endCell = row[mapping.end] ?? ''
    if (!startCell.trim() && !endCell.trim()) {
      blank++
      continue
    }
    if (startCell.trim() === mapping.start) {
      headerRepeats++
      continue
    }
    const rowZone = (mapping.zoneColumn ? zoneFromCell(row[mapping.zoneColumn] ?? '') : null) ?? mapping.zone
    const start = instantFromCell(startCell, rowZone)
    const end = instantFromCell(endCell, rowZone)
    if (!start || !end) {
      badDates++
      continue
    }
    const zone = mapping.zoneColumn ? rowZone : (start.offsetZone ?? rowZone)
    const number = (column: string | null | undefined): number | null | 'bad' => {
      if (!column) return null
      const cell = (row[column] ?? '').trim()
      if (!cell) return null
      const value = Number(cell.replace(',', '.'))
      return Number.isFinite(value) && value >= 0 && value <= 1440 ? Math.round(value) : 'bad'
    }
    const asleep = number(mapping.asleepMinutes)
    const awakenings = number(mapping.awakenings)
    if (asleep === 'bad' || awakenings === 'bad') badNumbers++
    const period: SleepPeriod = { source: label, start: start.ms, end: end.ms, zone, kind: 'inBed' }
    if (typeof asleep === 'number') period.asleepMinutes = asleep
    if (typeof awakenings === 'number') period.awakenings = awakenings
    if (mapping.nap && TRUE_CELLS.has((row[mapping.nap] ?? '').trim().toLowerCase())) period.nap = true
    periods.push(period)
  }
  const filled = table.rows.length - blank - headerRepeats
  if (filled > 0 && badDates > filled / 2) {
    throw new ImportRefused(
      `Most rows (${badDates} of ${filled}) have no date Stillwell can read in “${mapping.start}” or “${mapping.end}”. Check that these columns hold the start and end of sleep.`
    )
  }
  if (periods.length === 0) throw new ImportRefused('No row of this file has both a start and an end. Nothing was changed.')
  const unreadable: CsvResult['unreadable'] = []
  if (badDates > 0) unreadable.push({ reason: 'rows whose dates could not be read', count: badDates })
  if (badNumbers > 0) unreadable.push({ reason: 'rows with minutes or awakenings that are not numbers from 0 to 1440 (times kept, numbers left out)', count: badNumbers })
  if (headerRepeats > 0) unreadable.push({ reason: 'repeated header rows', count: headerRepeats })
  return { periods, unreadable }
}
