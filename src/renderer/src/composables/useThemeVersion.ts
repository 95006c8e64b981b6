import { onScopeDispose, ref, type Ref } from 'vue'

/**
 * A number that changes whenever the page's colours may have changed: the
 * theme setting (data-theme on <html>) or the system's light/dark preference.
 * Canvas charts read colours from CSS variables once per draw, so they watch
 * this to redraw in the new colours. Listeners are removed with the scope.
 */
export function useThemeVersion(root: HTMLElement = document.documentElement): Ref<number> {
  const version = ref(0)
  const bump = (): void => {
    version.value++
  }
  const observer = new MutationObserver(bump)
  observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] })
  const media = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null
  media?.addEventListener('change', bump)
  onScopeDispose(() => {
    observer.disconnect()
    media?.removeEventListener('change', bump)
  })
  return version
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
