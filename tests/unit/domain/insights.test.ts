import { describe, expect, it } from 'vitest'
import { bucketStart, buildInsights, chooseBucket, compareFactors, type InsightNight } from '../../../src/shared/domain/insights'
import { addDays } from '../../../src/shared/domain/journal'

const noFlags = { caffeineAfter14: false, alcohol: false, eveningExercise: false, magnesium: false }

function n(date: string, severity: number, extra: Partial<InsightNight> = {}): InsightNight {
  return {
    date,
    severity,
    totalSleepMinutes: 420,
    sleepEfficiency: 85,
    magnesiumMg: 0,
    flags: { ...noFlags },
    custom: new Map(),
    ...extra
  }
}

describe('buckets', () => {
  it('short ranges night by night, up to three years by week, longer by month', () => {
    expect(chooseBucket(14)).toBe('night')
    expect(chooseBucket(186)).toBe('night')
    expect(chooseBucket(366)).toBe('week')
    expect(chooseBucket(3650)).toBe('month')
  })

  it('weeks start on Monday; months on the first', () => {
    expect(bucketStart('2026-11-23', 'week')).toBe('2026-11-23') // a Monday
    expect(bucketStart('2026-11-29', 'week')).toBe('2026-11-23') // the Sunday after
    expect(bucketStart('2026-03-01', 'week')).toBe('2026-02-23')
    expect(bucketStart('2026-11-29', 'month')).toBe('2026-11-01')
  })
})

describe('buildInsights — nightly', () => {
  // 2 weeks ending 2026-11-23; logged: 11-10 (2), 11-11 (4), 11-15 (9), 11-23 (0). Everything else is a gap.
  const nights = [n('2026-11-10', 2), n('2026-11-11', 4), n('2026-11-15', 9), n('2026-11-23', 0)]
  const data = buildInsights(nights, '2026-11-10', '2026-11-23', [])

  it('has one point per calendar night; unlogged nights are null, never zero', () => {
    expect(data.bucket).toBe('night')
    expect(data.labels).toHaveLength(14)
    expect(data.nightsLogged).toBe(4)
    expect(data.severity.mean.slice(0, 6)).toEqual([2, 4, null, null, null, 9])
    expect(data.severity.mean.at(-1)).toBe(0)
  })

  it('the 7-night rolling average skips gaps instead of counting them as zero', () => {
    const rolling = data.severity.rolling!
    expect(rolling[0]).toBe(2)
    expect(rolling[1]).toBe(3) // {2, 4}
    expect(rolling[4]).toBe(3) // 11-08…11-14: still {2, 4}
    expect(rolling[5]).toBe(5) // 11-09…11-15: {2, 4, 9}
    expect(rolling[7]).toBe(6.5) // 11-11…11-17: {4, 9}
    expect(rolling[12]).toBeNull() // 11-16…11-22: nothing logged
    expect(rolling[13]).toBe(0) // 11-17…11-23: {0} — a real zero
  })

  it('summarises the range: means, worst and best night (ties go to the latest)', () => {
    expect(data.summary).toMatchObject({ severityMean: 3.8, totalSleepMean: 420, efficiencyMean: 85 })
    expect(data.summary.worst).toEqual({ date: '2026-11-15', severity: 9 })
    expect(data.summary.best).toEqual({ date: '2026-11-23', severity: 0 })
  })

  it('the heatmap has one cell per night, with gaps as null', () => {
    expect(data.heatmap.unit).toBe('night')
    expect(data.heatmap.cells).toHaveLength(14)
    expect(data.heatmap.cells[2]).toEqual({ date: '2026-11-12', value: null, n: 0 })
  })

  it('passes planned food magnesium through when a provider gives it', () => {
    const food = new Map([
      ['2026-11-10', 250],
      ['2026-12-01', 999]
    ])
    const withFood = buildInsights(nights, '2026-11-10', '2026-11-23', [], food)
    expect(withFood.magnesium.foodMg?.[0]).toBe(250)
    expect(withFood.magnesium.foodMg?.[1]).toBeNull()
    expect(data.magnesium.foodMg).toBeNull()
  })
})

