import { describe, expect, it } from 'vitest'
import { isRangeKind, rangeToShow } from '../../../src/shared/domain/insights-range'

// The router asks for this range on the way to Insights and the view shows it: both read it here.
describe('the range a visit to Insights shows', () => {
  it('takes a preset range from the address over the last one used', () => {
    expect(rangeToShow('all', { range: '3m' })).toEqual({ range: 'all' })
    expect(rangeToShow('2w', { range: 'custom', from: '2026-01-01', to: '2026-02-01' })).toEqual({ range: '2w' })
  })

  it('falls back to the last range used when the address has none, or one it does not know', () => {
    expect(rangeToShow(undefined, { range: '1y' })).toEqual({ range: '1y' })
    expect(rangeToShow('forever', { range: '3m' })).toEqual({ range: '3m' })
    expect(rangeToShow(['all'], { range: '3m' })).toEqual({ range: '3m' })
  })

  it('asks for no range at all before one was ever chosen, so the service picks the one that fits', () => {
    expect(rangeToShow(undefined, {})).toEqual({})
    expect(rangeToShow(null, {})).toEqual({})
  })

  it('shows a custom range only with both of its last dates', () => {
    expect(rangeToShow('custom', { range: 'custom', from: '2026-01-01', to: '2026-02-01' })).toEqual({
      range: 'custom',
      from: '2026-01-01',
      to: '2026-02-01'
    })
    expect(rangeToShow('custom', { range: '3m' })).toEqual({})
    expect(rangeToShow(undefined, { range: 'custom', from: '2026-01-01' })).toEqual({})
  })

  it('knows the five range kinds and nothing else', () => {
    expect(['2w', '3m', '1y', 'all', 'custom'].every(isRangeKind)).toBe(true)
    expect([' all', 'ALL', '', 3, undefined].some(isRangeKind)).toBe(false)
  })
})
