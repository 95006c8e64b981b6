/**
 * The ranges Insights offers, and which one a visit shows. Kept apart from the
 * chart arithmetic (`./insights`) so the router can work out a visit's range and
 * ask for its data while the view's code is still loading, without pulling that
 * arithmetic into the entry script; the view reads the range the same way.
 */
export const RANGE_KINDS = ['2w', '3m', '1y', 'all', 'custom'] as const
export type RangeKind = (typeof RANGE_KINDS)[number]
export const RANGE_LABELS: Record<RangeKind, string> = {
  '2w': '2 weeks',
  '3m': '3 months',
  '1y': '1 year',
  all: 'All',
  custom: 'Custom'
}

export function isRangeKind(value: unknown): value is RangeKind {
  return typeof value === 'string' && (RANGE_KINDS as readonly string[]).includes(value)
}

/** A range as Insights asks for it (the shape of `InsightsQuery`). */
export interface RangeQuery {
  range?: RangeKind | undefined
  from?: string | undefined
  to?: string | undefined
}

/**
 * The range a visit to Insights shows: a range in the address (`#/insights?range=all`) wins over the last
 * one used; a custom range needs both of the last dates. `{}` when there is none yet: the first answer then
 * says which range fits the nights logged.
 */
export function rangeToShow(fromAddress: unknown, last: RangeQuery): RangeQuery {
  const range = isRangeKind(fromAddress) ? fromAddress : last.range
  if (range === undefined) return {}
  if (range !== 'custom') return { range }
  return last.from && last.to ? { range, from: last.from, to: last.to } : {}
}
