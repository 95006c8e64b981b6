import type { LocationQuery } from 'vue-router'
import type { Report } from '../../../../shared/contract'
import { addDays, localDate, monthsEndingOn } from '../../../../shared/domain/calendar'
import { call } from '../../api'
import { earlyAnswer } from '../../api/early-answer'

/**
 * The report's one request, started by the route before the view's code has
 * loaded (router.ts, beforeEnter), so the two travel at the same time; the
 * view then takes the answer already on its way instead of asking again. Kept
 * apart from the view so the entry script carries only this, not the report.
 */

export interface ReportPeriod {
  from: string
  to: string
}

const isoDate = (value: unknown): string | null => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null)

/** The night before today: the last night a report can cover. */
export function lastNight(): string {
  return addDays(localDate(), -1)
}

/** The period a /report address asks for: `?from=YYYY-MM-DD&to=YYYY-MM-DD`, or else the last three months up to last night. */
export function reportPeriod(query: LocationQuery): ReportPeriod {
  const end = lastNight()
  return { from: isoDate(query['from']) ?? monthsEndingOn(end, 3), to: isoDate(query['to']) ?? end }
}

const early = earlyAnswer<Report>()

const keyOf = ({ from, to }: ReportPeriod): string => `${from}|${to}`

/** Starts asking for a period's report; `takeReport` for the same period gets this answer. */
export function startReport(period: ReportPeriod): void {
  early.hold(keyOf(period), call('report.get', { from: period.from, to: period.to }))
}

/**
 * The report for a period: the request started for this very period if one
 * is waiting (taken once: asking again, e.g. Show report, asks anew), else a new one.
 */
export function takeReport(period: ReportPeriod): Promise<Report> {
  return early.take(keyOf(period)) ?? call('report.get', { from: period.from, to: period.to })
}
