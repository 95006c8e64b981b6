/**
 * The answer a store already holds, when a fresh one says the same thing: views reload their data on every
 * visit, and replacing an object with an equal copy re-renders everything that reads it (on Insights, every
 * chart, summary and table). Answers are plain JSON, so comparing their text is exact, and cheap beside a render.
 */
export function sameAnswer<T>(held: T, fresh: T): T {
  return held !== null && held !== undefined && JSON.stringify(held) === JSON.stringify(fresh) ? held : fresh
}
