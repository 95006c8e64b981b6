import { app, session, shell } from 'electron'
import { guardContents, mayRequest, type GuardOptions } from './navigation'

export type { GuardOptions } from './navigation'
export { isAllowedUrl, isExternalLink } from './navigation'

/**
 * App-wide guards, installed once before any window exists: every
 * WebContents the app ever creates refuses navigation away from the app,
 * redirects, new windows and <webview>; every permission request is denied;
 * no request may leave the machine.
 */
export function installSecurityGuards(options: GuardOptions): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  session.defaultSession.setDevicePermissionHandler(() => false)
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !mayRequest(details.url, options.allowedOrigins) })
  })
  app.on('web-contents-created', (_event, contents) => {
    guardContents(contents, options, (url) => shell.openExternal(url))
  })
}
