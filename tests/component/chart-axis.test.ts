import { describe, expect, it } from 'vitest'
import { clockTickLabel, sameChartInput, type ChartInput } from '../../src/renderer/src/components/charts/chart-input'

// "When symptoms start" plots hours of an evening's clock that runs past midnight (26 = 2 am): its axis must
// read as clock times, never as "26:00" or "30:00".
describe('a clock axis', () => {
  it('writes each hour as a time on the 24-hour clock, wrapping at midnight', () => {
    expect([12, 15, 18, 21, 24, 27, 30].map(clockTickLabel)).toEqual(['12:00', '15:00', '18:00', '21:00', '00:00', '03:00', '06:00'])
    expect(clockTickLabel(48)).toBe('00:00')
    expect(clockTickLabel(-1)).toBe('23:00')
  })

  it('counts as a different input from the same axis with plain numbers, so a chart switching draws again', () => {
    const input: ChartInput = {
      labels: ['a'],
      series: [{ label: 'Usual start', data: [21], color: '--chart-severity', kind: 'line' }],
      y: { title: 'Start time', min: 12, max: 30 }
    }
    expect(sameChartInput(input, { ...input, y: { ...input.y } })).toBe(true)
    expect(sameChartInput(input, { ...input, y: { ...input.y, clock: true } })).toBe(false)
  })
})
