import { onScopeDispose, ref, type Ref } from 'vue'
import { scrollFraction, scrollTopFor } from '../../../../shared/domain/articles'

export interface ReadingPositionOptions {
  /** The article element whose progress is tracked. */
  target: Ref<HTMLElement | null>
  /** Called with the position to keep, at most once per `delay` while scrolling, and on leaving. */
  save: (fraction: number, anchor: string | null) => void
  /** Milliseconds of quiet before a position is saved. */
  delay?: number
  /** Distance from the top of the window at which a heading counts as the current section. */
  headingOffset?: number
}

export interface ReadingPosition {
  /** 0 at the top of the article, 1 at its end. */
  fraction: Ref<number>
  /** The id of the section heading the reader is in, or null above the first one. */
  anchor: Ref<string | null>
  /** Starts tracking (and saving) after the article is rendered; `to` puts the reader back first. */
  start(to?: { fraction?: number; anchor?: string | null }): void
  /** Saves right away if a save is pending. */
  flush(): void
  stop(): void
}

/**
 * Follows the window's scroll position through one article: the fraction read
 * and the current section, saved (debounced) so reading resumes in the same
 * place, also after a restart. Listeners go away with the component.
 */
export function useReadingPosition(options: ReadingPositionOptions): ReadingPosition {
  const delay = options.delay ?? 400
  const headingOffset = options.headingOffset ?? 120
  const fraction = ref(0)
  const anchor = ref<string | null>(null)
  let tracking = false
  let frame = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending = false

  function measure(): void {
    frame = 0
    const el = options.target.value
    if (!el) return
    const rect = el.getBoundingClientRect()
    fraction.value = scrollFraction(window.scrollY, rect.top + window.scrollY, rect.height, window.innerHeight)
    let current: string | null = null
    // Only the article's own section headings (sec-…), not the page's (References and the like).
    for (const heading of el.querySelectorAll<HTMLElement>('h2[id^="sec-"], h3[id^="sec-"]')) {
      if (heading.getBoundingClientRect().top - headingOffset > 0) break
      current = heading.id
    }
    anchor.value = current
  }

  function onScroll(): void {
    if (!tracking) return
    if (!frame) frame = requestAnimationFrame(measure)
    pending = true
    clearTimeout(timer)
    timer = setTimeout(flush, delay)
  }

  function flush(): void {
    clearTimeout(timer)
    if (!pending || !tracking) return
    pending = false
    if (frame) {
      cancelAnimationFrame(frame)
      measure()
    }
    options.save(fraction.value, anchor.value)
  }

  function onHide(): void {
    if (document.visibilityState === 'hidden') flush()
  }

  function start(to: { fraction?: number; anchor?: string | null } = {}): void {
    const el = options.target.value
    if (el) {
      const rect = el.getBoundingClientRect()
      const heading = to.anchor ? document.getElementById(to.anchor) : null
      if (heading && el.contains(heading)) {
        heading.scrollIntoView({ block: 'start', behavior: 'instant' })
      } else if ((to.fraction ?? 0) <= 0) {
        // The very beginning means the top of the page, title included.
        window.scrollTo({ top: 0, behavior: 'instant' })
      } else {
        const top = scrollTopFor(to.fraction ?? 0, rect.top + window.scrollY, rect.height, window.innerHeight)
        window.scrollTo({ top, behavior: 'instant' })
      }
    }
    measure()
    if (!tracking) {
      tracking = true
      window.addEventListener('scroll', onScroll, { passive: true })
      window.addEventListener('resize', onScroll, { passive: true })
      window.addEventListener('pagehide', flush)
      document.addEventListener('visibilitychange', onHide)
    }
  }

  function stop(): void {
    flush()
    tracking = false
    if (frame) cancelAnimationFrame(frame)
    frame = 0
    window.removeEventListener('scroll', onScroll)
    window.removeEventListener('resize', onScroll)
    window.removeEventListener('pagehide', flush)
    document.removeEventListener('visibilitychange', onHide)
  }

  onScopeDispose(stop)
  return { fraction, anchor, start, flush, stop }
}
