import { describe, expect, it } from 'vitest'
import {
  compareGroups,
  factorDirectionSentence,
  factorSentence,
  mean,
  median,
  percentile,
  rollingMean,
  studentTCdf,
  studentTQuantile,
  type NightPoint
} from '../../../src/shared/domain/stats'

describe('rollingMean', () => {
  // Nights 03-04, 03-05, 03-07, 03-09… are missing; 03-03 and 03-30 were logged without a value.
  const points: NightPoint[] = [
    { date: '2026-03-08', value: 8 }, // deliberately out of order
    { date: '2026-03-01', value: 4 },
    { date: '2026-03-02', value: 6 },
    { date: '2026-03-03', value: null },
    { date: '2026-03-06', value: 2 },
    { date: '2026-03-10', value: 5 },
    { date: '2026-03-20', value: 3 },
    { date: '2026-03-30', value: null }
  ]

  it('averages only the nights that exist within the last 7 calendar nights', () => {
    const result = rollingMean(points)
    expect(result.map((p) => p.date)).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-06',
      '2026-03-08',
      '2026-03-10',
      '2026-03-20',
      '2026-03-30'
    ])
    expect(result.map((p) => p.n)).toEqual([1, 2, 2, 3, 3, 3, 1, 0])
    expect(result[0]!.value).toBe(4) // {4}
    expect(result[1]!.value).toBe(5) // {4, 6}
    expect(result[2]!.value).toBe(5) // the null night is not a zero: still {4, 6}
    expect(result[3]!.value).toBe(4) // 02-28…03-06: {4, 6, 2}
    expect(result[4]!.value).toBeCloseTo(16 / 3, 10) // 03-02…03-08: {6, 2, 8}; 03-01 has left
    expect(result[5]!.value).toBe(5) // 03-04…03-10: {2, 8, 5}
    expect(result[6]!.value).toBe(3) // 03-14…03-20: {3}
    expect(result[7]!.value).toBeNull() // 03-24…03-30: nothing recorded
  })

  it('a window is counted in calendar days, across month ends and leap days', () => {
    const feb2026 = rollingMean(
      [
        { date: '2026-02-27', value: 10 },
        { date: '2026-03-01', value: 20 }
      ],
      3
    )
    // 2026 is not a leap year: 02-27, 02-28, 03-01 are three nights
    expect(feb2026[1]!.value).toBe(15)

    const feb2028 = rollingMean(
      [
        { date: '2028-02-27', value: 10 },
        { date: '2028-03-01', value: 20 }
      ],
      3
    )
    // 2028 has 02-29, so 02-27 is four nights back and drops out
    expect(feb2028[1]!.value).toBe(20)
  })

  it('window 1 is just the night itself', () => {
    expect(rollingMean(points, 1).map((p) => p.value)).toEqual([4, 6, null, 2, 8, 5, 3, null])
  })

  it('is not affected by daylight-saving nights', () => {
    const result = rollingMean(
      [
        { date: '2026-03-28', value: 2 },
        { date: '2026-03-29', value: 4 },
        { date: '2026-10-24', value: 6 },
        { date: '2026-10-25', value: 8 }
      ],
      2
    )
    expect(result.map((p) => p.value)).toEqual([2, 3, 6, 7])
  })

  it('handles ten years of nights and keeps a steady value steady', () => {
    const start = Date.UTC(2016, 0, 1)
    const tenYears: NightPoint[] = Array.from({ length: 3653 }, (_, i) => ({
      date: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
      value: i % 10 === 5 ? null : 3
    }))
    const result = rollingMean(tenYears)
    expect(result).toHaveLength(3653)
    expect(result.every((p) => p.value === 3)).toBe(true)
  })

  it('returns an empty series for no points', () => {
    expect(rollingMean([])).toEqual([])
  })

  it('rejects duplicate nights, bad dates and bad windows', () => {
    expect(() =>
      rollingMean([
        { date: '2026-03-01', value: 1 },
        { date: '2026-03-01', value: 2 }
      ])
    ).toThrow(/same night: 2026-03-01/)
    expect(() => rollingMean([{ date: '2026-02-30', value: 1 }])).toThrow(RangeError)
    expect(() => rollingMean([{ date: '1/3/2026', value: 1 }])).toThrow(RangeError)
    expect(() => rollingMean(points, 0)).toThrow(RangeError)
    expect(() => rollingMean(points, 2.5)).toThrow(RangeError)
  })
})

