/**
 * The augmentation watch: while a dopaminergic medicine (a dopamine agonist or
 * levodopa) is being taken, compare the last two weeks with the two to four
 * weeks before on the features clinicians use to recognise augmentation, and
 * say which are present, with numbers. Pure: no I/O, today is passed in.
 *
 * The features follow the Max Planck Institute (MPI) criteria for RLS
 * augmentation: García-Borreguero D, Allen RP, Kohnen R, et al. Diagnostic
 * standards for dopaminergic augmentation of restless legs syndrome: report
 * from a World Association of Sleep Medicine – International Restless Legs
 * Syndrome Study Group consensus conference at the Max Planck Institute.
 * Sleep Med 2007;8(5):520–530. In short, the criteria look for symptoms
 * starting earlier in the day (by 4 hours or more, or by 2 to 4 hours
 * together with other changes), spreading to other body parts, coming on
 * sooner at rest, getting more intense, and relief wearing off sooner.
 *
 * What Stillwell can see from the journal is a subset: onset time, body areas,
 * daytime episodes and nightly severity. It never says "augmentation": it
 * names the signs and sends the person to the doctor who prescribed the
 * medicine. The thresholds below are this project's reading of the criteria
 * for a home diary, deliberately plain so a clinician can check them.
 */
import type { BodyArea } from './journal'
import { addDays } from './calendar'
import { classifyMedication } from './drug-classes'
import { activeOn, doseOn, formatDose, type DoseChange, type DoseUnit } from './medications'

/** The recent period: the last 14 evenings, ending last night. */
export const RECENT_NIGHTS = 14
/** The baseline: up to 28 evenings just before the recent period. */
export const BASELINE_NIGHTS = 28
/** Logged nights needed in each period before anything is said. */
export const MIN_RECENT_LOGGED = 10
export const MIN_BASELINE_LOGGED = 10
/** Nights with an onset time needed in each period to compare onset. */
export const MIN_ONSET_NIGHTS = 7
/** Spread: arms or elsewhere on at least this many recent nights, and this much more often than before. */
export const SPREAD_MIN_NIGHTS = 3
export const SPREAD_MIN_INCREASE = 0.25
/** Daytime episodes: on at least this many recent days, and on a clearly larger share of days than before. */
export const DAYTIME_MIN_DAYS = 2
export const DAYTIME_MIN_INCREASE = 0.1
/** Severity: at least 2 points above the baseline median on 5 of every 7 recent nights (the MPI "5 of 7 days"). */
export const SEVERITY_POINTS = 2
export const SEVERITY_SHARE = 5 / 7

export const SIGN_KEYS = ['onset-4h', 'onset-2h', 'spread', 'daytime', 'severity'] as const
export type SignKey = (typeof SIGN_KEYS)[number]

export const AUGMENTATION_ADVICE =
  'These can be signs of augmentation, a known effect of this kind of medicine. Discuss them with the doctor who prescribed it — do not stop or change the medicine on your own.'
export const AUGMENTATION_SOURCE =
  'García-Borreguero D et al. Diagnostic standards for dopaminergic augmentation of restless legs syndrome (the Max Planck Institute criteria). Sleep Med 2007;8(5):520–530.'

export interface WatchNight {
  date: string
  severity: number
  symptomStart: string | null
  bodyAreas: readonly BodyArea[]
}

export interface WatchMedication {
  name: string
  unit: DoseUnit
  usualDose: number | null
  startDate: string
  stopDate: string | null
  changes: readonly DoseChange[]
}

export interface WatchInput {
  /** The user's today ('YYYY-MM-DD'); last night is the evening before. */
  today: string
  nights: readonly WatchNight[]
  /** Dates of daytime episodes (one per episode; several on a day count once). */
  episodeDates: readonly string[]
  medications: readonly WatchMedication[]
}

export interface PeriodSummary {
  from: string
  to: string
  nightsLogged: number
  onsetNights: number
  /** Median onset as 'HH:MM', or null with too few onset times. */
  medianOnset: string | null
  spreadNights: number
  daytimeDays: number
  medianSeverity: number | null
}

export interface Sign {
  key: SignKey
  title: string
  /** The numbers, in a sentence. */
  detail: string
  /** The first recent night (or day) on which it was seen. */
  since: string
}

export interface DoseEvent {
  medication: string
  date: string
  from: string
  to: string
}

