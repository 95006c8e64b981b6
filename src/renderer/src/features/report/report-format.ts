/** A mean for the report, or a dash when there was nothing to average. */
export const one = (v: number | null, suffix = ''): string => (v === null ? '—' : `${v}${suffix}`)
