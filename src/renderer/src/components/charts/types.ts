/** One series, described in plain terms; colours are CSS variable names. */
export interface ChartSeries {
  label: string
  data: readonly (number | null)[]
  color: string
  kind: 'line' | 'bar'
  axis?: 'y' | 'y2'
  dashed?: boolean
  /** A finer dot pattern, to tell a second reference line from a dashed one. */
  dotted?: boolean
  /** Bars with the same stack name are drawn on top of each other. */
  stack?: string
  /** Draw points (short ranges) or only the line (long ones). */
  points?: boolean
}

export interface ChartAxis {
  title: string
  min?: number
  max?: number
  /** Appended to tick labels, e.g. " h" or "%". */
  unit?: string
  /**
   * Values are hours on an evening's clock, which runs past midnight (25 = 1 am): tick labels are clock times
   * every three hours (21:00, 00:00, 03:00), on the 24-hour clock the symptom-timing texts and tables use.
   * `unit` is not used.
   */
  clock?: boolean
}
