import type { InjectionKey, Ref } from 'vue'
import { cssVar, prefersDark } from '../../composables/useThemeVersion'
import type { ChartAxis, ChartSeries } from './types'

/**
 * What a chart draws, as BaseChart receives it. Two inputs that are the same
 * value for value draw the same picture, so a chart handed a fresh copy of
 * what it already shows (Insights reloads its data on every visit; the
 * medication markers arrive a moment later, usually unchanged) need not draw
 * again: a few hundred comparisons instead of a canvas redraw.
 */
export interface ChartInput {
  labels: readonly string[]
  series: readonly ChartSeries[]
  y: ChartAxis
  y2?: ChartAxis | undefined
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function sameAxis(a: ChartAxis | undefined, b: ChartAxis | undefined): boolean {
  if (a === b) return true
  if (!a || !b) return false
  return a.title === b.title && a.min === b.min && a.max === b.max && a.unit === b.unit && a.clock === b.clock
}

function sameSeries(a: ChartSeries, b: ChartSeries): boolean {
  return (
    a.label === b.label &&
    a.color === b.color &&
    a.kind === b.kind &&
    a.axis === b.axis &&
    a.dashed === b.dashed &&
    a.dotted === b.dotted &&
    a.stack === b.stack &&
    a.points === b.points &&
    sameList(a.data, b.data)
  )
}

export function sameChartInput(a: ChartInput, b: ChartInput): boolean {
  return (
    sameList(a.labels, b.labels) &&
    sameAxis(a.y, b.y) &&
    sameAxis(a.y2, b.y2) &&
    a.series.length === b.series.length &&
    a.series.every((s, i) => sameSeries(s, b.series[i]!))
  )
}

/** A tick of a clock axis (ChartAxis.clock), an hour of an evening's clock, as a clock time: 21 → "21:00", 26 → "02:00". */
export function clockTickLabel(hours: number): string {
  const hour = ((Math.round(hours) % 24) + 24) % 24
  return `${String(hour).padStart(2, '0')}:00`
}

/**
 * Chart colours (CSS variables on :root) for the page's current colour scheme,
 * resolved once per scheme and shared by every chart: resolving one costs a
 * style recalculation, and Insights draws six charts of four to eight colours.
 */
const palettes = new Map<string, Map<string, string>>()

/** The page's colour scheme now: the theme setting and the system's light or dark preference. */
export function colourScheme(): string {
  const dark = prefersDark()?.matches === true
  return `${document.documentElement.getAttribute('data-theme') ?? ''} ${dark ? 'dark' : 'light'}`
}

export function chartColour(name: string, fallback: string, element: Element): string {
  const scheme = colourScheme()
  let palette = palettes.get(scheme)
  if (!palette) palettes.set(scheme, (palette = new Map()))
  let colour = palette.get(name)
  if (colour === undefined) palette.set(name, (colour = cssVar(name, fallback, element)))
  return colour
}

let fontFamily: string | undefined

/** The page's font, read once: reading it forces a style recalculation, and it never changes while the page is open. */
export function pageFontFamily(element: Element): string {
  return (fontFamily ??= getComputedStyle(element).fontFamily)
}

/** A view's "first screen complete" flag, provided to its lazy charts (see BaseChart's `lazy`). */
export const FIRST_SCREEN_DRAWN: InjectionKey<Readonly<Ref<boolean>>> = Symbol('first-screen-drawn')

/** Charts mounted in the same update, waiting to learn whether they are on screen. */
let placing: { element: Element; then: (offScreen: boolean) => void }[] = []

/**
 * Tells `then` whether `element` is off screen, once every chart mounted in the same update has asked: all
 * positions are read before any chart draws, so the page is laid out once rather than once per chart.
 */
export function whenPlaced(element: Element, then: (offScreen: boolean) => void): void {
  if (placing.length === 0) queueMicrotask(place)
  placing.push({ element, then })
}

function place(): void {
  const batch = placing
  placing = []
  const height = window.innerHeight
  const off = batch.map(({ element }) => {
    const box = element.getBoundingClientRect()
    return box.bottom <= 0 || box.top >= height
  })
  batch.forEach(({ then }, i) => then(off[i]!))
}