describe('mean, median, percentile', () => {
  it('mean', () => {
    expect(mean([2, 4, 9])).toBe(5)
    expect(mean([7])).toBe(7)
    expect(mean([])).toBeNull()
  })

  it('median of odd and even counts, unsorted input', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNull()
  })

  it('percentile interpolates between ranks (inclusive definition)', () => {
    const v = [50, 15, 40, 20, 35]
    expect(percentile(v, 0)).toBe(15)
    expect(percentile(v, 25)).toBe(20) // rank 1
    expect(percentile(v, 40)).toBeCloseTo(29, 10) // rank 1.6: 20 + 0.6 × (35 − 20)
    expect(percentile(v, 100)).toBe(50)
    expect(percentile([8], 90)).toBe(8)
    expect(percentile([], 50)).toBeNull()
  })

  it('does not reorder the caller’s array', () => {
    const v = [3, 1, 2]
    median(v)
    expect(v).toEqual([3, 1, 2])
  })

  it('rejects percentiles outside 0–100', () => {
    expect(() => percentile([1, 2], 101)).toThrow(RangeError)
    expect(() => percentile([1, 2], -1)).toThrow(RangeError)
    expect(() => percentile([1, 2], Number.NaN)).toThrow(RangeError)
  })
})

describe('compareGroups', () => {
  it('below 5 nights on either side: not enough, and no means at all', () => {
    const c = compareGroups([6, 7, 5, 6], [3, 3, 3, 3, 3, 3, 3, 3])
    expect(c).toEqual({ enough: false, nWith: 4, nWithout: 8, minEach: 5 })
    expect(c).not.toHaveProperty('meanWith')
    expect(c).not.toHaveProperty('difference')

    expect(compareGroups([1, 2, 3, 4, 5, 6], [1, 2]).enough).toBe(false)
  })

  it('exactly 5 on each side is enough', () => {
    const c = compareGroups([5, 6, 4, 5, 5.5], [3, 3.5, 3, 3.2, 3.3])
    expect(c.enough).toBe(true)
    expect(c.nWith).toBe(5)
    expect(c.nWithout).toBe(5)
    expect(c.meanWith).toBeCloseTo(5.1, 10) // 25.5 / 5
    expect(c.meanWithout).toBeCloseTo(3.2, 10) // 16 / 5
    expect(c.difference).toBeCloseTo(1.9, 10)
  })

  it('nights without a recorded outcome do not count towards the five', () => {
    const c = compareGroups([5, null, 6, null, 4, 5], [1, 1, 1, 1, 1])
    expect(c.nWith).toBe(4)
    expect(c.enough).toBe(false)
  })

  it('honours a custom minimum', () => {
    expect(compareGroups([1, 2], [3, 4], 2)).toMatchObject({
      enough: true,
      meanWith: 1.5,
      meanWithout: 3.5,
      difference: -2
    })
    expect(compareGroups([1, 2], [3, 4], 3)).toEqual({
      enough: false,
      nWith: 2,
      nWithout: 2,
      minEach: 3
    })
  })

  it('never compares against an empty side, even with minEach 0', () => {
    expect(compareGroups([], [1, 2], 0).enough).toBe(false)
  })
})

describe('factorSentence', () => {
  it('states both averages and both counts when there is enough data', () => {
    // 6 × 4.6 and 6 × 5.6 average 5.1; 15 × 2.7 and 15 × 3.7 average 3.2
    const withCaffeine = [...Array<number>(6).fill(4.6), ...Array<number>(6).fill(5.6)]
    const without = [...Array<number>(15).fill(2.7), ...Array<number>(15).fill(3.7)]
    const sentence = factorSentence('caffeine after 14:00', compareGroups(withCaffeine, without), 'severity')
    expect(sentence).toBe('On the 12 nights with caffeine after 14:00, severity averaged 5.1, compared with 3.2 on the 30 nights without.')
  })

  it('says there is not enough data yet, with the counts and the rule', () => {
    const c = compareGroups([6, 7, 8], Array<number>(20).fill(3))
    expect(factorSentence('caffeine after 14:00', c, 'severity')).toBe(
      'Not enough data yet: 3 nights with caffeine after 14:00 and 20 without (5 of each are needed).'
    )
  })

  it('uses "night" for one', () => {
    const c = compareGroups([6], [], 5)
    expect(factorSentence('any alcohol', c, 'severity')).toBe(
      'Not enough data yet: 1 night with any alcohol and 0 without (5 of each are needed).'
    )
    expect(factorSentence('any alcohol', compareGroups([6], [2], 1), 'severity')).toBe(
      'On the 1 night with any alcohol, severity averaged 6.0, compared with 2.0 on the 1 night without.'
    )
  })

  it('writes units: percent hugs the number, word units get a space', () => {
    const c = compareGroups([80, 83, 81, 82, 81.5], [88, 90, 89, 91, 87])
    expect(factorSentence('evening exercise', c, 'sleep efficiency', '%')).toBe(
      'On the 5 nights with evening exercise, sleep efficiency averaged 81.5%, compared with 89.0% on the 5 nights without.'
    )
    const t = compareGroups([400, 410, 420, 430, 440], [380, 390, 400, 410, 420])
    expect(factorSentence('a magnesium supplement', t, 'total sleep', 'min')).toBe(
      'On the 5 nights with a magnesium supplement, total sleep averaged 420.0 min, compared with 400.0 min on the 5 nights without.'
    )
  })

  it('never prints -0.0', () => {
    const c = compareGroups([-0.01, -0.02, 0, 0, -0.01], [1, 1, 1, 1, 1])
    expect(factorSentence('stress', c, 'change')).toContain('averaged 0.0,')
  })

  it('never claims a cause', () => {
    const enough = compareGroups([9, 9, 9, 9, 9], [1, 1, 1, 1, 1])
    const sentences = [
      factorSentence('caffeine after 14:00', enough, 'severity'),
      factorSentence('caffeine after 14:00', compareGroups([9], [1]), 'severity'),
      factorDirectionSentence('caffeine after 14:00', enough, 'severity') ?? ''
    ]
    for (const s of sentences) {
      expect(s).not.toMatch(/\b(caused|causes|because|leads to|made|makes|triggers?)\b/i)
    }
  })
})