describe('buildInsights — ten years', () => {
  const start = '2016-11-24'
  const nights: InsightNight[] = []
  for (let i = 0; i < 3652; i++) if (i % 9 !== 0) nights.push(n(addDays(start, i), i % 11, { magnesiumMg: 200 }))
  const data = buildInsights(nights, start, addDays(start, 3651), [])

  it('averages by month so the charts get about 120 points', () => {
    expect(data.bucket).toBe('month')
    expect(data.labels.length).toBeGreaterThanOrEqual(120)
    expect(data.labels.length).toBeLessThanOrEqual(122)
    expect(data.severity.rolling).toBeNull()
    expect(data.heatmap.unit).toBe('month')
    expect(data.heatmap.cells).toHaveLength(data.labels.length)
    expect(data.magnesium.supplementMg.every((mg) => mg === 200)).toBe(true)
  })

  it('a month mean is the mean of its logged nights, with their count', () => {
    const dec = data.labels.indexOf('2016-12-01')
    const decNights = nights.filter((x) => x.date.startsWith('2016-12'))
    expect(data.severity.n[dec]).toBe(decNights.length)
    expect(data.severity.mean[dec]).toBeCloseTo(decNights.reduce((s, x) => s + x.severity, 0) / decNights.length, 2)
  })
})

describe('compareFactors', () => {
  it('withholds the means below 5 nights on either side and says so in words', () => {
    const nights = [
      ...Array.from({ length: 4 }, (_, i) => n(`2026-11-0${i + 1}`, 7, { flags: { ...noFlags, alcohol: true } })),
      ...Array.from({ length: 10 }, (_, i) => n(`2026-11-${10 + i}`, 3))
    ]
    const alcohol = compareFactors(nights, []).find((f) => f.key === 'alcohol')!
    expect(alcohol.severity).toEqual({ enough: false, nWith: 4, nWithout: 10, minEach: 5 })
    expect(alcohol.sentence).toBe('Not enough data yet: 4 nights with any alcohol and 10 without (5 of each are needed).')
    expect(alcohol.direction).toBeNull()
  })

  it('compares once both sides have 5 nights, with n on each side and a sentence that claims no cause', () => {
    const nights = [
      ...Array.from({ length: 5 }, (_, i) => n(`2026-11-0${i + 1}`, 7, { flags: { ...noFlags, alcohol: true }, sleepEfficiency: 70 })),
      ...Array.from({ length: 6 }, (_, i) => n(`2026-11-${10 + i}`, 3, { sleepEfficiency: 90 }))
    ]
    const alcohol = compareFactors(nights, []).find((f) => f.key === 'alcohol')!
    expect(alcohol.severity).toMatchObject({ enough: true, nWith: 5, nWithout: 6, meanWith: 7, meanWithout: 3, difference: 4 })
    expect(alcohol.sentence).toBe('On the 5 nights with any alcohol, severity averaged 7.0, compared with 3.0 on the 6 nights without.')
    expect(alcohol.direction).toBe(
      'Higher severity went with nights with any alcohol. This is a pattern in your diary, not proof of a cause.'
    )
    expect(alcohol.efficiencySentence).toBe(
      'On the 5 nights with any alcohol, sleep efficiency averaged 70.0%, compared with 90.0% on the 6 nights without.'
    )
  })

  it('custom factors count only the nights they were answered on; a scale counts from 1', () => {
    const nights = [
      n('2026-11-01', 5), // before the factor existed: not counted
      n('2026-11-02', 6, { custom: new Map([[3, 0]]) }),
      n('2026-11-03', 6, { custom: new Map([[3, 2]]) })
    ]
    const pain = compareFactors(nights, [{ id: 3, label: 'Leg pain', kind: 'scale', archived: false }]).find((f) => f.key === 'custom-3')!
    expect(pain.severity).toMatchObject({ nWith: 1, nWithout: 1 })
    expect(pain.sentence).toContain('Leg pain (1 or more)')
  })

  it('a caffeine night with no time is on neither side', () => {
    const nights = [n('2026-11-01', 5, { flags: { ...noFlags, caffeineAfter14: null } }), n('2026-11-02', 5)]
    const caffeine = compareFactors(nights, []).find((f) => f.key === 'caffeineAfter14')!
    expect(caffeine.severity).toMatchObject({ nWith: 0, nWithout: 1 })
  })
})
