import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { InsightsData, InsightsQuery } from '../../../shared/contract'
import { call } from '../api'
import { sameAnswer } from './same-answer'

export const useInsightsStore = defineStore('insights', () => {
  // No range until one is chosen: the service then picks the one that fits the nights logged.
  const query = ref<InsightsQuery>({})
  /** Chart data is read-only and large: kept shallow so Vue never wraps thousands of numbers. */
  const data = shallowRef<InsightsData | null>(null)
  const loading = ref(false)
  let latest = 0

  /** Loads a range; an older answer arriving after a newer request is dropped. */
  async function load(next: InsightsQuery = query.value): Promise<InsightsData> {
    const ticket = ++latest
    loading.value = true
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

  return { query, data, loading, load }
})