describe('factorDirectionSentence', () => {
  it('names the direction as something that "went with" the nights', () => {
    const higher = compareGroups([6, 6, 6, 6, 6], [3, 3, 3, 3, 3])
    expect(factorDirectionSentence('caffeine after 14:00', higher, 'severity')).toBe(
      'Higher severity went with nights with caffeine after 14:00. This is a pattern in your diary, not proof of a cause.'
    )
    const lower = compareGroups([80, 80, 80, 80, 80], [90, 90, 90, 90, 90])
    expect(factorDirectionSentence('any alcohol', lower, 'sleep efficiency')).toMatch(
      /^Lower sleep efficiency went with nights with any alcohol\./
    )
  })

  it('says "about the same" when the means round alike, and nothing when data is short', () => {
    const same = compareGroups([3.01, 3.01, 3.01, 3.01, 3.01], [3.02, 3.02, 3.02, 3.02, 3.02])
    expect(factorDirectionSentence('stress', same, 'severity')).toBe('Severity was about the same with and without stress.')
    expect(factorDirectionSentence('stress', compareGroups([1], [2]), 'severity')).toBeNull()
  })
})

describe('Student t quantile (for the 95 % intervals)', () => {
  // Two-sided 95 % critical values from standard t tables.
  const table: [number, number, number][] = [
    [0.975, 1, 12.706205],
    [0.975, 2, 4.302653],
    [0.975, 4, 2.776445],
    [0.975, 9, 2.262157],
    [0.975, 13, 2.160369],
    [0.975, 29, 2.04523],
    [0.975, 100, 1.983972],
    [0.995, 5, 4.032143],
    [0.95, 7, 1.894579]
  ]
  it.each(table)('t(%f, %i df) = %f', (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 5)
    expect(studentTQuantile(1 - p, df)).toBeCloseTo(-expected, 5)
  })

  it('agrees with closed forms, handles Welch’s fractional df, and tends to the normal', () => {
    // df = 1 is the Cauchy distribution; df = 2 has F(t) = ½ + t / (2√(2 + t²)).
    // jStat is accurate to about 1e-8 here, far finer than the one decimal the app shows.
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 8)
    expect(studentTCdf(1.5, 2)).toBeCloseTo(0.5 + 1.5 / (2 * Math.sqrt(4.25)), 8)
    const between = studentTQuantile(0.975, 7.5)
    expect(between).toBeLessThan(studentTQuantile(0.975, 7))
    expect(between).toBeGreaterThan(studentTQuantile(0.975, 8))
    expect(studentTCdf(between, 7.5)).toBeCloseTo(0.975, 8)
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959966, 4)
    expect(studentTQuantile(0.5, 3)).toBe(0)
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError)
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError)
  })
})

describe('factor comparisons carry the same interval as experiments', () => {
  it('says a difference could be chance when its 95 % interval includes zero', () => {
    const c = compareGroups([5, 3, 6, 2, 5, 4], [4, 3, 5, 2, 4, 3])
    expect(c.interval!.low).toBeLessThan(0)
    expect(c.interval!.high).toBeGreaterThan(0)
    expect(factorDirectionSentence('stress', c, 'severity')).toMatch(
      /^Higher severity went with nights with stress, but with this many nights a difference this size could be chance \(95 % interval −\d\.\d to \+\d\.\d\)\.$/
    )
  })

  it('keeps the plain pattern sentence when the interval is clear of zero', () => {
    const c = compareGroups([6, 7, 6, 7, 6, 7], [3, 2, 3, 2, 3, 2])
    expect(c.interval!.low).toBeGreaterThan(0)
    expect(factorDirectionSentence('caffeine after 14:00', c, 'severity')).toBe(
      'Higher severity went with nights with caffeine after 14:00. This is a pattern in your diary, not proof of a cause.'
    )
  })
})
