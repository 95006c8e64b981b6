import { nextTick, onBeforeUnmount } from 'vue'
import type { Router } from 'vue-router'

/**
 * After each navigation, moves keyboard focus to the new view's main heading,
 * so screen-reader and keyboard users land at the start of what changed.
 */
export function useFocusOnNavigate(router: Router, selector = 'main h1'): void {
  let first = true
  const stop = router.afterEach(async (to, from) => {
    if (first) {
      first = false
      return
    }
    if (to.path === from.path) return
    await nextTick()
    const heading = document.querySelector<HTMLElement>(selector)
    if (!heading) return
    heading.tabIndex = -1
    heading.focus({ preventScroll: false })
  })
  onBeforeUnmount(stop)
}
