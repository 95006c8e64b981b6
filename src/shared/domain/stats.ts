/**
 * Small, honest statistics for the journal's Insights. Pure functions.
 *
 * Nights are identified by the calendar date on which the evening began
 * ('YYYY-MM-DD'). Calendar arithmetic is done on UTC day numbers so it never
 * depends on the machine's time zone or on daylight saving.
 */

import jStat from 'jstat'

export interface NightPoint {
  /** 'YYYY-MM-DD', the evening the night began. */
  date: string
  /** The night's value, or null when nothing was recorded for it. */
  value: number | null
}

export interface RollingPoint {
  date: string
  /** Mean of the recorded values in the window ending on `date`, null if none. */
  value: number | null
  /** How many recorded values went into the mean. */
  n: number
}

const DAY_MS = 86_400_000
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Day number since 1970-01-01 for a strict 'YYYY-MM-DD'; throws on a date that does not exist. */
function dayNumber(date: string): number {
  const match = DATE_RE.exec(date)
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
    const ms = Date.UTC(y, m - 1, d)
    const check = new Date(ms)
    if (check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d) {
      return ms / DAY_MS
    }
  }
  throw new RangeError(`Not a valid date (YYYY-MM-DD): "${date}"`)
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

/**
 * Rolling mean over calendar nights. For each point (returned in date
 * order), averages the recorded values of the nights that fall within the
 * last `window` calendar days ending on that point's date. Missing nights —
 * absent from `points` or with a null value — are simply not counted: they
 * neither pull the mean toward zero nor stretch the window further back.
 * A point whose window holds no recorded value gets null.
 *
 * Dates must be unique (one entry per night); a duplicate throws.
 * Runs in O(n log n) for the sort, then a single sliding pass.
 */
export function rollingMean(points: readonly NightPoint[], window = 7): RollingPoint[] {
  if (!Number.isInteger(window) || window < 1) {
    throw new RangeError(`window must be a whole number ≥ 1, got ${window}`)
  }
  const nights = points.map((p) => ({ date: p.date, day: dayNumber(p.date), value: p.value })).sort((a, b) => a.day - b.day)

  const result: RollingPoint[] = []
  let start = 0
  let sum = 0
  let n = 0
  for (let i = 0; i < nights.length; i++) {
    const night = nights[i]!
    if (i > 0 && nights[i - 1]!.day === night.day) {
      throw new RangeError(`Two entries for the same night: ${night.date}`)
    }
    if (isNumber(night.value)) {
      sum += night.value
      n++
    }
    // Drop nights that have slid out of the window (older than window − 1 days).
    while (nights[start]!.day <= night.day - window) {
      const old = nights[start]!.value
      if (isNumber(old)) {
        sum -= old
        n--
      }
      start++
    }
    result.push({ date: night.date, value: n > 0 ? sum / n : null, n })
  }
  return result
}

/** Arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null
  let sum = 0
  for (const v of values) sum += v
  return sum / values.length
}

/** Median (mean of the two middle values for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  return percentile(values, 50)
}

/**
 * Percentile `p` (0–100) with linear interpolation between closest ranks —
 * the common "inclusive" definition (Excel PERCENTILE.INC, R type 7,
 * NumPy's default). p = 0 is the minimum, p = 100 the maximum. Null for no
 * values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!Number.isFinite(p) || p < 0 || p > 100) {
    throw new RangeError(`percentile must be between 0 and 100, got ${p}`)
  }
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (p / 100) * (sorted.length - 1)
  const lower = Math.floor(rank)
  const upper = Math.ceil(rank)
  const lo = sorted[lower]!
  const hi = sorted[upper]!
  return lo + (hi - lo) * (rank - lower)
}

/** Default minimum number of nights on each side before we compare means. */
export const MIN_NIGHTS_EACH = 5

