/**
 * What the Insights charts show, computed from nights as plain arrays. Pure:
 * the insights service reads the nights from the database and hands them in;
 * the renderer draws what comes out without further arithmetic.
 *
 * Long ranges are averaged per week or per month before they leave the main
 * process, so ten years of nights arrive as ~120 points, not 3,650.
 */
import {
  addDays,
  BUILT_IN_FACTORS,
  customFactorLabel,
  customPresent,
  daysBetween,
  type BuiltInFactorKey,
  type CustomFactorKind
} from './journal'
import { compareGroups, factorDirectionSentence, factorSentence, rollingMean, type GroupComparison } from './stats'

// The ranges live in their own module (the router reads them); re-exported for the service and the contract.
export { RANGE_KINDS, RANGE_LABELS, type RangeKind } from './insights-range'

export type Bucket = 'night' | 'week' | 'month'

/** Ranges up to this many nights are drawn night by night. */
export const NIGHTLY_MAX_DAYS = 186
/** Up to this many nights, by week; longer ranges by month. */
export const WEEKLY_MAX_DAYS = 3 * 366
/** The heatmap shows single nights up to about a year, months beyond. */
export const HEATMAP_NIGHTLY_MAX_DAYS = 371
export const ROLLING_WINDOW = 7

export interface InsightNight {
  date: string
  severity: number
  totalSleepMinutes: number
  sleepEfficiency: number
  magnesiumMg: number
  flags: Record<BuiltInFactorKey, boolean | null>
  /** Custom factor id → value, for the factors answered that night. */
  custom: ReadonlyMap<number, number>
}

export interface InsightFactorDef {
  id: number
  label: string
  kind: CustomFactorKind
  archived: boolean
}

export interface FactorInsight {
  key: string
  title: string
  custom: boolean
  archived: boolean
  severity: GroupComparison
  efficiency: GroupComparison
  /** Plain sentences: what was observed, never a cause. */
  sentence: string
  direction: string | null
  efficiencySentence: string
}

export interface HeatCell {
  /** The night, or the first day of the month for monthly cells. */
  date: string
  value: number | null
  n: number
}

export interface Insights {
  from: string
  to: string
  bucket: Bucket
  nightsInRange: number
  nightsLogged: number
  /** Bucket start dates, oldest first (every night for nightly ranges). */
  labels: string[]
  severity: { mean: (number | null)[]; n: number[]; rolling: (number | null)[] | null }
  sleep: { totalSleepHours: (number | null)[]; efficiency: (number | null)[] }
  magnesium: { supplementMg: (number | null)[]; foodMg: (number | null)[] | null }
  factors: FactorInsight[]
  heatmap: { unit: 'night' | 'month'; cells: HeatCell[] }
  summary: {
    severityMean: number | null
    totalSleepMean: number | null
    efficiencyMean: number | null
    worst: { date: string; severity: number } | null
    best: { date: string; severity: number } | null
  }
}

export function chooseBucket(days: number): Bucket {
  if (days <= NIGHTLY_MAX_DAYS) return 'night'
  if (days <= WEEKLY_MAX_DAYS) return 'week'
  return 'month'
}

/** Monday of the date's ISO week, or the first of its month. */
export function bucketStart(date: string, bucket: Bucket): string {
  if (bucket === 'night') return date
  if (bucket === 'month') return `${date.slice(0, 7)}-01`
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7 // Monday = 0
  return addDays(date, -weekday)
}

function nextBucket(start: string, bucket: Bucket): string {
  if (bucket === 'night') return addDays(start, 1)
  if (bucket === 'week') return addDays(start, 7)
  const [y, m] = start.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10)
}

function bucketStarts(from: string, to: string, bucket: Bucket): string[] {
  const starts: string[] = []
  for (let s = bucketStart(from, bucket); s <= to; s = nextBucket(s, bucket)) starts.push(s)
  return starts
}

function round(value: number | null, decimals = 2): number | null {
  if (value === null || !Number.isFinite(value)) return null
  const f = 10 ** decimals
  return Math.round(value * f) / f
}

class Accumulator {
  sum = 0
  n = 0
  add(value: number): void {
    this.sum += value
    this.n++
  }
  mean(): number | null {
    return this.n > 0 ? this.sum / this.n : null
  }
}

/**
 * Builds every chart's data for the nights between `from` and `to`
 * (inclusive). `nights` must be sorted by date with one entry per date;
 * nights outside the range are ignored. `foodMg`, when given, holds planned
 * food magnesium per date (from the meal planner).
 */
