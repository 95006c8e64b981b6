import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { useMinuteClock } from '../../src/renderer/src/composables/useMinuteClock'

afterEach(() => vi.useRealTimers())

describe('useMinuteClock', () => {
  it('ticks just after each minute boundary, not every second', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-01-15T20:00:40Z') })
    const scope = effectScope()
    const now = scope.run(() => useMinuteClock())!
    const start = now.value
    await vi.advanceTimersByTimeAsync(15_000)
    expect(now.value).toBe(start)
    await vi.advanceTimersByTimeAsync(6_000) // past 20:01:00
    expect(new Date(now.value).toISOString()).toMatch(/^2026-01-15T20:01:00/)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(new Date(now.value).toISOString()).toMatch(/^2026-01-15T20:02:00/)
    scope.stop()
  })

  it('catches up when the page becomes visible again (after a sleep)', () => {
    let clock = Date.parse('2026-01-15T20:00:00Z')
    const scope = effectScope()
    const now = scope.run(() => useMinuteClock({ now: () => clock }))!
    clock += 3 * 3_600_000
    document.dispatchEvent(new Event('visibilitychange'))
    expect(now.value).toBe(clock)
    scope.stop()
  })

  it('stops its timer and listener when its scope ends', () => {
    vi.useFakeTimers()
    const removed = vi.spyOn(document, 'removeEventListener')
    const scope = effectScope()
    scope.run(() => useMinuteClock())
    expect(vi.getTimerCount()).toBe(1)
    scope.stop()
    expect(vi.getTimerCount()).toBe(0)
    expect(removed).toHaveBeenCalledWith('visibilitychange', expect.any(Function))
  })
})
