// Over 400 lines: assigning periods to evenings, merging them and proposing diary times are one chain of pure rules, tested together.
/**
 * Sleep brought in from a tracker or another app, turned into diary nights.
 * Pure: no I/O, no clock (callers pass "now").
 *
 * The rules, in the order they apply:
 * 1. A period is one stretch a source recorded: in bed, asleep (any stage) or
 *    awake, with its instants and the zone it was recorded in.
 * 2. A period is skipped, and counted with its reason, when it ends before it
 *    starts (or lasts no time), lasts over 24 hours, starts before 2000 or
 *    after "now" plus a day.
 * 3. Each period belongs to the evening on which it began: local time in its
 *    own zone, noon to noon (a start at 01:30 belongs to the evening before).
 * 4. Per evening one source is used — the one that recorded the most sleep, so
 *    a watch's stages win over a phone's "in bed" — and the others are counted.
 * 5. That source's periods are merged into episodes: periods that overlap or
 *    lie within {@link FRAGMENT_GAP_MINUTES} of each other are one episode,
 *    whatever the source called them (an episode is a nap only when every
 *    piece of it was marked as one).
 * 6. The longest episode that is not marked as a nap is the night's sleep; the
 *    others are naps, and so is an episode that starts between 10:00 and
 *    18:00 and is shorter than four hours even when it is the only one.
 * 7. From the night's episode come the proposals: in bed (first in-bed or
 *    asleep moment), fell asleep (first asleep moment), final wake (last asleep
 *    moment), out of bed (last in-bed or asleep moment), awakenings (gaps in
 *    sleep of {@link AWAKENING_MIN_MINUTES} minutes or more) and time awake
 *    after sleep onset (every gap between fell asleep and final wake).
 */
import { DateTime, FixedOffsetZone, IANAZone } from 'luxon'
import type { SleepDiary } from '../schemas/journal'
import { isKnownZone } from './calendar-zones'

export const FRAGMENT_GAP_MINUTES = 60
export const AWAKENING_MIN_MINUTES = 5
export const MAX_PERIOD_HOURS = 24
export const EARLIEST_IMPORT_DATE = '2000-01-01'
/** Times within this many minutes of the diary's count as agreeing. */
export const AGREE_MINUTES = 15

export type PeriodKind = 'inBed' | 'asleep' | 'awake'
export type ImportFormat = 'apple' | 'fitbit' | 'csv'

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  apple: 'Apple Health',
  fitbit: 'Fitbit (Google Takeout)',
  csv: 'CSV file'
}

export interface SleepPeriod {
  /** Who recorded it, as the user would recognise it: "Apple Health · Apple Watch". */
  source: string
  /** Instants, epoch milliseconds. */
  start: number
  end: number
  /** Where it was recorded: an IANA name or a fixed offset luxon understands ("UTC+2"). */
  zone: string
  kind: PeriodKind
  /** The source itself says this was a nap (Fitbit's mainSleep: false, a CSV nap column). */
  nap?: boolean
  /** A summary some sources give instead of asleep stretches (a CSV's "minutes asleep"). */
  asleepMinutes?: number
  awakenings?: number
}

export type SkipReason = 'not_positive' | 'too_long' | 'future' | 'too_early' | 'bad_zone'

export const SKIP_REASON_TEXT: Record<SkipReason, string> = {
  not_positive: 'ended before it started or lasted no time',
  too_long: `lasted more than ${MAX_PERIOD_HOURS} hours`,
  future: 'dated in the future',
  too_early: `dated before ${EARLIEST_IMPORT_DATE}`,
  bad_zone: 'had a time zone Stillwell does not know'
}

export interface Skipped {
  reason: string
  count: number
}

/** What a device says about one night, as local clock times in the night's zone. */
export interface DeviceNight {
  eveningDate: string
  zone: string
  source: string
  /** Other sources that recorded this evening but were not used. */
  otherSources: string[]
  inBedAt: string
  fellAsleepAt: string | null
  finalWakeAt: string | null
  outOfBedAt: string
  inBed: string
  fellAsleep: string | null
  finalWake: string | null
  outOfBed: string
  awakenings: number | null
  wasoMinutes: number | null
  totalSleepMinutes: number | null
  timeInBedMinutes: number
  napCount: number
  napMinutes: number
  /** Number of recorded pieces merged into the night's sleep. */
  fragments: number
}

export interface NightAssignment {
  nights: DeviceNight[]
  skipped: Skipped[]
}

interface Interval {
  start: number
  end: number
}

const MINUTE = 60_000

