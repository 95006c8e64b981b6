// A tiny static file server on 127.0.0.1 for the bare comparison page.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { onCleanup } from './cleanup.mjs'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json'
}

/**
 * Serves `dir` on a free port; resolves to { url, close }. `headers` are added
 * to every response (the load-time measure passes the harness's own security
 * headers for its second bare page).
 */
export async function serveStatic(dir, headers = {}) {
  const root = normalize(dir + sep)
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)
    const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname))
    if (!file.startsWith(root) || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404).end()
      return
    }
    readFile(file).then(
      (body) => {
        const type = TYPES[extname(file)] ?? 'application/octet-stream'
        res.writeHead(200, { ...headers, 'content-type': type, ...(type.startsWith('text/html') ? { 'cache-control': 'no-store' } : {}) })
        res.end(body)
      },
      () => res.writeHead(404).end()
    )
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const close = onCleanup('close static server', () => {
    server.closeAllConnections()
    return new Promise((resolve) => server.close(() => resolve()))
  })
  return { url: `http://127.0.0.1:${server.address().port}`, close }
}
