import { shallowRef, watch, type Ref } from 'vue'
import type { SleepComparison } from '../../../../shared/contract'
import { call } from '../../api'

/**
 * The diary's and the device's total sleep, night by night, for a date range
 * that may change: empty while the range is incomplete or the call fails.
 * Held shallow: a row per night of the range (thousands over ten years) is
 * only ever replaced whole, so Vue need not wrap every row in a proxy.
 */
export function useSleepComparison(range: () => readonly [from: string, to: string]): Ref<SleepComparison> {
  const rows = shallowRef<SleepComparison>([])
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
