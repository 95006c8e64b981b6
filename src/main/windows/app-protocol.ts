import { protocol } from 'electron'
import { readFile } from 'node:fs/promises'
import { CONTENT_SECURITY_POLICY, CSP_HEADER_ONLY } from '../../shared/csp'
import { contentType, rendererFile, rendererRoot } from '../renderer-files'

/**
 * The renderer is served from `app://stillwell/` rather than file://, so it
 * has a real origin, file:// stays unreachable, and every response carries
 * the Content-Security-Policy as a header.
 */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://stillwell`

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

export function serveRenderer(rendererDir: string): void {
  const root = rendererRoot(rendererDir)
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== 'stillwell') return new Response('Not found', { status: 404 })
    const file = rendererFile(root, url.pathname)
    if (file === null) return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(file)
      return new Response(body, {
        headers: {
          'content-type': contentType(file),
          'content-security-policy': `${CONTENT_SECURITY_POLICY}; ${CSP_HEADER_ONLY}`,
          'x-content-type-options': 'nosniff'
        }
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}
