/**
 * When symptoms start and where they are felt, week by week, and the dated
 * medication events to show beside them. Pure: no I/O, no clock.
 *
 * Onset times are placed on the evening's own timeline (times before 05:00
 * belong to the night after midnight; see ./augmentation.ts), so a week of
 * 23:30 and 00:30 onsets has its median at midnight, not at noon.
 */
import { clockOf, median, onsetMinutes } from './augmentation'
import { addDays } from './calendar'
import type { BodyArea } from './journal'
import { formatDose, type DoseUnit } from './medications'

export interface TimingNight {
  date: string
  symptomStart: string | null
  bodyAreas: readonly BodyArea[]
}

export interface TimingWeek {
  /** The first evening of the 7-night block. */
  start: string
  nightsLogged: number
  onsetNights: number
  /** Median onset and the middle half of onsets (25th to 75th percentile), 'HH:MM'; null without onset times. */
  medianOnset: string | null
  earlyOnset: string | null
  lateOnset: string | null
  /** The same three as minutes on the evening timeline (for charts). */
  medianMinutes: number | null
  earlyMinutes: number | null
  lateMinutes: number | null
  /** Nights with symptoms in the arms or elsewhere besides the legs. */
  spreadNights: number
}

export interface MedicationEvent {
  date: string
  kind: 'start' | 'stop' | 'dose'
  name: string
  text: string
}

export interface EventMedication {
  name: string
  unit: DoseUnit
  usualDose: number | null
  startDate: string
  stopDate: string | null
  changes: readonly { changedOn: string; dose: number }[]
}

function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q
  const low = Math.floor(position)
  const high = Math.ceil(position)
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low)
}

/**
 * 7-night blocks from `from` to `to` (the last may be shorter), each with its onset figures and spread.
 * One pass over the nights in date order, so ten years cost ten times one year (not a hundred).
 */
export function weeklyTiming(nights: readonly TimingNight[], from: string, to: string): TimingWeek[] {
  const weeks: TimingWeek[] = []
  const inRange = nights.filter((n) => n.date >= from && n.date <= to).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  let next = 0
  for (let start = from; start <= to; start = addDays(start, 7)) {
    const sixth = addDays(start, 6)
    const end = sixth < to ? sixth : to
    const inside: TimingNight[] = []
    while (next < inRange.length && inRange[next]!.date <= end) inside.push(inRange[next++]!)
    const onsets = inside
      .map((n) => (n.symptomStart ? onsetMinutes(n.symptomStart) : null))
      .filter((m): m is number => m !== null)
      .sort((a, b) => a - b)
    const mid = median(onsets)
    const early = onsets.length > 0 ? quantile(onsets, 0.25) : null
    const late = onsets.length > 0 ? quantile(onsets, 0.75) : null
    weeks.push({
      start,
      nightsLogged: inside.length,
      onsetNights: onsets.length,
      medianOnset: mid === null ? null : clockOf(mid),
      earlyOnset: early === null ? null : clockOf(early),
      lateOnset: late === null ? null : clockOf(late),
      medianMinutes: mid,
      earlyMinutes: early,
      lateMinutes: late,
      spreadNights: inside.filter((n) => n.bodyAreas.includes('arms') || n.bodyAreas.includes('other')).length
    })
  }
  return weeks
}

/** Starts, stops and dose changes dated within the range, oldest first. */
export function medicationEvents(medications: readonly EventMedication[], from: string, to: string): MedicationEvent[] {
  const events: MedicationEvent[] = []
  const inRange = (date: string): boolean => date >= from && date <= to
  for (const m of medications) {
    if (inRange(m.startDate)) {
      events.push({
        date: m.startDate,
        kind: 'start',
        name: m.name,
        text: `Started ${m.name}${m.usualDose === null ? '' : ` ${formatDose(m.usualDose, m.unit)}`}`
      })
    }
    for (const c of m.changes) {
      if (inRange(c.changedOn))
        events.push({ date: c.changedOn, kind: 'dose', name: m.name, text: `${m.name} to ${formatDose(c.dose, m.unit)}` })
    }
    if (m.stopDate !== null && inRange(m.stopDate)) events.push({ date: m.stopDate, kind: 'stop', name: m.name, text: `Stopped ${m.name}` })
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name))
}

/** One sentence on how the usual onset moved between the first and the last week with enough onset times. */
export function onsetSummary(weeks: readonly TimingWeek[]): string {
  const usable = weeks.filter((w) => w.onsetNights >= 3 && w.medianMinutes !== null)
  if (usable.length === 0) return 'Not enough nights with a start time yet: note when symptoms started on at least 3 nights a week.'
  const first = usable[0]!
  const last = usable[usable.length - 1]!
  if (usable.length === 1) return `Symptoms usually started around ${first.medianOnset} (median of ${first.onsetNights} nights).`
  const moved = first.medianMinutes! - last.medianMinutes!
  const from = `around ${first.medianOnset} in the week of ${first.start}`
  const to = `around ${last.medianOnset} in the week of ${last.start}`
  if (Math.abs(moved) < 30) return `Symptoms started at about the same time throughout: ${from}, ${to}.`
  const hours = Math.abs(moved) / 60
  const amount = hours >= 1 ? `${hours.toFixed(1).replace(/\.0$/, '')} h` : `${Math.round(Math.abs(moved))} min`
  return `Symptoms started ${amount} ${moved > 0 ? 'earlier' : 'later'} by the end: from ${from} to ${to}.`
}

/** One sentence on how often symptoms reached the arms or elsewhere. */
export function areasSummary(weeks: readonly TimingWeek[]): string {
  const nights = weeks.reduce((sum, w) => sum + w.nightsLogged, 0)
  const spread = weeks.reduce((sum, w) => sum + w.spreadNights, 0)
  if (nights === 0) return 'No nights logged in this range.'
  const share = Math.round((spread / nights) * 100)
  if (spread === 0) return `Symptoms stayed in the legs on all ${nights} logged nights.`
  const firstWeek = weeks.find((w) => w.spreadNights > 0)!
  return `Arms or other parts of the body were involved on ${spread} of ${nights} logged nights (${share} %), first in the week of ${firstWeek.start}.`
}
