import { watchEffect, type Ref } from 'vue'
import type { Theme } from '../../../shared/contract'

/**
 * Applies the chosen theme to the document. 'system' leaves the choice to the
 * operating system (prefers-color-scheme); light and dark override it.
 */
export function useTheme(theme: Ref<Theme | undefined>, root: HTMLElement = document.documentElement): void {
  watchEffect(() => {
    const value = theme.value ?? 'system'
    if (value === 'system') delete root.dataset['theme']
    else root.dataset['theme'] = value
  })
}
