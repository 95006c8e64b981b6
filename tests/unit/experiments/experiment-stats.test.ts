import { describe, expect, it } from 'vitest'
import {
  dayNumber,
  endDate,
  effectSizeText,
  experimentResult,
  phaseOf,
  type ExperimentDesign,
  type ExperimentNight
} from '../../../src/shared/domain/experiment'
import { addDays } from '../../../src/shared/domain/journal'
import { hedgesG, sampleVariance, seededRandom, welchInterval } from '../../../src/shared/domain/stats'

const quiet = { caffeineDrinks: 0, caffeineLast: null, alcoholDrinks: 0, exerciseMinutes: 0, exerciseEvening: false, magnesiumMg: 0 }

function nightsFrom(start: string, severities: number[], extra: Partial<ExperimentNight['factors']> = {}): ExperimentNight[] {
  return severities.map((severity, i) => ({
    date: addDays(start, i),
    severity,
    sleepEfficiency: 85,
    quality: 3,
    factors: { ...quiet, ...extra }
  }))
}

describe('experiment design', () => {
  it('puts baseline nights first, then trial nights', () => {
    const design: ExperimentDesign = { startDate: '2026-03-01', baselineNights: 14, trialNights: 14, blockNights: null }
    expect(phaseOf(design, '2026-02-28')).toBeNull()
    expect(phaseOf(design, '2026-03-01')).toBe('baseline')
    expect(phaseOf(design, '2026-03-14')).toBe('baseline')
    expect(phaseOf(design, '2026-03-15')).toBe('trial')
    expect(endDate(design)).toBe('2026-03-28')
    expect(phaseOf(design, '2026-03-29')).toBeNull()
    expect(dayNumber(design, '2026-03-15')).toBe(15)
  })

  it('alternates blocks and gives the rest to the period that still has nights', () => {
    const design: ExperimentDesign = { startDate: '2026-03-01', baselineNights: 6, trialNights: 8, blockNights: 4 }
    const phases = Array.from({ length: 14 }, (_, i) => phaseOf(design, addDays('2026-03-01', i))?.[0])
    expect(phases.join('')).toBe('bbbbttttbbtttt')
  })
})

describe('statistics against known values', () => {
  const baseline = [6, 5, 7, 6, 5, 7, 6, 6]
  const trial = [4, 3, 5, 4, 3, 4, 5, 4]

  it('computes the sample variance and Hedges g', () => {
    // Each group: mean deviation squares sum to 4 over 7 degrees of freedom.
    expect(sampleVariance(baseline)).toBeCloseTo(4 / 7, 12)
    // d = (4 − 6) / √(4/7) = −2.6458; J = 1 − 3/55; g = −2.50144.
    expect(hedgesG(baseline, trial)).toBeCloseTo(-2.5014, 4)
    expect(hedgesG([1], trial)).toBeNull()
    expect(hedgesG([2, 2], [2, 2])).toBeNull()
  })

  it('gives Welch’s 95 % interval for the difference', () => {
    // Both variances 4/7 over 8 nights: SE = √(2 × 4/7 / 8) = 0.377964, Welch df = 14 exactly,
    // t(0.975, 14) = 2.144787 (tables), so −2 ± 0.810651.
    const ci = welchInterval(baseline, trial)!
    expect(ci.df).toBeCloseTo(14, 10)
    expect(ci.low).toBeCloseTo(-2.810651, 5)
    expect(ci.high).toBeCloseTo(-1.189349, 5)
    expect(welchInterval([1], trial)).toBeNull()
    // No spread at all on either side: the interval is the difference itself.
    expect(welchInterval([2, 2, 2], [3, 3, 3])).toMatchObject({ low: 1, high: 1 })
  })

  it('matches the normal approximation on a large sample', () => {
    const random = seededRandom(1)
    const a = Array.from({ length: 400 }, () => random() * 10)
    const b = Array.from({ length: 400 }, () => random() * 10 - 1)
    const ci = welchInterval(a, b)!
    const se = Math.sqrt(sampleVariance(a)! / a.length + sampleVariance(b)! / b.length)
    const diff = b.reduce((s, v) => s + v, 0) / b.length - a.reduce((s, v) => s + v, 0) / a.length
    expect(ci.low).toBeCloseTo(diff - 1.963 * se, 2)
    expect(ci.high).toBeCloseTo(diff + 1.963 * se, 2)
  })

  it('draws numbers in [0, 1) from the seeded generator', () => {
    const random = seededRandom(42)
    const draws = Array.from({ length: 1000 }, random)
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...draws)).toBeLessThan(1)
    expect(seededRandom(42)()).toBe(draws[0])
  })
})