export interface GroupComparison {
  /** True when both groups have at least `minEach` values. */
  enough: boolean
  nWith: number
  nWithout: number
  minEach: number
  /** Present only when `enough`. */
  meanWith?: number
  meanWithout?: number
  /** meanWith − meanWithout; present only when `enough`. */
  difference?: number
  /** Welch 95 % interval for the difference; present only when `enough`. */
  interval?: { low: number; high: number }
}

/**
 * Compares an outcome (e.g. severity) on nights with vs without a factor.
 * Nulls and non-finite values are treated as "not recorded" and not counted.
 * Below `minEach` nights on either side we withhold the means on purpose, so
 * the UI cannot show a number built on two or three nights.
 */
export function compareGroups(
  withValues: readonly (number | null)[],
  withoutValues: readonly (number | null)[],
  minEach = MIN_NIGHTS_EACH
): GroupComparison {
  const a = withValues.filter(isNumber)
  const b = withoutValues.filter(isNumber)
  const base = { nWith: a.length, nWithout: b.length, minEach }
  if (a.length < minEach || b.length < minEach || a.length === 0 || b.length === 0) {
    return { enough: false, ...base }
  }
  const meanWith = mean(a)!
  const meanWithout = mean(b)!
  const ci = welchInterval(b, a)
  const interval = ci ? { low: ci.low, high: ci.high } : undefined
  return { enough: true, ...base, meanWith, meanWithout, difference: meanWith - meanWithout, ...(interval ? { interval } : {}) }
}

function nights(n: number): string {
  return n === 1 ? '1 night' : `${n} nights`
}

/** One decimal, never "-0.0". */
function oneDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10
  return (rounded === 0 ? 0 : rounded).toFixed(1)
}

function withUnit(value: number, unit: string): string {
  if (unit === '') return oneDecimal(value)
  // "%" hugs the number; word units ("min", "h") get a space.
  return unit === '%' ? `${oneDecimal(value)}%` : `${oneDecimal(value)} ${unit}`
}

/**
 * A plain-language sentence about one factor. It reports what was observed
 * side by side and nothing more: it never says a factor caused, raised or
 * lowered anything, because a diary cannot show that.
 *
 * Enough data:
 *   "On the 12 nights with caffeine after 14:00, severity averaged 5.1,
 *    compared with 3.2 on the 30 nights without."
 * Too few:
 *   "Not enough data yet: 3 nights with caffeine after 14:00 and 20 without
 *    (5 of each are needed)."
 */
export function factorSentence(label: string, comparison: GroupComparison, outcomeLabel: string, unit = ''): string {
  const { nWith, nWithout, minEach } = comparison
  if (!comparison.enough || comparison.meanWith === undefined || comparison.meanWithout === undefined) {
    return `Not enough data yet: ${nights(nWith)} with ${label} and ${nWithout} without (${minEach} of each are needed).`
  }
  return (
    `On the ${nights(nWith)} with ${label}, ${outcomeLabel} averaged ${withUnit(comparison.meanWith, unit)}, ` +
    `compared with ${withUnit(comparison.meanWithout, unit)} on the ${nights(nWithout)} without.`
  )
}

/**
 * A short follow-up that names the direction without claiming a cause:
 * "Higher severity went with nights with caffeine after 14:00. …". When the
 * two means round to the same one-decimal value it says so instead. Returns
 * null when there is not enough data.
 */
export function factorDirectionSentence(label: string, comparison: GroupComparison, outcomeLabel: string): string | null {
  if (!comparison.enough || comparison.meanWith === undefined || comparison.meanWithout === undefined) {
    return null
  }
  const a = oneDecimal(comparison.meanWith)
  const b = oneDecimal(comparison.meanWithout)
  if (a === b) return `${capitalise(outcomeLabel)} was about the same with and without ${label}.`
  const direction = Number(a) > Number(b) ? 'Higher' : 'Lower'
  const ci = comparison.interval
  if (ci && ci.low <= 0 && ci.high >= 0) {
    return (
      `${direction} ${outcomeLabel} went with nights with ${label}, but with this many nights a difference this size ` +
      `could be chance (95 % interval ${signedOneDecimal(ci.low)} to ${signedOneDecimal(ci.high)}).`
    )
  }
  return `${direction} ${outcomeLabel} went with nights with ${label}. This is a pattern in your diary, not proof of a cause.`
}

