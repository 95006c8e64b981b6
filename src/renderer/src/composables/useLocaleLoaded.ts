import { readonly, ref, type Ref } from 'vue'
import { displayLocaleLoaded, formatClock } from '../../../shared/domain/calendar'

const loaded = ref(displayLocaleLoaded())

/**
 * Loads the locale's date and time formats once the first screen has been painted. In a fresh page the
 * first date or time written costs tens of milliseconds (the locale's data is read then); the first
 * screen need not wait for that, and it is paid while that screen's data is on its way instead.
 */
export function loadLocaleAfterFirstPaint(): void {
  if (loaded.value) return
  requestAnimationFrame(() =>
    setTimeout(() => {
      formatClock('00:00')
      loaded.value = true
    })
  )
}

/** True once dates and times can be written without that first-time cost (at once, on every later visit). */
export function useLocaleLoaded(): Readonly<Ref<boolean>> {
  return readonly(loaded)
}