export type WatchResult =
  | { status: 'not-applicable' }
  | { status: 'too-thin'; medication: string; recent: PeriodSummary; baseline: PeriodSummary; message: string }
  | { status: 'no-signs'; medication: string; recent: PeriodSummary; baseline: PeriodSummary; doseEvents: DoseEvent[] }
  | {
      status: 'signs'
      medication: string
      recent: PeriodSummary
      baseline: PeriodSummary
      signs: Sign[]
      doseEvents: DoseEvent[]
      /** Identifies this occurrence for "dismiss": the medicine and the set of signs. */
      key: string
    }

const DAY_STARTS = 5 * 60

/**
 * Minutes on the evening's own timeline: times before 05:00 belong to the
 * night after midnight, so 00:30 (1470) is later than 22:00 (1320).
 */
export function onsetMinutes(time: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time)
  if (!match) return null
  const minutes = Number(match[1]) * 60 + Number(match[2])
  return minutes < DAY_STARTS ? minutes + 24 * 60 : minutes
}

export function clockOf(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** "4 h 30 min", "2 h", "45 min". */
export function hoursAndMinutes(minutes: number): string {
  const total = Math.round(Math.abs(minutes))
  const h = Math.floor(total / 60)
  const m = total % 60
  if (h === 0) return `${m} min`
  return m === 0 ? `${h} h` : `${h} h ${m} min`
}

// Plain calendar steps (no luxon): the Today screen imports this module's advice text, and loads without luxon.
const shift = addDays

function summarise(nights: readonly WatchNight[], episodeDays: ReadonlySet<string>, from: string, to: string): PeriodSummary {
  const inside = nights.filter((n) => n.date >= from && n.date <= to)
  const onsets = inside.map((n) => (n.symptomStart ? onsetMinutes(n.symptomStart) : null)).filter((m): m is number => m !== null)
  const onset = onsets.length >= MIN_ONSET_NIGHTS ? median(onsets) : null
  return {
    from,
    to,
    nightsLogged: inside.length,
    onsetNights: onsets.length,
    medianOnset: onset === null ? null : clockOf(onset),
    spreadNights: inside.filter((n) => n.bodyAreas.includes('arms') || n.bodyAreas.includes('other')).length,
    daytimeDays: [...episodeDays].filter((d) => d >= from && d <= to).length,
    medianSeverity: median(inside.map((n) => n.severity))
  }
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** The augmentation watch for one person on one day. */
export function watchAugmentation(input: WatchInput): WatchResult {
  const dopaminergic = input.medications
    .filter((m) => classifyMedication(m.name) === 'dopaminergic' && activeOn(m, input.today))
    .sort((a, b) => a.startDate.localeCompare(b.startDate))
  const medication = dopaminergic[0]
  if (!medication) return { status: 'not-applicable' }
  const names = dopaminergic.map((m) => m.name).join(' and ')

  const lastNight = shift(input.today, -1)
  const recentFrom = shift(lastNight, -(RECENT_NIGHTS - 1))
  const baselineTo = shift(recentFrom, -1)
  const baselineFrom = shift(baselineTo, -(BASELINE_NIGHTS - 1))
  // One entry per night is the journal's rule; a repeated date here would be a caller's mistake, so keep the first.
  const seen = new Set<string>()
  const nights = input.nights.filter((n) => (seen.has(n.date) ? false : (seen.add(n.date), true)))
  const episodeDays = new Set(input.episodeDates)
  const recent = summarise(nights, episodeDays, recentFrom, lastNight)
  const baseline = summarise(nights, episodeDays, baselineFrom, baselineTo)

  if (recent.nightsLogged < MIN_RECENT_LOGGED || baseline.nightsLogged < MIN_BASELINE_LOGGED) {
    const message =
      `The augmentation watch compares the last ${RECENT_NIGHTS} nights with the ${BASELINE_NIGHTS} before them. ` +
      `It needs at least ${MIN_RECENT_LOGGED} logged nights in the last ${RECENT_NIGHTS} (you have ${recent.nightsLogged}) ` +
      `and ${MIN_BASELINE_LOGGED} in the ${BASELINE_NIGHTS} before (you have ${baseline.nightsLogged}).`
    return { status: 'too-thin', medication: names, recent, baseline, message }
  }

  const recentNights = nights.filter((n) => n.date >= recentFrom && n.date <= lastNight).sort((a, b) => a.date.localeCompare(b.date))
  const signs: Sign[] = []

  // Onset earlier (MPI criterion: by 4 h or more; or by 2 to 4 h together with other features).
  if (recent.medianOnset !== null && baseline.medianOnset !== null) {
    const before = onsetMinutes(baseline.medianOnset)!
    const now = onsetMinutes(recent.medianOnset)!
    const earlier = before - now
    const threshold = earlier >= 240 ? 240 : earlier >= 120 ? 120 : null
    if (threshold !== null) {
      const first = recentNights.find((n) => n.symptomStart !== null && before - onsetMinutes(n.symptomStart)! >= threshold)
      signs.push({
        key: threshold === 240 ? 'onset-4h' : 'onset-2h',
        title: threshold === 240 ? 'Symptoms start 4 hours or more earlier' : 'Symptoms start 2 hours or more earlier',
        detail:
          `Usual onset ${recent.medianOnset} in the last ${RECENT_NIGHTS} nights against ${baseline.medianOnset} before ` +
          `(${hoursAndMinutes(earlier)} earlier; medians of ${recent.onsetNights} and ${baseline.onsetNights} nights with a start time).`,
        since: first?.date ?? recentFrom
      })
    }
  }

  // Spread to the arms or elsewhere.
  const recentShare = recent.spreadNights / recent.nightsLogged
  const baselineShare = baseline.spreadNights / baseline.nightsLogged
  if (recent.spreadNights >= SPREAD_MIN_NIGHTS && recentShare - baselineShare >= SPREAD_MIN_INCREASE) {
    const first = recentNights.find((n) => n.bodyAreas.includes('arms') || n.bodyAreas.includes('other'))
    signs.push({
      key: 'spread',
      title: 'Symptoms reach the arms or other parts of the body',
      detail: `Arms or elsewhere on ${recent.spreadNights} of ${plural(recent.nightsLogged, 'logged night')} recently, against ${baseline.spreadNights} of ${baseline.nightsLogged} before.`,
      since: first?.date ?? recentFrom
    })
  }

  // Symptoms in the daytime.
  const recentDayShare = recent.daytimeDays / RECENT_NIGHTS
  const baselineDayShare = baseline.daytimeDays / BASELINE_NIGHTS
  if (recent.daytimeDays >= DAYTIME_MIN_DAYS && recentDayShare - baselineDayShare >= DAYTIME_MIN_INCREASE) {
    const first = [...episodeDays].filter((d) => d >= recentFrom && d <= input.today).sort()[0]
    signs.push({
      key: 'daytime',
      title: 'Symptoms during the day',
      detail: `Daytime episodes on ${plural(recent.daytimeDays, 'day')} of the last ${RECENT_NIGHTS}, against ${baseline.daytimeDays} of the ${BASELINE_NIGHTS} before.`,
      since: first ?? recentFrom
    })
  }

  // Higher severity on most nights.
  if (baseline.medianSeverity !== null) {
    const bar = baseline.medianSeverity + SEVERITY_POINTS
    const worse = recentNights.filter((n) => n.severity >= bar)
    if (worse.length / recent.nightsLogged >= SEVERITY_SHARE - 1e-9) {
      signs.push({
        key: 'severity',
        title: 'Symptoms are more intense',
        detail: `Severity ${SEVERITY_POINTS} or more points above your earlier usual (${formatScore(baseline.medianSeverity)} of 10) on ${worse.length} of ${plural(recent.nightsLogged, 'logged night')} recently.`,
        since: worse[0]!.date
      })
    }
  }

  const doseEvents: DoseEvent[] = []
  for (const m of dopaminergic) {
    for (const change of [...m.changes].sort((a, b) => a.changedOn.localeCompare(b.changedOn))) {
      if (change.changedOn < baselineFrom || change.changedOn > input.today) continue
      const previous = doseOn(m.usualDose, m.changes, shift(change.changedOn, -1))
      doseEvents.push({
        medication: m.name,
        date: change.changedOn,
        from: change.changedOn <= m.startDate ? formatDose(m.usualDose, m.unit) : formatDose(previous, m.unit),
        to: formatDose(change.dose, m.unit)
      })
    }
  }

  if (signs.length === 0) return { status: 'no-signs', medication: names, recent, baseline, doseEvents }
  const key = `${names.toLocaleLowerCase()}|${signs.map((s) => s.key).join(',')}`
  return { status: 'signs', medication: names, recent, baseline, signs, doseEvents, key }
}

function formatScore(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1)
}
