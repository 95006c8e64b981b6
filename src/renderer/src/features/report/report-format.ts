/** A mean for the report, or a dash when there was nothing to average. */
export const one = (v: number | null, suffix = ''): string => (v === null ? '—' : `${v}${suffix}`)

/** One figure in a report's list of facts: what it is, and its value in words. */
export interface Fact {
  term: string
  value: string
}
