import type { Chart } from './chart-setup'

/**
 * Charts kept between visits. A view's main chart (Insights' severity chart) outlives the component that
 * drew it: on unmount its canvas moves into a hidden holder in the page, and the next component with the
 * same `keep` name takes it back instead of making a new chart. Making one costs a new canvas buffer and
 * Chart.js's whole set-up and layout, about a third of opening Insights on the bench machine; taking one
 * back costs a comparison when the data is the same, or an update in place when it is not.
 *
 * The canvas stays in the document while it waits (a canvas taken out of the page makes Chart.js shrink it
 * to nothing, and measure and draw it anew when it returns), so it moves from one parent to the other
 * within one task and Chart.js never sees it leave.
 */
export interface KeptChart<Shown> {
  chart: Chart
  /** What the canvas shows (BaseChart's record of its last input). */
  shown: Shown
  /** The colour scheme it was drawn in (see `colourScheme`): another one means drawing again. */
  scheme: string
}

const kept = new Map<string, KeptChart<unknown>>()
let holder: HTMLElement | null = null

function parking(): HTMLElement {
  if (!holder || !holder.isConnected) {
    holder = document.createElement('div')
    holder.hidden = true
    holder.setAttribute('aria-hidden', 'true')
    holder.dataset['keptCharts'] = ''
    document.body.append(holder)
  }
  return holder
}

/** Parks a chart under `name`; one chart per name (an older one under the same name is destroyed). */
export function keepChart<Shown>(name: string, entry: KeptChart<Shown>): void {
  const older = kept.get(name)
  if (older && older.chart !== entry.chart) older.chart.destroy()
  parking().append(entry.chart.canvas)
  kept.set(name, entry)
}

/**
 * Takes the chart parked under `name`, if any, and puts its canvas where `placeholder` is. Chart.js then
 * listens for size changes of the new container, and re-measures once (no redraw when the size is the same).
 */
export function takeKeptChart<Shown>(name: string, placeholder: HTMLCanvasElement): KeptChart<Shown> | null {
  const entry = kept.get(name) as KeptChart<Shown> | undefined
  if (!entry) return null
  kept.delete(name)
  placeholder.replaceWith(entry.chart.canvas)
  entry.chart.unbindEvents()
  entry.chart.bindEvents()
  return entry
}
