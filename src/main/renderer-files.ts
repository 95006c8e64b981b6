import { extname, join, normalize, sep } from 'node:path'

/**
 * Which built renderer file a request path names, for the two places that
 * serve the renderer: the app:// protocol (windows/app-protocol.ts) and the
 * test harness (web/server.ts). Plain Node, so the harness stays free of Electron.
 */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

/** The folder as a prefix every served file must start with. */
export function rendererRoot(rendererDir: string): string {
  return normalize(rendererDir + sep)
}

/**
 * The file a URL path names below `root` ('/' is index.html), or null when the
 * path climbs out of it. Throws URIError on a malformed escape such as "/%ff".
 */
export function rendererFile(root: string, pathname: string): string | null {
  const file = normalize(join(root, decodeURIComponent(pathname === '/' ? '/index.html' : pathname)))
  return file.startsWith(root) ? file : null
}

export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file)] ?? 'application/octet-stream'
}