/** A luxon zone for an IANA name or fixed offset, or null when it is not one. */
export function zoneFor(name: string): IANAZone | FixedOffsetZone | null {
  const fixed = FixedOffsetZone.parseSpecifier(name)
  if (fixed) return fixed
  return isKnownZone(name) ? IANAZone.create(name) : null
}

function local(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(ms, { zone: zoneFor(zone) ?? 'UTC' })
}

/** The evening (YYYY-MM-DD) an instant belongs to in a zone: noon to noon. */
export function eveningOf(ms: number, zone: string): string {
  return local(ms, zone).minus({ hours: 12 }).toISODate() ?? ''
}

function clock(ms: number, zone: string): string {
  return local(ms, zone).toFormat('HH:mm')
}

function iso(ms: number, zone: string): string {
  return local(ms, zone).toISO({ suppressMilliseconds: true }) ?? ''
}

/** Sorted, overlapping or touching intervals joined. */
export function union(intervals: readonly Interval[], gap = 0): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start)
  const out: Interval[] = []
  for (const next of sorted) {
    const last = out[out.length - 1]
    if (last && next.start <= last.end + gap) last.end = Math.max(last.end, next.end)
    else out.push({ start: next.start, end: next.end })
  }
  return out
}

function minutes(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, i) => sum + (i.end - i.start), 0) / MINUTE
}

/** Subtracts `cut` from `from`: the parts of `from` not covered by `cut`. */
function subtract(from: readonly Interval[], cut: readonly Interval[]): Interval[] {
  const out: Interval[] = []
  for (const piece of from) {
    let pieces: Interval[] = [{ ...piece }]
    for (const c of cut) {
      pieces = pieces.flatMap((p) => {
        if (c.end <= p.start || c.start >= p.end) return [p]
        const rest: Interval[] = []
        if (c.start > p.start) rest.push({ start: p.start, end: c.start })
        if (c.end < p.end) rest.push({ start: c.end, end: p.end })
        return rest
      })
    }
    out.push(...pieces)
  }
  return out
}

/** Checks one period; returns why it is skipped, or null to keep it. */
export function checkPeriod(period: SleepPeriod, now: number): SkipReason | null {
  if (!zoneFor(period.zone)) return 'bad_zone'
  if (!Number.isFinite(period.start) || !Number.isFinite(period.end) || period.end <= period.start) return 'not_positive'
  if (period.end - period.start > MAX_PERIOD_HOURS * 60 * MINUTE) return 'too_long'
  if (period.start > now + 24 * 60 * MINUTE) return 'future'
  if (period.start < Date.parse(`${EARLIEST_IMPORT_DATE}T00:00:00Z`)) return 'too_early'
  return null
}

interface Episode {
  periods: SleepPeriod[]
  start: number
  end: number
  nap: boolean
  asleep: Interval[]
}

function asleepIntervals(periods: readonly SleepPeriod[]): Interval[] {
  const asleep = union(periods.filter((p) => p.kind === 'asleep'))
  const awake = union(periods.filter((p) => p.kind === 'awake'))
  if (asleep.length > 0) return subtract(asleep, awake)
  // A source that only says "in bed" and "awake" (Fitbit's classic levels come as both): in bed minus awake.
  if (awake.length > 0) return subtract(union(periods.filter((p) => p.kind === 'inBed')), awake)
  return []
}

function episodesOf(periods: readonly SleepPeriod[]): Episode[] {
  const sorted = [...periods].sort((a, b) => a.start - b.start || a.end - b.end)
  const groups: SleepPeriod[][] = []
  let end = -Infinity
  for (const period of sorted) {
    const current = groups[groups.length - 1]
    // A source's own "nap" label does not keep pieces apart: Fitbit calls the pieces of a broken night naps.
    if (current && period.start <= end + FRAGMENT_GAP_MINUTES * MINUTE) {
      current.push(period)
      end = Math.max(end, period.end)
    } else {
      groups.push([period])
      end = period.end
    }
  }
  return groups.map((group) => ({
    periods: group,
    start: Math.min(...group.map((p) => p.start)),
    end: Math.max(...group.map((p) => p.end)),
    nap: group.every((p) => p.nap === true),
    asleep: asleepIntervals(group)
  }))
}

function looksLikeNap(episode: Episode): boolean {
  const hour = local(episode.start, episode.periods[0]!.zone).hour
  return hour >= 10 && hour < 18 && episode.end - episode.start < 4 * 60 * MINUTE
}

/** Minutes asleep in an episode: its asleep stretches, else the totals its source gave, else its length. */
function sleptMinutes(e: Episode): number {
  if (e.asleep.length > 0) return minutes(e.asleep)
  const given = e.periods.filter((p) => p.asleepMinutes !== undefined)
  if (given.length > 0) return given.reduce((sum, p) => sum + (p.asleepMinutes ?? 0), 0)
  return (e.end - e.start) / MINUTE
}

