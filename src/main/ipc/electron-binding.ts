import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '../../shared/contract'
import { handle } from './handle'
import type { HandlerTable } from './handlers'
import { isAllowedUrl } from '../windows/navigation'

/**
 * Binds the handler table to ipcMain. A call is served only when it comes from
 * the main frame of one of the app's own pages; anything else (an iframe, a
 * page that somehow navigated elsewhere) is refused.
 */
export function bindIpc(
  table: HandlerTable,
  allowedOrigins: readonly string[],
  log: (message: string, error: unknown) => void
): () => void {
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame
    return frame !== null && frame.parent === null && isAllowedUrl(frame.url, allowedOrigins)
  }
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!trusted(event)) {
        return { ok: false, error: { code: 'forbidden', message: 'This call did not come from the Stillwell window.' } }
      }
      return handle(table, channel, input, { log })
    })
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel)
  }
}