export function buildInsights(
  nights: readonly InsightNight[],
  from: string,
  to: string,
  factorDefs: readonly InsightFactorDef[],
  foodMg: ReadonlyMap<string, number> | null = null
): Insights {
  const nightsInRange = daysBetween(from, to) + 1
  const bucket = chooseBucket(nightsInRange)
  const inRange = nights.filter((n) => n.date >= from && n.date <= to)

  const labels = bucketStarts(from, to, bucket)
  const index = new Map(labels.map((label, i) => [label, i]))
  const severity = labels.map(() => new Accumulator())
  const tst = labels.map(() => new Accumulator())
  const efficiency = labels.map(() => new Accumulator())
  const supplement = labels.map(() => new Accumulator())
  for (const night of inRange) {
    const i = index.get(bucketStart(night.date, bucket))!
    severity[i]!.add(night.severity)
    tst[i]!.add(night.totalSleepMinutes / 60)
    efficiency[i]!.add(night.sleepEfficiency)
    supplement[i]!.add(night.magnesiumMg)
  }
  let food: (number | null)[] | null = null
  if (foodMg) {
    const acc = labels.map(() => new Accumulator())
    for (const [date, mg] of foodMg) {
      if (date < from || date > to || !Number.isFinite(mg)) continue
      acc[index.get(bucketStart(date, bucket))!]!.add(mg)
    }
    food = acc.map((a) => round(a.mean(), 0))
  }

  let rolling: (number | null)[] | null = null
  if (bucket === 'night') {
    // Every calendar night is a point; unlogged ones are null, so a gap is never a zero.
    const byDate = new Map(inRange.map((n) => [n.date, n.severity]))
    rolling = rollingMean(
      labels.map((date) => ({ date, value: byDate.get(date) ?? null })),
      ROLLING_WINDOW
    ).map((p) => round(p.value))
  }

  return {
    from,
    to,
    bucket,
    nightsInRange,
    nightsLogged: inRange.length,
    labels,
    severity: { mean: severity.map((a) => round(a.mean())), n: severity.map((a) => a.n), rolling },
    sleep: { totalSleepHours: tst.map((a) => round(a.mean())), efficiency: efficiency.map((a) => round(a.mean(), 1)) },
    magnesium: { supplementMg: supplement.map((a) => round(a.mean(), 0)), foodMg: food },
    factors: compareFactors(inRange, factorDefs),
    heatmap: buildHeatmap(inRange, from, to),
    summary: summarise(inRange)
  }
}

function buildHeatmap(nights: readonly InsightNight[], from: string, to: string): Insights['heatmap'] {
  const days = daysBetween(from, to) + 1
  const unit = days <= HEATMAP_NIGHTLY_MAX_DAYS ? 'night' : 'month'
  const starts = bucketStarts(from, to, unit)
  const index = new Map(starts.map((s, i) => [s, i]))
  const acc = starts.map(() => new Accumulator())
  for (const n of nights) acc[index.get(bucketStart(n.date, unit))!]!.add(n.severity)
  return { unit, cells: starts.map((date, i) => ({ date, value: round(acc[i]!.mean(), 1), n: acc[i]!.n })) }
}

function summarise(nights: readonly InsightNight[]): Insights['summary'] {
  const sev = new Accumulator()
  const tst = new Accumulator()
  const eff = new Accumulator()
  let worst: InsightNight | null = null
  let best: InsightNight | null = null
  for (const n of nights) {
    sev.add(n.severity)
    tst.add(n.totalSleepMinutes)
    eff.add(n.sleepEfficiency)
    // Ties go to the most recent night: it is the one the user remembers.
    if (!worst || n.severity >= worst.severity) worst = n
    if (!best || n.severity <= best.severity) best = n
  }
  return {
    severityMean: round(sev.mean(), 1),
    totalSleepMean: round(tst.mean(), 0),
    efficiencyMean: round(eff.mean(), 1),
    worst: worst ? { date: worst.date, severity: worst.severity } : null,
    best: best ? { date: best.date, severity: best.severity } : null
  }
}

function describe(
  key: string,
  title: string,
  label: string,
  custom: boolean,
  archived: boolean,
  split: (n: InsightNight) => boolean | null,
  nights: readonly InsightNight[]
): FactorInsight {
  const sevWith: number[] = []
  const sevWithout: number[] = []
  const effWith: number[] = []
  const effWithout: number[] = []
  for (const n of nights) {
    const present = split(n)
    if (present === null) continue // not recorded: on neither side
    ;(present ? sevWith : sevWithout).push(n.severity)
    ;(present ? effWith : effWithout).push(n.sleepEfficiency)
  }
  const severity = roundComparison(compareGroups(sevWith, sevWithout))
  const efficiency = roundComparison(compareGroups(effWith, effWithout))
  return {
    key,
    title,
    custom,
    archived,
    severity,
    efficiency,
    sentence: factorSentence(label, severity, 'severity'),
    direction: factorDirectionSentence(label, severity, 'severity'),
    efficiencySentence: factorSentence(label, efficiency, 'sleep efficiency', '%')
  }
}

function roundComparison(c: GroupComparison): GroupComparison {
  if (!c.enough) return c
  const rounded = { ...c, meanWith: round(c.meanWith!)!, meanWithout: round(c.meanWithout!)!, difference: round(c.difference!)! }
  return c.interval ? { ...rounded, interval: { low: round(c.interval.low)!, high: round(c.interval.high)! } } : rounded
}

/** Severity and efficiency with vs without each built-in and custom factor. */
export function compareFactors(nights: readonly InsightNight[], factorDefs: readonly InsightFactorDef[]): FactorInsight[] {
  const builtIn = BUILT_IN_FACTORS.map((f) => describe(f.key, f.title, f.label, false, false, (n) => n.flags[f.key], nights))
  const custom = factorDefs.map((f) =>
    describe(
      `custom-${f.id}`,
      f.label,
      customFactorLabel(f.label, f.kind),
      true,
      f.archived,
      (n) => {
        const value = n.custom.get(f.id)
        return value === undefined ? null : customPresent(value)
      },
      nights
    )
  )
  return [...builtIn, ...custom]
}
