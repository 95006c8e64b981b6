/**
 * Apple Health's export.xml, read as a stream with saxes: only sleep-analysis
 * records are kept, everything else (steps, heart rate, the DTD) passes by.
 */
import { DateTime } from 'luxon'
import { SaxesParser } from 'saxes'
import type { SleepPeriod, PeriodKind } from '../../../shared/domain/sleep-import'
import { ImportCancelled, ImportRefused, readText, type TextSource } from './files'

const SLEEP_TYPE = 'HKCategoryTypeIdentifierSleepAnalysis'
/** Export versions Stillwell was checked against; a newer one is read with a note. */
export const KNOWN_APPLE_VERSION_MAX = 13

const VALUES: Record<string, PeriodKind> = {
  HKCategoryValueSleepAnalysisInBed: 'inBed',
  HKCategoryValueSleepAnalysisAsleep: 'asleep',
  HKCategoryValueSleepAnalysisAsleepUnspecified: 'asleep',
  HKCategoryValueSleepAnalysisAsleepCore: 'asleep',
  HKCategoryValueSleepAnalysisAsleepDeep: 'asleep',
  HKCategoryValueSleepAnalysisAsleepREM: 'asleep',
  HKCategoryValueSleepAnalysisAwake: 'awake'
}

export interface AppleResult {
  periods: SleepPeriod[]
  version: number | null
  /** Sleep records left out, with why. */
  unreadable: { reason: string; count: number }[]
  notes: string[]
}

/**
 * Attribute values are slices of the parser's input chunk; keeping one would
 * keep the whole chunk alive, and a file's worth of chunks with it. Names
 * (sources, zones) are few, so each is copied once and shared.
 */
function interner(): (text: string) => string {
  const seen = new Map<string, string>()
  return (text) => {
    const known = seen.get(text)
    if (known !== undefined) return known
    const copy = Buffer.from(text, 'utf8').toString('utf8')
    seen.set(copy, copy)
    return copy
  }
}

function parseAppleDate(text: string): DateTime | null {
  const parsed = DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm:ss ZZZ', { setZone: true })
  return parsed.isValid ? parsed : null
}

/**
 * Reads one export.xml. `fallbackZone` is used for records that carry no
 * HKTimeZone: their instants are exact, but the offset Apple writes is the
 * phone's at export time, not the night's, so the local clock comes from the
 * zone the user says they were in.
 */
export async function readAppleExport(
  source: TextSource,
  fallbackZone: string,
  onBytes: (bytes: number) => void,
  signal: AbortSignal
): Promise<AppleResult> {
  const parser = new SaxesParser({ xmlns: false, position: false })
  const periods: SleepPeriod[] = []
  const intern = interner()
  let version: number | null = null
  let root: string | null = null
  let badDates = 0
  let unknownValues = 0
  let current: { source: string; start: number; end: number; kind: PeriodKind; zone: string | null } | null = null
  let inRecord = false

  parser.on('doctype', (doctype) => {
    const match = /HealthKit Export Version:\s*(\d+)/.exec(doctype)
    if (match) version = Number(match[1])
  })
  parser.on('opentag', (tag) => {
    if (root === null) {
      root = tag.name
      if (root !== 'HealthData') throw new ImportRefused('This XML file is not an Apple Health export (it has no HealthData), so nothing was read from it.')
      return
    }
    if (tag.name === 'Record') {
      inRecord = !tag.isSelfClosing
      current = null
      const attrs = tag.attributes as Record<string, string>
      if (attrs.type !== SLEEP_TYPE) return
      const kind = VALUES[attrs.value ?? '']
      if (!kind) {
        unknownValues++
        return
      }
      const start = parseAppleDate(attrs.startDate ?? '')
      const end = parseAppleDate(attrs.endDate ?? '')
      if (!start || !end) {
        badDates++
        return
      }
      current = { source: intern(`Apple Health · ${attrs.sourceName || 'unnamed source'}`), start: start.toMillis(), end: end.toMillis(), kind, zone: null }
      if (tag.isSelfClosing) finish()
    } else if (tag.name === 'MetadataEntry' && inRecord && current) {
      const attrs = tag.attributes as Record<string, string>
      if (attrs.key === 'HKTimeZone' && attrs.value) current.zone = intern(attrs.value)
    }
  })
  parser.on('closetag', (tag) => {
    if (tag.name === 'Record' && inRecord) {
      finish()
      inRecord = false
    }
  })
  function finish(): void {
    if (!current) return
    periods.push({ source: current.source, start: current.start, end: current.end, kind: current.kind, zone: current.zone ?? fallbackZone })
    current = null
  }

  try {
    await readText(source, (text) => void parser.write(text), onBytes, signal)
    parser.close()
  } catch (error) {
    if (error instanceof ImportRefused || error instanceof ImportCancelled) throw error
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new ImportRefused(`This file is not complete, well-formed XML (${detail}). It may have been cut short while copying; export again. Nothing was changed.`)
  }
  if (root === null) throw new ImportRefused('This file is empty or not XML, so nothing was read from it.')
  const unreadable: AppleResult['unreadable'] = []
  if (unknownValues > 0) unreadable.push({ reason: 'sleep records of a kind Stillwell does not know', count: unknownValues })
  if (badDates > 0) unreadable.push({ reason: 'sleep records with dates that could not be read', count: badDates })
  const notes: string[] = []
  if (version !== null && version > KNOWN_APPLE_VERSION_MAX) {
    notes.push(
      `This export says it is version ${version}; Stillwell knows versions up to ${KNOWN_APPLE_VERSION_MAX}. Records it recognised were read; any it did not are counted below.`
    )
  }
  if (version === null) notes.push('This export does not say which version it is; records Stillwell recognised were read.')
  return { periods, version, unreadable, notes }
}
