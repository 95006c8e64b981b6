import { AppError, type InsightsData, type InsightsQuery } from '../../shared/contract'
import {
  buildInsights,
  compareFactors,
  type FactorInsight,
  type InsightFactorDef,
  type InsightNight,
  type RangeKind
} from '../../shared/domain/insights'
import { dayNumber, monthsEndingOn } from '../../shared/domain/calendar'
import { addDays, daysBetween, EARLIEST_DATE } from '../../shared/domain/journal'
import { magnesiumTargetMg, SUPPLEMENT_MG_UPPER_LIMIT, type NutrientProfile } from '../../shared/domain/nutrients'
import type { JournalStore } from '../db/journal-store'

/**
 * Planned food magnesium per day ('YYYY-MM-DD' → mg) between two dates,
 * inclusive. The meal planner provides it; until it exists Insights shows
 * supplements only and says so.
 */
export type FoodMagnesiumProvider = (from: string, to: string) => ReadonlyMap<string, number>

export interface InsightsService {
  get(query: InsightsQuery): InsightsData
  /**
   * The factor comparisons alone, as Insights shows them for a range (the doctor report's):
   * over the nights the caller already read, or else the range's nights read here.
   */
  factors(from: string, to: string, nights?: readonly InsightNight[]): FactorInsight[]
}

export interface InsightsDeps {
  repo: JournalStore
  /** The user's calendar date now, in their zone (the journal service knows it). */
  today: () => string
  profile: () => NutrientProfile
  foodMagnesium?: FoodMagnesiumProvider | undefined
  /**
   * Changes whenever anything this connection stores may have changed (plans,
   * settings as well as the journal): with the journal's version it lets a
   * computed answer be reused until then.
   */
  dataVersion?: () => number
  /**
   * Changes whenever what `foodMagnesium` reads may have changed (anything written but the journal): the
   * planned food of a range is kept until then, so a night logged does not re-sum years of meal plans.
   */
  foodVersion?: () => string
}

/** The longest custom range: more than anyone's journal, small enough to stay quick. */
const MAX_RANGE_DAYS = 50 * 366

