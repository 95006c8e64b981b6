import type { Api } from '../shared/contract'

declare global {
  interface Window {
    /** Present only inside the desktop app; the web harness uses HTTP instead. */
    stillwell?: Api
  }
}

export {}
