import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ReportWeeklyChart from '../../src/renderer/src/features/report/ReportWeeklyChart.vue'
import type { Report } from '../../src/shared/contract'

/** The weekly chart draws its bars as one path: one closed rectangle per week with symptoms, none for the others. */
function week(start: string, nightsWithSymptoms: number, meanSeverity: number | null): Report['weeks'][number] {
  return { start, nightsLogged: 7, nightsWithSymptoms, meanSeverity, meanEfficiency: 85 }
}

describe('report weekly chart', () => {
  it('draws a bar for each week with symptoms, to its height on the 0–7 scale, and nothing for a week without', () => {
    const weeks = [week('2026-01-05', 7, 6), week('2026-01-12', 0, 0), week('2026-01-19', 3, 2.5), week('2026-01-26', 0, null)]
    const wrapper = mount(ReportWeeklyChart, { props: { weeks } })
    const paths = wrapper.findAll('path.weekly-chart__bar')
    expect(paths).toHaveLength(1)
    const bars = paths[0]!.attributes('d')!.match(/M[^M]+/g)!
    expect(bars).toHaveLength(2)
    // 640 wide, 34 on each side: four weeks of 143 each, bars 70 % of that and centred; the plot is 164 high from y 10.
    const step = (640 - 68) / 4
    const barW = step * 0.7
    const y7 = (v: number): number => 10 + (1 - v / 7) * 164
    expect(bars[0]).toBe(`M${34 + (step - barW) / 2},10h${barW}v164h${-barW}z`)
    expect(bars[1]).toBe(`M${34 + 2 * step + (step - barW) / 2},${y7(3)}h${barW}v${y7(0) - y7(3)}h${-barW}z`)
    wrapper.unmount()
  })

  it('draws no bar path at all when no week had symptoms', () => {
    const wrapper = mount(ReportWeeklyChart, { props: { weeks: [week('2026-01-05', 0, 0)] } })
    expect(wrapper.find('path.weekly-chart__bar').exists()).toBe(false)
    wrapper.unmount()
  })
})
