import type { Timing } from '../../../../shared/contract'
import type { ChartSeries } from '../../components/charts/types'

/**
 * Medication starts, stops and dose changes as a marker series for a chart
 * whose labels are bucket starts ('YYYY-MM-DD' nights or weeks, 'YYYY-MM'
 * months): a bar reaching `top` in each bucket that holds an event. None when
 * there are no events.
 */
export function medicationMarkers(labels: readonly string[], events: Timing['events'], top: number): ChartSeries[] {
  if (events.length === 0 || labels.length === 0) return []
  const data = labels.map((label, i) => {
    const next = labels[i + 1]
    const hit = events.some((e) => e.date.slice(0, label.length) >= label && (next === undefined || e.date.slice(0, next.length) < next))
    return hit ? top : null
  })
  if (data.every((v) => v === null)) return []
  return [{ label: 'Medication start, stop or dose change', data, color: '--chart-target', kind: 'bar' }]
}
