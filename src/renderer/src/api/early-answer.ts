/**
 * An answer asked for ahead of the screen that shows it (a route's `beforeEnter`, while the screen's code
 * loads), handed to that screen's first request for the same thing, whether it has arrived yet or not.
 * Taken once: asking again later asks afresh.
 */
export interface EarlyAnswer<T> {
  /** Holds an answer on its way for `key`; a failure is left for whoever takes it. */
  hold(key: string, answer: Promise<T>): void
  /** The answer held for `key`, once; null when none was (an answer held for another key is dropped). */
  take(key: string): Promise<T> | null
}

export function earlyAnswer<T>(): EarlyAnswer<T> {
  let held: { key: string; answer: Promise<T> } | null = null
  return {
    hold(key, answer) {
      // Not left unhandled if the screen never comes (navigation cancelled); a screen that takes it sees the error.
      answer.catch(() => undefined)
      held = { key, answer }
    },
    take(key) {
      const waiting = held
      held = null
      return waiting?.key === key ? waiting.answer : null
    }
  }
}
