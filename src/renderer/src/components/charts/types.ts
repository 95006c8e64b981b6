/** One series, described in plain terms; colours are CSS variable names. */
export interface ChartSeries {
  label: string
  data: readonly (number | null)[]
  color: string
  kind: 'line' | 'bar'
  axis?: 'y' | 'y2'
  dashed?: boolean
  /** Draw points (short ranges) or only the line (long ones). */
  points?: boolean
}

export interface ChartAxis {
  title: string
  min?: number
  max?: number
  /** Appended to tick labels, e.g. " h" or "%". */
  unit?: string
}