function episodeWeight(e: Episode): number {
  return e.asleep.length > 0 ? minutes(e.asleep) : (e.end - e.start) / MINUTE
}

/** One evening, one source: the night's proposals. */
function nightFrom(eveningDate: string, source: string, periods: SleepPeriod[], others: string[]): DeviceNight | null {
  const episodes = episodesOf(periods)
  const candidates = episodes.filter((e) => !e.nap && !looksLikeNap(e))
  const main = candidates.sort((a, b) => episodeWeight(b) - episodeWeight(a))[0] ?? null
  const naps = episodes.filter((e) => e !== main)
  const napMinutes = Math.round(naps.reduce((sum, e) => sum + sleptMinutes(e), 0))
  if (!main) return null
  const z = main.periods[0]!.zone
  const asleep = union(main.asleep)
  const firstAsleep = asleep[0]?.start ?? null
  const lastAsleep = asleep[asleep.length - 1]?.end ?? null
  const gaps: Interval[] = []
  for (let i = 1; i < asleep.length; i++) gaps.push({ start: asleep[i - 1]!.end, end: asleep[i]!.start })
  let awakenings = firstAsleep === null ? null : gaps.filter((g) => g.end - g.start >= AWAKENING_MIN_MINUTES * MINUTE).length
  const waso = firstAsleep === null ? null : Math.round(minutes(gaps))
  let total = asleep.length > 0 ? Math.round(minutes(asleep)) : null
  // Sources that give only totals (a CSV row): use them as they are.
  const summaries = main.periods.filter((p) => p.asleepMinutes !== undefined || p.awakenings !== undefined)
  if (asleep.length === 0 && summaries.length > 0) {
    const sum = (pick: (p: SleepPeriod) => number | undefined) =>
      summaries.some((p) => pick(p) !== undefined) ? summaries.reduce((acc, p) => acc + (pick(p) ?? 0), 0) : null
    total = sum((p) => p.asleepMinutes)
    awakenings = sum((p) => p.awakenings)
  }
  return {
    eveningDate,
    zone: z,
    source,
    otherSources: others,
    inBedAt: iso(main.start, z),
    fellAsleepAt: firstAsleep === null ? null : iso(firstAsleep, z),
    finalWakeAt: lastAsleep === null ? null : iso(lastAsleep, z),
    outOfBedAt: iso(main.end, z),
    inBed: clock(main.start, z),
    fellAsleep: firstAsleep === null ? null : clock(firstAsleep, z),
    finalWake: lastAsleep === null ? null : clock(lastAsleep, z),
    outOfBed: clock(main.end, z),
    awakenings,
    wasoMinutes: waso,
    totalSleepMinutes: total,
    timeInBedMinutes: Math.round((main.end - main.start) / MINUTE),
    napCount: naps.length,
    napMinutes,
    fragments: main.periods.length
  }
}

/** Rules 2–7 over every period of a file. */
export function assignNights(periods: readonly SleepPeriod[], now: number): NightAssignment {
  const skips = new Map<SkipReason, number>()
  const byEvening = new Map<string, Map<string, SleepPeriod[]>>()
  for (const period of periods) {
    const reason = checkPeriod(period, now)
    if (reason) {
      skips.set(reason, (skips.get(reason) ?? 0) + 1)
      continue
    }
    const evening = eveningOf(period.start, period.zone)
    const sources = byEvening.get(evening) ?? new Map<string, SleepPeriod[]>()
    const list = sources.get(period.source) ?? []
    list.push(period)
    sources.set(period.source, list)
    byEvening.set(evening, sources)
  }
  const nights: DeviceNight[] = []
  let napOnly = 0
  let overlapping = 0
  let otherSource = 0
  for (const [evening, sources] of [...byEvening].sort(([a], [b]) => a.localeCompare(b))) {
    const ranked = [...sources].sort(
      ([nameA, a], [nameB, b]) => minutes(asleepIntervals(b)) - minutes(asleepIntervals(a)) || spanMinutes(b) - spanMinutes(a) || nameA.localeCompare(nameB)
    )
    const [source, list] = ranked[0]!
    for (const [, unused] of ranked.slice(1)) otherSource += unused.length
    overlapping += countOverlaps(list)
    const night = nightFrom(
      evening,
      source,
      list,
      ranked.slice(1).map(([name]) => name)
    )
    if (night) nights.push(night)
    else napOnly++
  }
  const skipped: Skipped[] = [...skips].map(([reason, count]) => ({ reason: SKIP_REASON_TEXT[reason], count }))
  if (napOnly > 0) skipped.push({ reason: 'evenings with only a nap, no night’s sleep', count: napOnly })
  if (overlapping > 0) skipped.push({ reason: 'periods that overlapped another of the same kind (joined, not counted twice)', count: overlapping })
  if (otherSource > 0) skipped.push({ reason: 'periods from a second source on a night another source covered (not used)', count: otherSource })
  return { nights, skipped }
}

