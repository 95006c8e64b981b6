import { onScopeDispose, ref, type Ref } from 'vue'

/** The one watcher of the page's colours, shared by every chart on the page while any is mounted. */
let shared: { version: Ref<number>; users: number; stop: () => void } | null = null

/** The system's dark-mode query, asked once: each matchMedia() call costs a style evaluation. */
let darkQuery: MediaQueryList | null | undefined

export function prefersDark(): MediaQueryList | null {
  if (darkQuery === undefined) darkQuery = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null
  return darkQuery
}

/**
 * A number that changes whenever the page's colours may have changed: the
 * theme setting (data-theme on <html>) or the system's light/dark preference.
 * Canvas charts read colours from CSS variables once per draw, so they watch
 * this to redraw in the new colours. One observer serves every chart on the
 * page; it is removed with the last scope that uses it.
 */
export function useThemeVersion(): Ref<number> {
  if (!shared) {
    const version = ref(0)
    const bump = (): void => {
      version.value++
    }
    const observer = new MutationObserver(bump)
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
    const media = prefersDark()
    media?.addEventListener('change', bump)
    shared = {
      version,
      users: 0,
      stop: () => {
        observer.disconnect()
        media?.removeEventListener('change', bump)
      }
    }
  }
  const current = shared
  current.users++
  onScopeDispose(() => {
    if (--current.users > 0) return
    current.stop()
    if (shared === current) shared = null
  })
  return current.version
}

/**
 * Reads a colour custom property from an element as the canvas needs it. The
 * palette is written as light-dark(day, evening), which only a colour property
 * resolves, so the value is read back through a probe's `color`.
 */
export function cssVar(name: string, fallback = '#888888', element: Element = document.documentElement): string {
  const value = getComputedStyle(element).getPropertyValue(name).trim()
  if (!value.startsWith('light-dark(')) return value || fallback
  const probe = document.createElement('span')
  probe.style.color = `var(${name})`
  probe.hidden = true
  element.appendChild(probe)
  const resolved = getComputedStyle(probe).color
  probe.remove()
  return resolved || fallback
}
