import { screen, type BrowserWindow, type Rectangle } from 'electron'
import type { KeyValueStore } from '../db/key-value-store'

const KEY = 'shell.window'
const DEFAULT = { width: 1180, height: 800 }
export const MIN_SIZE = { width: 900, height: 600 }

interface SavedState {
  bounds: Rectangle
  maximized: boolean
}

/** The last window size and position, if it is still on a connected display. */
export function loadWindowState(store: KeyValueStore): {
  bounds: Partial<Rectangle> & { width: number; height: number }
  maximized: boolean
} {
  const saved = store.get(KEY) as Partial<SavedState> | undefined
  const b = saved?.bounds
  if (!b || ![b.x, b.y, b.width, b.height].every(Number.isFinite)) return { bounds: DEFAULT, maximized: false }
  const visible = screen
    .getAllDisplays()
    .some(({ workArea: a }) => b.x < a.x + a.width && b.x + b.width > a.x && b.y < a.y + a.height && b.y + b.height > a.y)
  const size = { width: Math.max(b.width, MIN_SIZE.width), height: Math.max(b.height, MIN_SIZE.height) }
  return { bounds: visible ? { ...size, x: b.x, y: b.y } : size, maximized: saved?.maximized === true }
}

/** Saves the window's normal bounds when it moves or resizes (debounced) and when it closes. */
export function trackWindowState(window: BrowserWindow, store: KeyValueStore): void {
  let timer: NodeJS.Timeout | undefined
  const save = (): void => {
    if (window.isDestroyed() || window.isMinimized()) return
    store.set({ [KEY]: { bounds: window.getNormalBounds(), maximized: window.isMaximized() } satisfies SavedState })
  }
  const later = (): void => {
    clearTimeout(timer)
    timer = setTimeout(save, 500)
  }
  window.on('resize', later)
  window.on('move', later)
  window.on('close', () => {
    clearTimeout(timer)
    save()
  })
}
