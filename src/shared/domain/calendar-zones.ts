// Time zones and the daylight-saving resolver: the half of the calendar
// (./calendar) that needs luxon's zone data. Kept apart so that code which only
// writes dates and clock times (the renderer's first screen) never loads luxon.
import { IANAZone } from 'luxon'
import { DAY_MS, EVENING_STARTS_AT_HOUR, HOUR_MS, MINUTE_MS, dateOfDayNumber, formatWallTime } from './calendar'
import type { GapRule, IsoDate, WallMs, WallTime } from './calendar'

// Luxon checks a name by building an Intl formatter for it (a tenth of a millisecond or more), and a save
// checks the entry's zone more than once: the answers are kept. Zone names are few; the cap is a guard.
const knownZones = new Map<string, boolean>()
const KNOWN_ZONES_CAP = 64

/** Whether `name` is an IANA zone this runtime knows ('Europe/Berlin'; not 'CET+1' or ''). */
export function isKnownZone(name: string): boolean {
  let known = knownZones.get(name)
  if (known === undefined) {
    known = IANAZone.isValidZone(name)
    if (knownZones.size >= KNOWN_ZONES_CAP) knownZones.clear()
    knownZones.set(name, known)
  }
  return known
}

export function zoneFor(name: string): IANAZone {
  const zone = IANAZone.create(name)
  if (!zone.isValid) throw new RangeError(`Unknown IANA time zone: ${name}`)
  return zone
}

export function offsetMs(zone: IANAZone, instant: number): number {
  return zone.offset(instant) * MINUTE_MS
}

/** The local day number at an instant. */
export function localDayNumber(zone: IANAZone, instant: number): number {
  return Math.floor((instant + offsetMs(zone, instant)) / DAY_MS)
}

/** The local calendar date at an instant. */
export function dateInZone(zone: string, ms: number): IsoDate {
  return dateOfDayNumber(localDayNumber(zoneFor(zone), ms))
}

/** The local wall-clock time 'HH:MM' at an instant. */
export function wallTimeInZone(zone: string, ms: number): WallTime {
  const z = zoneFor(zone)
  const local = ms + offsetMs(z, ms)
  return formatWallTime(Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS))
}

// Offset lookups go through Intl and cost microseconds each; the reminder check
// re-resolves the same few evenings every minute, so remember recent answers.
// Time-zone rules do not change while the process runs, so this stays pure.
const RESOLVE_CACHE_LIMIT = 4096
const resolveCache = new Map<string, number>()

/**
 * The one daylight-saving resolver: the instant at which the zone's clock shows
 * `wall`. A repeated hour (autumn) gives its first occurrence; a skipped hour
 * (spring) follows `inGap`.
 */
export function instantOfWall(zone: IANAZone, wall: WallMs, inGap: GapRule = 'jump'): number {
  const cacheKey = `${zone.name} ${wall} ${inGap}`
  const cached = resolveCache.get(cacheKey)
  if (cached !== undefined) return cached
  const instant = resolveUncached(zone, wall, inGap)
  if (resolveCache.size >= RESOLVE_CACHE_LIMIT) resolveCache.clear()
  resolveCache.set(cacheKey, instant)
  return instant
}

function resolveUncached(zone: IANAZone, wall: WallMs, inGap: GapRule): number {
  // Offsets a day either side cover any single transition near `wall`.
  const offsetBefore = offsetMs(zone, wall - DAY_MS)
  const offsetAfter = offsetMs(zone, wall + DAY_MS)
  const valid = [wall - offsetBefore, wall - offsetAfter].filter((instant) => offsetMs(zone, instant) === wall - instant)
  if (valid.length > 0) return Math.min(...valid)
  if (offsetAfter <= offsetBefore) return wall - offsetBefore // unreachable for real tz data
  // In a gap: read with the offset before the change, the clock is already past it by the gap.
  if (inGap === 'shift') return wall - offsetBefore
  // Before the jump the clock had not reached `wall`, after it the clock is past it: the jump itself.
  return firstInstantWithOffset(zone, wall - offsetAfter, wall - offsetBefore, offsetAfter)
}

/** Binary search in (lo, hi] for the first instant whose offset is `target`. */
function firstInstantWithOffset(zone: IANAZone, lo: number, hi: number, target: number): number {
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (offsetMs(zone, mid) === target) hi = mid
    else lo = mid
  }
  return hi
}

/** The evening an instant belongs to. */
export function eveningInZone(zone: string, ms: number): IsoDate {
  const z = zoneFor(zone)
  const local = ms + offsetMs(z, ms)
  return dateOfDayNumber(Math.floor((local - EVENING_STARTS_AT_HOUR * HOUR_MS) / DAY_MS))
}
