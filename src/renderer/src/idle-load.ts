/**
 * Loads code before it is needed, without getting in the way: one loader at a time, each started in a
 * moment when the page is idle and waiting for no answer from the main side. Opening a section before its
 * turn loads it as before (the same module, fetched once), so nothing waits for this. A loader that fails
 * stops the rest; that section tries again when it is opened.
 */
export interface IdleLoadOptions {
  /** Runs `task` when the page is next idle. */
  whenIdle?: (task: () => void) => void
  /** True while something is still on its way (the first screen's data): loading waits for a later idle moment. */
  busy?: () => boolean
  /** Called once every loader has loaded. */
  done?: () => void
}

export function loadWhenIdle(loaders: readonly (() => Promise<unknown>)[], options: IdleLoadOptions = {}): void {
  const whenIdle = options.whenIdle ?? ((task: () => void) => requestIdleCallback(() => task()))
  const busy = options.busy ?? (() => false)
  let next = 0
  const step = (): void => {
    if (busy()) return whenIdle(step)
    const load = loaders[next++]
    if (!load) return options.done?.()
    load().then(
      () => whenIdle(step),
      () => undefined
    )
  }
  whenIdle(step)
}
