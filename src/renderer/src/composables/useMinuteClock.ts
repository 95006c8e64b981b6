import { onScopeDispose, readonly, ref, type Ref } from 'vue'

export interface MinuteClockOptions {
  /** The clock to read (tests pass a fake one). */
  now?: () => number
}

const MINUTE = 60_000

/**
 * The current time in milliseconds, updated just after each minute boundary
 * (not every second: countdowns here speak in minutes), and again whenever
 * the page becomes visible, since timers stall while a computer sleeps.
 */
export function useMinuteClock(options: MinuteClockOptions = {}): Readonly<Ref<number>> {
  const read = options.now ?? (() => Date.now())
  const now = ref(read())
  let timer: ReturnType<typeof setTimeout> | undefined

  function schedule(): void {
    clearTimeout(timer)
    const current = read()
    now.value = current
    timer = setTimeout(schedule, MINUTE - (current % MINUTE) + 20)
  }

  const onVisible = (): void => {
    if (document.visibilityState === 'visible') schedule()
  }

  schedule()
  document.addEventListener('visibilitychange', onVisible)
  onScopeDispose(() => {
    clearTimeout(timer)
    document.removeEventListener('visibilitychange', onVisible)
  })
  return readonly(now)
}