/** Periods that start before an earlier one of the same kind has ended. */
function countOverlaps(periods: readonly SleepPeriod[]): number {
  let count = 0
  for (const kind of ['inBed', 'asleep', 'awake'] as const) {
    let end = -Infinity
    for (const p of periods.filter((x) => x.kind === kind).sort((a, b) => a.start - b.start)) {
      if (p.start < end) count++
      end = Math.max(end, p.end)
    }
  }
  return count
}

function spanMinutes(periods: readonly SleepPeriod[]): number {
  return minutes(union(periods))
}

// ——— The diary side ———

/** The diary's sleep answers a device night can propose or be compared with: all but the two felt ratings. */
export type DiarySleep = Omit<SleepDiary, 'quality' | 'rested'>

export type ProposalField = 'inBed' | 'fellAsleep' | 'finalWake' | 'outOfBed' | 'awakenings' | 'wasoMinutes'

export interface FieldComparison {
  field: ProposalField
  diary: string | null
  device: string | null
  agrees: boolean
}

function clockMinutes(text: string): number {
  const [h, m] = text.split(':').map(Number)
  return h! * 60 + m!
}

/** Minutes between two clock times on a 24-hour circle (23:55 and 00:05 are 10 apart). */
export function clockDistance(a: string, b: string): number {
  const d = Math.abs(clockMinutes(a) - clockMinutes(b)) % 1440
  return Math.min(d, 1440 - d)
}

/** The diary's "fell asleep": lights out plus the minutes it took. */
export function diaryFellAsleep(diary: DiarySleep): string {
  const total = (clockMinutes(diary.triedToSleep) + diary.latencyMinutes) % 1440
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

/** Each proposal beside what the user typed, and whether the two agree. */
export function compareWithDiary(night: DeviceNight, diary: DiarySleep): FieldComparison[] {
  const time = (field: ProposalField, typed: string, proposed: string | null): FieldComparison => ({
    field,
    diary: typed,
    device: proposed,
    agrees: proposed === null || clockDistance(typed, proposed) <= AGREE_MINUTES
  })
  const count = (field: ProposalField, typed: number, proposed: number | null, tolerance: number): FieldComparison => ({
    field,
    diary: String(typed),
    device: proposed === null ? null : String(proposed),
    agrees: proposed === null || Math.abs(typed - proposed) <= tolerance
  })
  return [
    time('inBed', diary.inBed, night.inBed),
    time('fellAsleep', diaryFellAsleep(diary), night.fellAsleep),
    time('finalWake', diary.finalWake, night.finalWake),
    time('outOfBed', diary.outOfBed, night.outOfBed),
    count('awakenings', diary.awakenings, night.awakenings, 1),
    count('wasoMinutes', diary.wasoMinutes, night.wasoMinutes, AGREE_MINUTES)
  ]
}

/**
 * The diary answers a device night proposes. The device cannot know when the
 * lights went out, so "tried to sleep" is taken as the moment in bed and the
 * time to fall asleep runs from there.
 */
export function diaryFromDevice(night: DeviceNight): DiarySleep | null {
  if (!night.fellAsleepAt || !night.finalWake || !night.fellAsleep) return null
  const latency = Math.round(DateTime.fromISO(night.fellAsleepAt).diff(DateTime.fromISO(night.inBedAt), 'minutes').minutes)
  return {
    inBed: night.inBed,
    triedToSleep: night.inBed,
    latencyMinutes: Math.max(0, Math.min(720, latency)),
    awakenings: Math.min(50, night.awakenings ?? 0),
    wasoMinutes: Math.min(720, night.wasoMinutes ?? 0),
    finalWake: night.finalWake,
    outOfBed: night.outOfBed,
    napCount: Math.min(10, night.napCount),
    napMinutes: Math.min(720, night.napMinutes)
  }
}

/** A stable text for a device night's values: the same night from the same file twice is the same. */
export function nightFingerprint(night: DeviceNight): string {
  return [
    night.inBedAt,
    night.fellAsleepAt,
    night.finalWakeAt,
    night.outOfBedAt,
    night.awakenings,
    night.wasoMinutes,
    night.totalSleepMinutes,
    night.napCount,
    night.napMinutes
  ].join('|')
}