describe('the verdict', () => {
  const design: ExperimentDesign = { startDate: '2026-03-01', baselineNights: 14, trialNights: 14, blockNights: null }

  it('says the nights cannot tell when the interval includes no difference', () => {
    const nights = nightsFrom('2026-03-01', [5, 3, 6, 4, 5, 2, 6, 4, 5, 3, 6, 4, 5, 3, 4, 6, 3, 5, 4, 6, 2, 5, 4, 6, 3, 5, 4, 5])
    const result = experimentResult({ design, outcome: 'severity', change: 'x', nights, adherence: [], lastNight: '2026-03-28' })
    expect(result.direction).toBe('unclear')
    expect(result.verdict).toContain("can't tell")
    expect(result.ci!.low).toBeLessThan(0)
    expect(result.ci!.high).toBeGreaterThan(0)
    // No verdict, so no effect size to be read as a finding; the page and the report say why instead of a bare dash.
    expect(result.effectSize).toBeNull()
    expect(effectSizeText(result)).toBe('not given: the interval includes no difference')
    expect(result.complete).toBe(true)
  })

  it('calls clearly lower severity better, without claiming a cause, and lists the caveats', () => {
    const nights = nightsFrom('2026-03-01', [6, 7, 6, 5, 7, 6, 6, 7, 5, 6, 7, 6, 6, 7]).concat(
      nightsFrom('2026-03-15', [3, 4, 3, 2, 4, 3, 3, 4, 2, 3, 4, 3, 3, 2], { alcoholDrinks: 1 })
    )
    const adherence = Array.from({ length: 14 }, (_, i) => ({
      date: addDays('2026-03-15', i),
      answer: i < 7 ? ('yes' as const) : ('no' as const)
    }))
    const result = experimentResult({ design, outcome: 'severity', change: 'x', nights, adherence, lastNight: '2026-04-10', priorMean: 4 })
    expect(result.direction).toBe('better')
    expect(result.baseline.nightsUsed).toBe(14)
    expect(result.trial.nightsUsed).toBe(14)
    expect(result.difference).toBeCloseTo(43 / 14 - 87 / 14, 10)
    expect(result.verdict).toContain('does not show the change was the cause')
    expect(result.effectSize).toBeLessThan(-2)
    // The interval is Welch's, from the same shared statistics Insights uses.
    const welch = welchInterval(
      nights.slice(0, 14).map((n) => n.severity),
      nights.slice(14).map((n) => n.severity)
    )!
    expect(result.ci).toEqual({ low: welch.low, high: welch.high })
    expect(effectSizeText(result)).toMatch(/^−\d\.\d\d \(trial lower; lower is better\)$/)
    expect(result.caveats.join(' ')).toMatch(/placebo/)
    expect(result.caveats.join(' ')).toMatch(/regression to the mean/)
    expect(result.caveats.join(' ')).toMatch(/alcohol differed between periods \(0 % of baseline nights, 100 % of trial nights\)/)
    expect(result.adherence).toMatchObject({ answered: 14, yes: 7, no: 7, rate: 0.5 })
    expect(result.caveats.join(' ')).toMatch(/50 %/)
  })

  it('gives no verdict on too few nights and marks a running preview', () => {
    const nights = nightsFrom('2026-03-01', [5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 3, 3])
    const result = experimentResult({ design, outcome: 'severity', change: 'x', nights, adherence: [], lastNight: '2026-03-16' })
    expect(result.direction).toBe('not-enough')
    expect(result.ci).toBeNull()
    expect(effectSizeText(result)).toBe('not given: too few nights to compare')
    expect(result.verdict).toMatch(/^So far: Not enough nights/)
    expect(result.trial.nightsSoFar).toBe(2)
    expect(result.complete).toBe(false)
  })

  it('leaves nights without a quality answer out of a quality comparison', () => {
    const nights = nightsFrom(
      '2026-03-01',
      Array.from({ length: 28 }, () => 4)
    ).map((n, i) => ({ ...n, quality: i % 2 ? null : 3 + (i >= 14 ? 1 : 0) }))
    const result = experimentResult({ design, outcome: 'quality', change: 'x', nights, adherence: [], lastNight: '2026-03-28' })
    expect(result.baseline.nightsLogged).toBe(14)
    expect(result.baseline.nightsUsed).toBe(7)
    expect(result.difference).toBe(1)
  })
})
