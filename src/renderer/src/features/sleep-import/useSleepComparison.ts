import { ref, watch, type Ref } from 'vue'
import type { SleepComparison } from '../../../../shared/contract'
import { call } from '../../api'

/**
 * The diary's and the device's total sleep, night by night, for a date range
 * that may change: empty while the range is incomplete or the call fails.
 */
export function useSleepComparison(range: () => readonly [from: string, to: string]): Ref<SleepComparison> {
  const rows = ref<SleepComparison>([])
  watch(
    range,
    async ([from, to]) => {
      try {
        rows.value = from && to ? await call('sleepImport.compare', { from, to }) : []
      } catch {
        rows.value = []
      }
    },
    { immediate: true }
  )
  return rows
}
