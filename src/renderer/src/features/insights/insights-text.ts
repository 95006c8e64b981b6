import type { InsightsData } from '../../../../shared/contract'
import { formatNight, formatNumber } from '../journal/format'

/** What one point of the charts stands for, in words. */
export function bucketWord(data: InsightsData): 'night' | 'week' | 'month' {
  return data.bucket === 'week' ? 'week' : data.bucket === 'month' ? 'month' : 'night'
}

/** The first column's heading in a chart's table. */
export function bucketHeading(data: InsightsData): string {
  return data.bucket === 'night' ? 'Night' : data.bucket === 'week' ? 'Week of' : 'Month'
}

/** Table rows newest first, so the nights logged lead rather than a range's empty start. */
export function newestFirst(data: InsightsData): [string, number][] {
  return data.labels.map((label, i): [string, number] => [label, i]).reverse()
}

/** A table cell: a number with its unit, or "Not logged". */
export function cell(value: number | null, unit = ''): string {
  return value === null ? 'Not logged' : `${formatNumber(value)}${unit}`
}

export function rangeText(data: InsightsData): string {
  return `${formatNight(data.from)} to ${formatNight(data.to)}`
}

export function coverage(data: InsightsData): string {
  return `${data.nightsLogged} of ${data.nightsInRange} ${data.nightsInRange === 1 ? 'night' : 'nights'} logged`
}