function signedOneDecimal(value: number): string {
  const text = oneDecimal(value)
  return Number(text) === 0 ? text : value < 0 ? `−${text.slice(1)}` : `+${text}`
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

// ---------------------------------------------------------------------------
// Comparing two groups of nights: spread, effect size, and a 95 % interval
// for the difference of means. Used by experiments (trial vs baseline) and by
// Insights' factor comparisons (nights with vs without a factor).

/** mulberry32: a small, fast, well-spread 32-bit PRNG. Returns numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Sample variance (n − 1); null for fewer than two values. */
export function sampleVariance(values: readonly number[]): number | null {
  if (values.length < 2) return null
  const m = mean(values)!
  let sum = 0
  for (const v of values) sum += (v - m) ** 2
  return sum / (values.length - 1)
}

/**
 * Hedges' g of b against a: (mean b − mean a) / pooled SD × J, with the
 * small-sample correction J = 1 − 3 / (4(n₁ + n₂) − 9). Null when either
 * group has fewer than two values or neither has any spread.
 */
export function hedgesG(a: readonly number[], b: readonly number[]): number | null {
  const va = sampleVariance(a)
  const vb = sampleVariance(b)
  if (va === null || vb === null) return null
  const na = a.length
  const nb = b.length
  const pooled = Math.sqrt(((na - 1) * va + (nb - 1) * vb) / (na + nb - 2))
  if (pooled === 0) return null
  const d = (mean(b)! - mean(a)!) / pooled
  return d * (1 - 3 / (4 * (na + nb) - 9))
}

/*
 * Student's t distribution, from jStat (the `jstat` package: small, no
 * dependencies of its own, widely used). Only its t CDF and inverse CDF are
 * used; the wrappers below keep the app's own argument checks and exact
 * answers at the edges, and the unit tests check the results against
 * published t tables and closed forms.
 */

/** P(T ≤ t) for Student's t with `df` degrees of freedom (df may be fractional, as Welch's is). */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be above 0, got ${df}`)
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0
  return jStat.studentt.cdf(t, df)
}

/** The t with P(T ≤ t) = p. Symmetric about 0, and exactly 0 at p = ½. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be between 0 and 1, got ${p}`)
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be above 0, got ${df}`)
  if (p === 0.5) return 0
  if (p < 0.5) return -studentTQuantile(1 - p, df)
  return jStat.studentt.inv(p, df)
}

export interface DifferenceInterval {
  low: number
  high: number
  /** Welch–Satterthwaite degrees of freedom. */
  df: number
}

/**
 * Welch's interval for mean(b) − mean(a): the difference ± t × standard
 * error, with each group's own variance and the Welch–Satterthwaite degrees
 * of freedom. Unlike a percentile bootstrap, whose "95 %" interval covers the
 * true difference only about 88 % of the time with five nights a side, it
 * keeps close to its stated coverage with few nights (see the simulation in
 * the unit tests). It treats nights as independent; nights in a row are not
 * quite, which the experiment caveats say. Null when either group has fewer
 * than two values. When neither group varies at all the interval is the
 * difference itself.
 */
export function welchInterval(a: readonly number[], b: readonly number[], level = 0.95): DifferenceInterval | null {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be between 0 and 1, got ${level}`)
  const va = sampleVariance(a)
  const vb = sampleVariance(b)
  if (va === null || vb === null) return null
  const difference = mean(b)! - mean(a)!
  const qa = va / a.length
  const qb = vb / b.length
  const se2 = qa + qb
  if (se2 === 0) return { low: difference, high: difference, df: a.length + b.length - 2 }
  const df = (se2 * se2) / ((qa * qa) / (a.length - 1) + (qb * qb) / (b.length - 1))
  const half = studentTQuantile(1 - (1 - level) / 2, df) * Math.sqrt(se2)
  return { low: difference - half, high: difference + half, df }
}