export function createInsightsService({ repo, today, profile, foodMagnesium, dataVersion, foodVersion }: InsightsDeps): InsightsService {
  /** The last night a range ends on: last night, or tonight if it is already logged. */
  function lastNight(): string {
    const now = today()
    return repo.hasDate(now) ? now : addDays(now, -1)
  }

  // Reading ten years of nights is the slow part: they are kept, and after a save only the nights it
  // wrote are read again (all of them when the journal cannot tell which, e.g. another connection wrote).
  let cache: { from: string; to: string; version: string; nights: InsightNight[] } | null = null
  function nightsBetween(from: string, to: string): InsightNight[] {
    const version = repo.version()
    if (cache && cache.from === from && cache.to === to) {
      if (cache.version === version) return cache.nights
      const written = repo.nightsWrittenSince(cache.version)
      if (written !== null) {
        cache = { from, to, version, nights: withNightsReread(cache.nights, written, from, to) }
        return cache.nights
      }
    }
    cache = { from, to, version, nights: repo.insightNights(from, to) }
    return cache.nights
  }

  /** `nights` (in date order) with those on `dates` read again: changed, added or gone. */
  function withNightsReread(nights: InsightNight[], dates: readonly string[], from: string, to: string): InsightNight[] {
    const reread = new Set(dates.filter((date) => date >= from && date <= to))
    if (reread.size === 0) return nights
    const fresh = [...reread].flatMap((date) => repo.insightNights(date, date))
    return [...nights.filter((night) => !reread.has(night.date)), ...fresh].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  }

  // Summing ten years of meal plans costs more than reading the nights: kept until something but the journal changes.
  let foodCache: { key: string; food: ReadonlyMap<string, number> | null } | null = null
  /** The range's planned food magnesium by day, or null when no meal in it was planned (no food series at all). */
  function plannedFood(from: string, to: string): ReadonlyMap<string, number> | null {
    if (!foodMagnesium) return null
    const key = foodVersion ? `${from}|${to}|${foodVersion()}` : null
    if (key !== null && foodCache?.key === key) return foodCache.food
    const planned = foodMagnesium(from, to)
    const food = planned.size > 0 ? planned : null
    if (key !== null) foodCache = { key, food }
    return food
  }

  /** The range asked for, or else the smallest preset holding every logged night (at least 2 weeks). */
  function chosenRange(query: InsightsQuery): RangeKind {
    if (query.range) return query.range
    const first = repo.firstDate()
    if (!first) return '2w'
    const fits = (['2w', '3m', '1y'] as const).find((kind) => resolve({ range: kind }).from <= first)
    return fits ?? 'all'
  }

  function resolve(query: InsightsQuery & { range: RangeKind }): { from: string; to: string } {
    const end = lastNight()
    switch (query.range) {
      case '2w':
        return { from: addDays(end, -13), to: end }
      case '3m':
        return { from: monthsEndingOn(end, 3), to: end }
      case '1y':
        return { from: monthsEndingOn(end, 12), to: end }
      case 'all': {
        const first = repo.firstDate()
        return { from: first && first <= end ? first : end, to: end }
      }
      case 'custom':
        return customRange(query, end)
    }
  }

  function customRange(query: InsightsQuery, end: string): { from: string; to: string } {
    const fields: Record<string, string> = {}
    if (!query.from) fields['from'] = 'Choose the first night of the range.'
    if (!query.to) fields['to'] = 'Choose the last night of the range.'
    const { from, to } = query
    if (from && !isRealDate(from)) fields['from'] = 'That date does not exist.'
    if (to && !isRealDate(to)) fields['to'] = 'That date does not exist.'
    if (from && to && !fields['from'] && !fields['to']) {
      if (from > to) fields['from'] = 'The first night must be on or before the last night.'
      else if (from < EARLIEST_DATE) fields['from'] = `Choose a night from ${EARLIEST_DATE} on.`
      else if (daysBetween(from, to) > MAX_RANGE_DAYS) fields['from'] = 'Choose a range of at most 50 years.'
    }
    if (Object.keys(fields).length > 0) throw new AppError('invalid-input', 'The date range needs another look.', fields)
    // Nights after last night cannot have entries yet: the range stops there.
    const clampedTo = to! > end ? end : to!
    return { from: from! > clampedTo ? clampedTo : from!, to: clampedTo }
  }

  // Ten years of nights and plans take tens of milliseconds to sum up; the same range asked again
  // before anything changed (going back to Insights, switching ranges back and forth) costs nothing.
  const answers = new Map<string, InsightsData>()
  let answersVersion = ''

  return {
    factors(from, to, nights) {
      const inRange = (nights ?? nightsBetween(from, to)).filter((n) => n.date >= from && n.date <= to)
      return shownFactors(compareFactors(inRange, factorDefs()))
    },
    get(query) {
      const range = chosenRange(query)
      const { from, to } = resolve({ ...query, range })
      if (!dataVersion) return compute(range, from, to)
      const version = `${repo.version()}|${dataVersion()}`
      if (version !== answersVersion) {
        answers.clear()
        answersVersion = version
      }
      const key = `${range}|${from}|${to}`
      let answer = answers.get(key)
      if (!answer) {
        answer = compute(range, from, to)
        answers.set(key, answer)
      }
      return answer
    }
  }

  function factorDefs(): InsightFactorDef[] {
    return repo.factors().map((f) => ({ id: f.id, label: f.label, kind: f.kind, archived: f.archived }))
  }

  /** Archived factors with no answers in the range would only add empty rows. */
  function shownFactors(factors: FactorInsight[]): FactorInsight[] {
    return factors.filter((f) => !f.archived || f.severity.nWith + f.severity.nWithout > 0)
  }

  function compute(range: RangeKind, from: string, to: string): InsightsData {
    const nights = nightsBetween(from, to)
    const defs = factorDefs()
    // No planned meals in the range: no food series at all, rather than a line of zeros.
    const data = buildInsights(nights, from, to, defs, plannedFood(from, to))
    const target = magnesiumTargetMg(profile())
    data.factors = shownFactors(data.factors)
    return {
      ...data,
      range,
      firstDate: repo.firstDate(),
      magnesium: {
        ...data.magnesium,
        targetMg: target.value,
        targetBasis: target.basis,
        targetSource: target.source,
        upperLimitMg: SUPPLEMENT_MG_UPPER_LIMIT,
        nightsAboveUpperLimit: nights.filter((n) => n.magnesiumMg > SUPPLEMENT_MG_UPPER_LIMIT).length
      }
    }
  }
}

function isRealDate(date: string): boolean {
  return dayNumber(date) !== null
}
