import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { InsightsData, InsightsQuery } from '../../../shared/contract'
import { call } from '../api'
import { earlyAnswer } from '../api/early-answer'
import { sameAnswer } from './same-answer'

function keyOf(query: InsightsQuery): string {
  return `${query.range ?? ''}|${query.from ?? ''}|${query.to ?? ''}`
}

export const useInsightsStore = defineStore('insights', () => {
  // No range until one is chosen: the service then picks the one that fits the nights logged.
  const query = ref<InsightsQuery>({})
  /** Chart data is read-only and large: kept shallow so Vue never wraps thousands of numbers. */
  const data = shallowRef<InsightsData | null>(null)
  const loading = ref(false)
  let latest = 0
  /** The request on its way: asking for the same range again shares it. */
  let inFlight: { key: string; answer: Promise<InsightsData> } | null = null
  /** What the router asked for on the way to Insights, for the view's first `load`. */
  const early = earlyAnswer<InsightsData>()

  /** Loads a range; an older answer arriving after a newer request is dropped. Asking again for the range on its way shares that request. */
  function load(next: InsightsQuery = query.value): Promise<InsightsData> {
    const key = keyOf(next)
    // Used once, by the next load only: a later visit asks afresh.
    const held = early.take(key)
    if (held) return held
    if (inFlight?.key === key) return inFlight.answer
    const ticket = ++latest
    loading.value = true
    const answer = request(next, ticket).finally(() => {
      if (inFlight?.answer === answer) inFlight = null
    })
    inFlight = { key, answer }
    return answer
  }

  async function request(next: InsightsQuery, ticket: number): Promise<InsightsData> {
    try {
      const value = await call('insights.get', next)
      if (ticket === latest) {
        query.value = next
        data.value = sameAnswer(data.value, value)
      }
      return value
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  /**
   * Starts loading the range a visit will show (the router calls this on the way to Insights), so the answer
   * is on its way while the view's code loads, and travels alone rather than with the calls of the cards
   * below. The view's first `load` of the same range gets this answer, even if it has already arrived (it
   * came while the view's code loaded); a failure is left for that `load` to report.
   */
  function prefetch(next: InsightsQuery): void {
    early.hold(keyOf(next), load(next))
  }

  return { query, data, loading, load, prefetch }
})
