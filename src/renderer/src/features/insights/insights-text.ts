import type { InsightsData } from '../../../../shared/contract'
import { formatMonthShort, formatNight, formatNumber } from '../journal/format'

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

/** A point's label in a table's first column: a month ("Nov 2026") or a night or week's first night. */
export function bucketLabel(data: InsightsData, label: string): string {
  return data.bucket === 'month' ? formatMonthShort(label) : formatNight(label)
}

/** The numbers behind a chart, as its "Show data table" lists them (ChartDataTable draws it). */
export interface DataTable {
  /** Column headings; the first heads the rows' own headings. Numeric columns are right-aligned. */
  columns: readonly { heading: string; numeric?: boolean }[]
  /** One row per point, newest first: its heading (a night, week or month) and its cells, already written out. */
  rows: readonly { key: string; heading: string; cells: readonly string[] }[]
}
