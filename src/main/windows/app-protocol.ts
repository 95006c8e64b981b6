import { protocol } from 'electron'
import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { CONTENT_SECURITY_POLICY, CSP_HEADER_ONLY } from '../../shared/csp'
import type { HandleOptions } from '../ipc/handle'
import type { HandlerTable } from '../ipc/handlers'
import { contentType, rendererFile, rendererRoot } from '../renderer-files'
import { startAnswersElement, withHeadElement } from '../start-answers'

/**
 * The renderer is served from `app://stillwell/` rather than file://, so it
 * has a real origin, file:// stays unreachable, and every response carries
 * the Content-Security-Policy as a header.
 */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://stillwell`

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  // codeCache: V8 keeps the compiled scripts between starts, as it does for https pages; without it every
  // start compiles the renderer's code again.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
  ])
}

/** Serves the built renderer; index.html carries the start answers (shared/start-answers.ts) from `handlers`. */
export function serveRenderer(rendererDir: string, handlers: HandlerTable, options: HandleOptions = {}): void {
  const root = rendererRoot(rendererDir)
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== 'stillwell') return new Response('Not found', { status: 404 })
    const file = rendererFile(root, url.pathname)
    if (file === null) return new Response('Not found', { status: 404 })
    try {
      const bytes = await readFile(file)
      const body = extname(file) === '.html' ? withHeadElement(bytes.toString('utf8'), await startAnswersElement(handlers, options)) : bytes
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
